/**
 * @file The ONNX graphs of the generated test models, with seeded weights: a BERT encoder with the
 * arithmetic of all-MiniLM-L6-v2 (for benchmarks) and a tiny bag-of-embeddings model whose mean-pooled
 * outputs still mean something (for unit tests). Both read int64 input_ids / attention_mask /
 * token_type_ids [batch, seq] and write float last_hidden_state [batch, seq, hidden].
 */
import { createSeededRandom, type SeededRandom } from '../util/random.js';
import { GraphBuilder, type GraphValue } from './onnxGraph.js';
import { LayerWriter, type Dense, type Norm } from './layers.js';

/** The sizes of a BERT encoder. */
export interface BertShape {
  vocabSize: number;
  hidden: number;
  layers: number;
  heads: number;
  ffn: number;
  maxPositions: number;
  typeVocabSize: number;
}

interface EncoderLayerWeights {
  query: Dense;
  key: Dense;
  value: Dense;
  attentionOutput: Dense;
  attentionNorm: Norm;
  intermediate: Dense;
  output: Dense;
  outputNorm: Norm;
}

export interface BertWeights {
  shape: BertShape;
  word: Float32Array;
  position: Float32Array;
  tokenType: Float32Array;
  embeddingNorm: Norm;
  layers: EncoderLayerWeights[];
}

/** Weights of the tiny model: one embedding row per token and one small residual mixing layer. */
export interface TinyWeights {
  hidden: number;
  word: Float32Array;
  tokenType: Float32Array;
  mix: Dense;
}

/** BERT's initializer range: N(0, 0.02²) keeps activations finite through random layers. */
const INIT_STD = 0.02;
/** Added to the attention scores of padding positions; exp() of it is exactly 0 in float32. */
const MASK_BIAS = -10000;

const INPUT_DIMS = ['batch_size', 'sequence_length'];
const GRAPH_INPUTS: GraphValue[] = ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({ name, type: 'int64', dims: INPUT_DIMS }));
const graphOutputs = (hidden: number): GraphValue[] => [{ name: 'last_hidden_state', type: 'float', dims: [...INPUT_DIMS, hidden] }];

function randomDense(rng: SeededRandom, inDim: number, outDim: number, std: number): Dense {
  return { weight: rng.normals(inDim * outDim, std), bias: new Float32Array(outDim), inDim, outDim };
}

function unitNorm(size: number): Norm {
  return { gamma: new Float32Array(size).fill(1), beta: new Float32Array(size) };
}

/** Draws BERT weights from `seed` (N(0, 0.02²) matrices, zero biases, identity LayerNorms). */
export function initBertWeights(shape: BertShape, seed: number): BertWeights {
  const rng = createSeededRandom(seed);
  const { hidden, ffn } = shape;
  const layers = Array.from({ length: shape.layers }, () => ({
    query: randomDense(rng, hidden, hidden, INIT_STD),
    key: randomDense(rng, hidden, hidden, INIT_STD),
    value: randomDense(rng, hidden, hidden, INIT_STD),
    attentionOutput: randomDense(rng, hidden, hidden, INIT_STD),
    attentionNorm: unitNorm(hidden),
    intermediate: randomDense(rng, hidden, ffn, INIT_STD),
    output: randomDense(rng, ffn, hidden, INIT_STD),
    outputNorm: unitNorm(hidden),
  }));
  return {
    shape,
    word: rng.normals(shape.vocabSize * hidden, INIT_STD),
    position: rng.normals(shape.maxPositions * hidden, INIT_STD),
    tokenType: rng.normals(shape.typeVocabSize * hidden, INIT_STD),
    embeddingNorm: unitNorm(hidden),
    layers,
  };
}

/** Writes the BERT encoder graph; returns the bytes of the .onnx file. */
export function buildBertGraph(weights: BertWeights, quantized: boolean): Uint8Array {
  const graph = new GraphBuilder();
  const layers = new LayerWriter(graph, quantized);
  const { shape } = weights;
  let x = bertEmbeddings(layers, weights);
  const maskBias = attentionMaskBias(layers);
  const headShape = graph.ints('head_shape', [0, 0, shape.heads, shape.hidden / shape.heads]);
  const hiddenShape = graph.ints('hidden_shape', [0, 0, shape.hidden]);
  weights.layers.forEach((layer, i) => {
    const prefix = `encoder.layer.${i}`;
    const attended = selfAttention(layers, x, layer, { prefix, maskBias, headShape, hiddenShape, headDim: shape.hidden / shape.heads });
    x = layers.layerNorm(graph.op('Add', [attended, x]), `${prefix}.attention.output.LayerNorm`, layer.attentionNorm);
    const inner = layers.gelu(layers.dense(x, `${prefix}.intermediate.dense`, layer.intermediate));
    const out = layers.dense(inner, `${prefix}.output.dense`, layer.output);
    x = layers.layerNorm(graph.op('Add', [out, x]), `${prefix}.output.LayerNorm`, layer.outputNorm);
  });
  graph.op('Identity', [x], {}, 'last_hidden_state');
  return graph.encode('bert', GRAPH_INPUTS, graphOutputs(shape.hidden));
}

