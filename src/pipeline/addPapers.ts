/**
 * @file `paperscope add`: puts new and changed papers into a built index without a rebuild.
 * They are embedded with the index's own embedder, added to its HNSW graph, placed on its map
 * among their nearest existing papers (no existing point moves), given the topics of those
 * papers and added to BM25; the result is written as a new index folder, atomically, with its
 * lineage in the manifest. Runs from the CLI; everything it writes goes through src/store.
 */
import path from 'node:path';
import { float32Bytes } from '../util/float32.js';
import { ARTIFACT_FILES, loadArtifact, readManifest, writeIndexFolder, type ArtifactWriter, type Manifest } from '../store/indexFolder.js';
import { withBuildLock } from '../store/buildLock.js';
import { spliceRecords } from '../store/spliceRecords.js';
import { ADD_NEIGHBOURS, DEFAULT_MODELS_DIR } from '../config.js';
import type { CorpusFormat } from '../corpus/detect.js';
import type { Paper } from '../corpus/paper.js';
import { paperText } from '../corpus/text.js';
import { encodeFacets } from '../facets/facetCodec.js';
import { extendFacets } from '../facets/extendFacets.js';
import { silentReporter, type Reporter } from '../report/reporter.js';
import { rowOf, searchHnsw, type Neighbours } from '../ann/hnsw.js';
import { assignTopics } from '../map/assignTopics.js';
import { PLACEMENT_NEIGHBOURS } from '../map/layout.js';
import { weightedPosition } from '../map/placement.js';
import { extendPostings } from '../bm25/extendPostings.js';
import { loadIndex, type LoadedIndex } from '../search/loadIndex.js';
import { decodePostings, encodePostings } from '../bm25/postings.js';
import { paperAfter, planAdd, readIncoming, type AddPlan } from './addPlan.js';
import { nextLineage } from './lineage.js';
import { timed } from './timed.js';

export interface AddOptions {
  /** The index folder to add to; replaced atomically. */
  index: string;
  /** Corpus files of new or changed papers (any format `build` reads). */
  files: string[];
  format?: CorpusFormat;
  skipBad?: boolean;
  /** Where a transformer index's model is. */
  modelsDir?: string;
  reporter?: Reporter;
}

export interface AddReport extends Pick<AddPlan, 'added' | 'replaced' | 'updated' | 'unchanged'> {
  /** The new manifest; undefined when nothing changed and nothing was written. */
  manifest?: Manifest;
  /** Seconds per stage. */
  timings: Record<string, number>;
}

/**
 * Adds the papers of `opts.files` to the index in `opts.index`. A failure at any point leaves
 * the index as it was. Holds the folder's build lock: a build or another add into the same
 * folder meanwhile fails with BuildLockedError.
 * @example await addPapers({ index: 'index', files: ['today.jsonl'] }) // => { added: 1000, replaced: 3, updated: 0, unchanged: 12, manifest, timings }
 */
export async function addPapers(opts: AddOptions): Promise<AddReport> {
  // Named first, so a missing index is reported as such rather than as a lock that cannot be made.
  await readManifest(opts.index);
  // Held throughout, as a build holds it: two writers would each start from the same index and one would lose its papers.
  return withBuildLock(opts.index, () => addLocked(opts));
}

async function addLocked(opts: AddOptions): Promise<AddReport> {
  const reporter = opts.reporter ?? silentReporter;
  const timings: Record<string, number> = {};
  const incoming = await timed(timings, 'parse', () => readIncoming(opts.files, { format: opts.format, skipBad: opts.skipBad, reporter }));
  const base = await timed(timings, 'load', () => loadIndex(opts.index, { modelsDir: opts.modelsDir ?? DEFAULT_MODELS_DIR }));
  const plan = planAdd(base.papers, base.rowById, incoming);
  const counts = { added: plan.added, replaced: plan.replaced, updated: plan.updated, unchanged: plan.unchanged };
  reporter.info(`add: ${plan.added} new, ${plan.replaced} changed, ${plan.updated} with new metadata only, ${plan.unchanged} unchanged`);
  if (plan.changes.length === 0 && plan.updated === 0) return { ...counts, timings };
  const files = await updateArtifacts(base, plan, timings, reporter);
  const builtAt = new Date().toISOString();
  const manifest = await timed(timings, 'write', () =>
    writeIndexFolder(opts.index, files, {
      embedder: base.manifest.embedder,
      papers: plan.count,
      corpus: base.manifest.corpus,
      build: { ...base.manifest.build, lineage: nextLineage(base.manifest, { files: opts.files.map((f) => path.basename(f)), ...counts }, builtAt) },
      builtAt,
    }),
  );
  return { ...counts, manifest, timings };
}

