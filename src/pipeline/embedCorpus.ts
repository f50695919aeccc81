/**
 * @file Embeds a corpus with a transformer, reusing the vectors of the previous
 * index for texts it already embedded with the same model (the embedding cache:
 * keyed by embedder + sha256 of the text), so a rebuild embeds only what's new.
 */
import crypto from 'node:crypto';
import { ARTIFACT_FILES, float32Rows, loadArtifact, parsePapers, readManifest } from '../store/indexFolder.js';
import { paperText } from '../corpus/text.js';
import type { Paper } from '../corpus/paper.js';
import type { Embedder, EmbedderInfo } from '../embed/types.js';

function textHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Two embedders give interchangeable vectors only when kind, model, quantization and dims all match. */
function sameEmbedder(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.kind === b.kind && a.model === b.model && Boolean(a.quantized) === Boolean(b.quantized) && a.dims === b.dims;
}

/** Vectors of the index in `dir` by text hash, when it was built with `info`'s embedder; empty otherwise. */
export async function loadEmbeddingCache(dir: string, info: EmbedderInfo): Promise<Map<string, Float32Array>> {
  const cache = new Map<string, Float32Array>();
  try {
    const manifest = await readManifest(dir);
    if (!sameEmbedder(manifest.embedder, info)) return cache;
    const dims = manifest.embedder.dims;
    const [papers, vectors] = await Promise.all([
      loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes, file) => parsePapers(bytes, file, manifest.papers)),
      loadArtifact(dir, manifest, ARTIFACT_FILES.vectors, (bytes, file) => float32Rows(bytes, file, manifest.papers, dims)),
    ]);
    papers.forEach((p, i) => cache.set(textHash(paperText(p)), vectors.slice(i * dims, (i + 1) * dims)));
  } catch {
    // No usable previous index: everything gets embedded.
  }
  return cache;
}

export interface EmbedResult {
  vectors: Float32Array;
  embedded: number;
  reused: number;
}

/** Embeds every paper (row-major result), taking cached vectors where the text is unchanged. */
export async function embedPapers(papers: Paper[], embedder: Embedder, cache: Map<string, Float32Array>): Promise<EmbedResult> {
  const dims = embedder.info.dims;
  const vectors = new Float32Array(papers.length * dims);
  const texts = papers.map(paperText);
  const missing: number[] = [];
  texts.forEach((text, i) => {
    const hit = cache.get(textHash(text));
    if (hit) vectors.set(hit, i * dims);
    else missing.push(i);
  });
  const fresh = missing.length > 0 ? await embedder.embedBatch(missing.map((i) => texts[i])) : [];
  missing.forEach((row, j) => vectors.set(fresh[j], row * dims));
  return { vectors, embedded: missing.length, reused: papers.length - missing.length };
}
