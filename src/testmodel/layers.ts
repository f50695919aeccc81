/**
 * @file Transformer building blocks (embedding lookup, dense, LayerNorm, GELU) written into a
 * GraphBuilder, in fp32 or 8-bit form. The 8-bit form follows onnxruntime's `quantize_dynamic`:
 * int8 weights with one scale per tensor, activations quantized on the fly (DynamicQuantizeLinear
 * + MatMulInteger), embedding tables stored as int8 and dequantized after the Gather.
 */
import type { GraphBuilder } from './onnxGraph.js';

/** A dense layer: `weight` is row-major [inDim, outDim] (ONNX MatMul's right operand), `bias` [outDim]. */
export interface Dense {
  weight: Float32Array;
  bias: Float32Array;
  inDim: number;
  outDim: number;
}

/** LayerNorm's scale and shift, both [hidden]. */
export interface Norm {
  gamma: Float32Array;
  beta: Float32Array;
}

/** BERT's LayerNorm epsilon. */
const LAYER_NORM_EPSILON = 1e-12;
const INT8_MAX = 127;

/** Symmetric per-tensor int8 quantization: value ≈ q * scale, zero point 0. */
function quantizeInt8(values: Float32Array): { q: Int8Array; scale: number } {
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  // An all-zero tensor still needs a positive scale to be a valid DequantizeLinear input.
  const scale = maxAbs > 0 ? maxAbs / INT8_MAX : 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.max(-INT8_MAX, Math.min(INT8_MAX, Math.round(values[i] / scale)));
  return { q, scale };
}

/** Writes layers into `graph`, all in fp32 or all in 8-bit form. */
export class LayerWriter {
  private readonly scalars = new Map<number, string>();

  constructor(readonly graph: GraphBuilder, readonly quantized: boolean) {}

  /** A float scalar constant, shared by every node that needs the same value. */
  scalar(value: number): string {
    let name = this.scalars.get(value);
    if (!name) {
      name = this.graph.scalar(`const_${this.scalars.size}`, value);
      this.scalars.set(value, name);
    }
    return name;
  }

  /** Looks rows of `table` ([rows, cols]) up by int64 `ids` of any shape: output [...ids, cols]. */
  embedding(name: string, table: Float32Array, cols: number, ids: string): string {
    const dims = [table.length / cols, cols];
    if (!this.quantized) return this.graph.op('Gather', [this.graph.constant(name, table, dims), ids]);
    const { q, scale } = quantizeInt8(table);
    const rows = this.graph.op('Gather', [this.graph.constant(`${name}_quantized`, q, dims), ids]);
    const zeroPoint = this.graph.constant(`${name}_zero_point`, new Int8Array(1), []);
    return this.graph.op('DequantizeLinear', [rows, this.graph.scalar(`${name}_scale`, scale), zeroPoint]);
  }

  /** x [..., inDim] · weight + bias: output [..., outDim]. */
  dense(x: string, name: string, layer: Dense): string {
    const bias = this.graph.constant(`${name}.bias`, layer.bias, [layer.outDim]);
    const product = this.quantized ? this.quantizedMatMul(x, name, layer) : this.graph.op('MatMul', [x, this.graph.constant(`${name}.weight`, layer.weight, [layer.inDim, layer.outDim])]);
    return this.graph.op('Add', [product, bias]);
  }

  /** LayerNormalization over the last axis (opset 17). */
  layerNorm(x: string, name: string, norm: Norm): string {
    const gamma = this.graph.constant(`${name}.weight`, norm.gamma, [norm.gamma.length]);
    const beta = this.graph.constant(`${name}.bias`, norm.beta, [norm.beta.length]);
    return this.graph.op('LayerNormalization', [x, gamma, beta], { axis: -1, epsilon: { float: LAYER_NORM_EPSILON } });
  }

  /** Exact GELU, 0.5·x·(1 + erf(x/√2)), spelled out as PyTorch's export does (Gelu is not an op before opset 20). */
  gelu(x: string): string {
    const erf = this.graph.op('Erf', [this.graph.op('Div', [x, this.scalar(Math.SQRT2)])]);
    const onePlus = this.graph.op('Add', [erf, this.scalar(1)]);
    return this.graph.op('Mul', [this.graph.op('Mul', [x, onePlus]), this.scalar(0.5)]);
  }

  private quantizedMatMul(x: string, name: string, layer: Dense): string {
    const { q, scale } = quantizeInt8(layer.weight);
    const weight = this.graph.constant(`${name}.weight_quantized`, q, [layer.inDim, layer.outDim]);
    const weightZero = this.graph.constant(`${name}.weight_zero_point`, new Int8Array(1), []);
    const [xq, xScale, xZero] = this.graph.opMulti('DynamicQuantizeLinear', [x], 3);
    const integer = this.graph.op('MatMulInteger', [xq, weight, xZero, weightZero]);
    const asFloat = this.graph.op('Cast', [integer], { to: 1 /* FLOAT */ });
    const outScale = this.graph.op('Mul', [xScale, this.graph.scalar(`${name}.weight_scale`, scale)]);
    return this.graph.op('Mul', [asFloat, outScale]);
  }
}
