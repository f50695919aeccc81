/**
 * @file A minimal ONNX graph writer over the protobuf definitions of `onnx-proto`: constants,
 * nodes and graph inputs/outputs, encoded to the bytes of a `.onnx` file (IR 8, opset 17, the
 * newest that onnxruntime-node 1.14 runs). Used only to generate test models (generate.ts).
 */
import os from 'node:os';
import onnxProto from 'onnx-proto';
import type { onnx as proto } from 'onnx-proto';

const { onnx } = onnxProto;

/** Opset 17 is the first with LayerNormalization and the last fully supported by onnxruntime 1.14. */
const OPSET = 17;
const IR_VERSION = 8;

export type TensorData = Float32Array | Int8Array | Uint8Array | BigInt64Array;
/** Plain numbers are INT attributes, arrays INTS; floats must say so. */
export type AttributeValue = number | number[] | { float: number };

/** A graph input or output: element type and dims (strings name symbolic dims such as "batch"). */
export interface GraphValue {
  name: string;
  type: 'float' | 'int64';
  dims: (number | string)[];
}

const { DataType } = onnx.TensorProto;

function dataTypeOf(data: TensorData): proto.TensorProto.DataType {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Int8Array) return DataType.INT8;
  if (data instanceof Uint8Array) return DataType.UINT8;
  return DataType.INT64;
}

function toAttribute(name: string, value: AttributeValue): proto.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'number') return { name, type: AttributeType.INT, i: value };
  return { name, type: AttributeType.FLOAT, f: value.float };
}

function toValueInfo(value: GraphValue): proto.IValueInfoProto {
  const dim = value.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  const elemType = value.type === 'float' ? DataType.FLOAT : DataType.INT64;
  return { name: value.name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** Collects constants and nodes in order, then encodes them as one ONNX model. */
export class GraphBuilder {
  private readonly nodes: proto.INodeProto[] = [];
  private readonly initializers: proto.ITensorProto[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  constructor() {
    // Tensors are written as raw bytes straight from typed arrays, which ONNX defines as little-endian.
    if (os.endianness() !== 'LE') throw new Error('onnxGraph: big-endian hosts are not supported');
  }

  /** Adds a constant tensor (an initializer) and returns its name. */
  constant(name: string, data: TensorData, dims: number[]): string {
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name: this.claim(name), dataType: dataTypeOf(data), dims, rawData });
    return name;
  }

  /** Adds an int64 constant of `dims` (a 1-D list by default). */
  ints(name: string, values: number[], dims: number[] = [values.length]): string {
    return this.constant(name, BigInt64Array.from(values, BigInt), dims);
  }

  /** Adds a float scalar constant. */
  scalar(name: string, value: number): string {
    return this.constant(name, Float32Array.of(value), []);
  }

  /** Adds a node with one output (named `output`, or generated) and returns that output's name. */
  op(opType: string, inputs: string[], attrs: Record<string, AttributeValue> = {}, output?: string): string {
    return this.opMulti(opType, inputs, 1, attrs, output)[0];
  }

  /** Adds a node with `count` outputs and returns their names. */
  opMulti(opType: string, inputs: string[], count: number, attrs: Record<string, AttributeValue> = {}, output?: string): string[] {
    const base = output ?? `${opType.toLowerCase()}_${this.counter++}`;
    const outputs = Array.from({ length: count }, (_, i) => this.claim(i === 0 ? base : `${base}_${i}`));
    const attribute = Object.entries(attrs).map(([key, value]) => toAttribute(key, value));
    this.nodes.push({ opType, input: inputs, output: outputs, name: `${base}_node`, attribute });
    return outputs;
  }

  /** Encodes the graph as the bytes of a .onnx file. */
  encode(name: string, inputs: GraphValue[], outputs: GraphValue[]): Uint8Array {
    const graph: proto.IGraphProto = {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: inputs.map(toValueInfo),
      output: outputs.map(toValueInfo),
    };
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: 'paperscope',
      opsetImport: [{ domain: '', version: OPSET }],
      graph,
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private claim(name: string): string {
    // A repeated name would silently alias two tensors in the graph.
    if (this.names.has(name)) throw new Error(`onnxGraph: duplicate tensor name "${name}"`);
    this.names.add(name);
    return name;
  }
}