/** Word + position + token type embeddings, then LayerNorm: [batch, seq, hidden]. */
function bertEmbeddings(layers: LayerWriter, weights: BertWeights): string {
  const { graph } = layers;
  const { hidden, maxPositions } = weights.shape;
  // As in HF's export: a [1, maxPositions] arange sliced to the sequence length.
  const allPositions = graph.ints('position_ids', Array.from({ length: maxPositions }, (_, i) => i), [1, maxPositions]);
  const seqLength = graph.op('Shape', ['input_ids'], { start: 1, end: 2 });
  const positions = graph.op('Slice', [allPositions, graph.ints('zero', [0]), seqLength, graph.ints('one', [1])]);
  const word = layers.embedding('embeddings.word_embeddings', weights.word, hidden, 'input_ids');
  const position = layers.embedding('embeddings.position_embeddings', weights.position, hidden, positions);
  const tokenType = layers.embedding('embeddings.token_type_embeddings', weights.tokenType, hidden, 'token_type_ids');
  const sum = graph.op('Add', [graph.op('Add', [word, tokenType]), position]);
  return layers.layerNorm(sum, 'embeddings.LayerNorm', weights.embeddingNorm);
}

/** (1 - mask) · -10000 as [batch, 1, 1, seq], added to every head's attention scores. */
function attentionMaskBias(layers: LayerWriter): string {
  const { graph } = layers;
  const mask = graph.op('Cast', ['attention_mask'], { to: 1 /* FLOAT */ });
  const inverted = graph.op('Sub', [layers.scalar(1), mask]);
  return graph.op('Unsqueeze', [graph.op('Mul', [inverted, layers.scalar(MASK_BIAS)]), graph.ints('mask_axes', [1, 2])]);
}

interface AttentionContext {
  prefix: string;
  maskBias: string;
  headShape: string;
  hiddenShape: string;
  headDim: number;
}

/** Multi-head scaled dot-product self-attention plus output projection: [batch, seq, hidden]. */
function selfAttention(layers: LayerWriter, x: string, weights: EncoderLayerWeights, ctx: AttentionContext): string {
  const { graph } = layers;
  const heads = (name: string, dense: Dense, perm: number[]): string => {
    const projected = layers.dense(x, `${ctx.prefix}.attention.self.${name}`, dense);
    return graph.op('Transpose', [graph.op('Reshape', [projected, ctx.headShape])], { perm });
  };
  const query = heads('query', weights.query, [0, 2, 1, 3]); // [batch, heads, seq, headDim]
  const key = heads('key', weights.key, [0, 2, 3, 1]); // [batch, heads, headDim, seq]
  const value = heads('value', weights.value, [0, 2, 1, 3]);
  const scores = graph.op('Div', [graph.op('MatMul', [query, key]), layers.scalar(Math.sqrt(ctx.headDim))]);
  const probs = graph.op('Softmax', [graph.op('Add', [scores, ctx.maskBias])], { axis: -1 });
  const context = graph.op('Transpose', [graph.op('MatMul', [probs, value])], { perm: [0, 2, 1, 3] });
  const merged = graph.op('Reshape', [context, ctx.hiddenShape]);
  return layers.dense(merged, `${ctx.prefix}.attention.output.dense`, weights.attentionOutput);
}

/**
 * Draws tiny-model weights: each token's row is a random direction scaled by `tokenScales[id]`
 * (0 keeps special tokens out of mean pooling), token type rows are zero.
 */
export function initTinyWeights(tokenScales: Float32Array, hidden: number, seed: number): TinyWeights {
  const rng = createSeededRandom(seed);
  const word = rng.normals(tokenScales.length * hidden, 1 / Math.sqrt(hidden));
  for (let i = 0; i < word.length; i++) word[i] *= tokenScales[Math.floor(i / hidden)];
  // A light touch: x·W stays small beside x, so 8-bit activations (scaled per batch) move vectors little.
  const mix = randomDense(rng, hidden, hidden, 0.1 / Math.sqrt(hidden));
  return { hidden, word, tokenType: new Float32Array(2 * hidden), mix };
}

/**
 * Writes the tiny graph: x = word + token type embedding; h = x + tanh(x·W); h zeroed at padding.
 * Tokens do not see each other, so a text's mean-pooled vector is the mean of its tokens' vectors.
 * The word table is stored in 8 bits in both files (2 MB rather than 8.5 MB in fp32); they differ in W.
 */
export function buildTinyGraph(weights: TinyWeights, quantized: boolean): Uint8Array {
  const graph = new GraphBuilder();
  const layers = new LayerWriter(graph, quantized);
  const word = new LayerWriter(graph, true).embedding('word_embeddings', weights.word, weights.hidden, 'input_ids');
  const tokenType = layers.embedding('token_type_embeddings', weights.tokenType, weights.hidden, 'token_type_ids');
  const x = graph.op('Add', [word, tokenType]);
  const mixed = graph.op('Add', [x, graph.op('Tanh', [layers.dense(x, 'mix', weights.mix)])]);
  const mask = graph.op('Unsqueeze', [graph.op('Cast', ['attention_mask'], { to: 1 /* FLOAT */ }), graph.ints('mask_axes', [2])]);
  graph.op('Mul', [mixed, mask], {}, 'last_hidden_state');
  return graph.encode('tiny', GRAPH_INPUTS, graphOutputs(weights.hidden));
}