/** Embeds the changed texts and writes them into a copy of the index's vectors, grown to every row. */
async function updateVectors(base: LoadedIndex, plan: AddPlan): Promise<Float32Array> {
  const dims = base.dims;
  const vectors = new Float32Array(plan.count * dims);
  vectors.set(base.vectors);
  const fresh = plan.changes.length > 0 ? await base.queryEmbedder.embedBatch(plan.changes.map((c) => c.text)) : [];
  plan.changes.forEach((c, i) => vectors.set(fresh[i], c.row * dims));
  return vectors;
}

/** Each changed row's nearest papers among those the add leaves as they are. */
function nearestUnchanged(base: LoadedIndex, plan: AddPlan, vectors: Float32Array): Neighbours[] {
  // New rows are not in the graph yet; only rows whose text changed must be kept out (a filter
  // calls back into JavaScript for every candidate, so there is none when nothing is replaced).
  const replaced = new Uint8Array(base.papers.length);
  for (const { row } of plan.changes) if (row < replaced.length) replaced[row] = 1;
  const exclude = plan.replaced > 0 ? (r: number) => replaced[r] === 1 : undefined;
  return plan.changes.map(({ row }) => searchHnsw(base.hnsw, rowOf(vectors, base.dims, row), ADD_NEIGHBOURS, exclude));
}

/** The new contents of every artifact that changes, plus those carried over as they are. */
async function updateArtifacts(base: LoadedIndex, plan: AddPlan, timings: Record<string, number>, reporter: Reporter): Promise<Record<string, ArtifactWriter>> {
  const { dir, manifest, dims } = base;
  const vectors = await timed(timings, 'embed', () => updateVectors(base, plan));
  const near = await timed(timings, 'neighbours', () => nearestUnchanged(base, plan, vectors));
  await timed(timings, 'hnsw', () => {
    base.hnsw.resizeIndex(Math.max(base.hnsw.getMaxElements(), plan.count));
    // hnswlib replaces the vector of a label it holds and repairs that point's links.
    for (const { row } of plan.changes) base.hnsw.addPoint(rowOf(vectors, dims, row), row);
  });
  const coords = await timed(timings, 'map', () => {
    const grown = new Float32Array(plan.count * 2);
    grown.set(base.coords);
    plan.changes.forEach(({ row }, i) => grown.set(weightedPosition(sliceNeighbours(near[i], PLACEMENT_NEIGHBOURS), base.coords), 2 * row));
    return grown;
  });
  const textOf = (row: number) => paperText(paperAfter(base.papers, plan, row));
  const topics = await timed(timings, 'topics', () => assignTopics({ topics: base.topics, oldCoords: base.coords, coords, placed: plan.changes.map(({ row }, i) => ({ row, near: near[i] })), textOf }));
  const bm25 = await timed(timings, 'bm25', async () => {
    const old = await loadArtifact(dir, manifest, ARTIFACT_FILES.bm25, (bytes) => decodePostings(bytes));
    return encodePostings(extendPostings(old, plan.changes));
  });
  reporter.info(`add: placed ${plan.changes.length} papers among their ${PLACEMENT_NEIGHBOURS} nearest existing papers`);
  const carried = Object.keys(manifest.files).filter((name) => !Object.hasOwn(REWRITTEN, name));
  const kept = Object.fromEntries(await Promise.all(carried.map(async (name) => [name, await loadArtifact(dir, manifest, name, (bytes) => bytes)] as const)));
  const oldPapers = await loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes) => bytes);
  return {
    ...kept,
    [ARTIFACT_FILES.papers]: spliceRecords(oldPapers, plan.replacedRecords, plan.appended),
    [ARTIFACT_FILES.vectors]: float32Bytes(vectors),
    [ARTIFACT_FILES.hnsw]: async (file) => void (await base.hnsw.writeIndex(file)),
    [ARTIFACT_FILES.map]: float32Bytes(coords),
    [ARTIFACT_FILES.topics]: JSON.stringify(topics),
    [ARTIFACT_FILES.bm25]: bm25,
    [ARTIFACT_FILES.facets]: encodeFacets(extendFacets(base.facets, plan.count, recordsAfter(base, plan))),
  };
}

/** The artifacts an add writes anew; every other file of the index (the LSA model) is carried over. */
const REWRITTEN = Object.freeze({
  [ARTIFACT_FILES.papers]: true,
  [ARTIFACT_FILES.vectors]: true,
  [ARTIFACT_FILES.hnsw]: true,
  [ARTIFACT_FILES.map]: true,
  [ARTIFACT_FILES.topics]: true,
  [ARTIFACT_FILES.bm25]: true,
  [ARTIFACT_FILES.facets]: true,
});

/** Every row whose record the add writes: replaced ones and new ones. */
function recordsAfter(base: LoadedIndex, plan: AddPlan): Map<number, Paper> {
  const records = new Map(plan.replacedRecords);
  plan.appended.forEach((paper, i) => records.set(base.papers.length + i, paper));
  return records;
}

function sliceNeighbours(near: Neighbours, k: number): Neighbours {
  return { rows: near.rows.slice(0, k), distances: near.distances.slice(0, k) };
}
