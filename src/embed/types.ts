/**
 * @file What every embedder (transformer or lexical) looks like to the rest of paperscope.
 */

/** Files an embedder keeps in the index folder (the fitted LSA model; a transformer keeps none). */
export const EMBEDDER_FILES = Object.freeze({
  lexicalModel: 'lexical.json',
  lexicalComponents: 'lexical.f32',
});

export type EmbedderKind = 'transformer' | 'lexical';

/** Recorded in the index manifest and reported by /api/health. */
export interface EmbedderInfo {
  kind: EmbedderKind;
  /** Model name for transformers (e.g. "Xenova/all-MiniLM-L6-v2"); "lsa-tfidf" for lexical. */
  model: string;
  dims: number;
  /** Whether the 8-bit quantized ONNX file was used (transformer only). */
  quantized?: boolean;
}

/** Turns texts into L2-normalized vectors of `info.dims` floats. */
export interface Embedder {
  readonly info: EmbedderInfo;
  /** Embeds texts in order; each output has length info.dims and unit norm (or is all zeros when nothing is known of the text). */
  embedBatch(texts: string[]): Promise<Float32Array[]>;
  /** How many leading characters of `text` the embedding reads, for a model with a token limit; absent when it reads all. */
  readChars?(text: string): number;
}
