import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { splitDemoCorpus, type SplitCorpus } from '../helpers/splitCorpus.js';
import { tempDir } from '../helpers/tempDir.js';

let work: string;
let split: SplitCorpus;

beforeAll(async () => {
  work = await tempDir('align');
  split = await splitDemoCorpus(work, 60);
});


/** Mean distance between the positions of the papers `a` and `b` share. */
function meanDistance(a: LoadedIndex, b: LoadedIndex): number {
  let sum = 0;
  let shared = 0;
  a.papers.forEach((p, row) => {
    const other = b.rowById.get(p.id);
    if (other === undefined) return;
    sum += Math.hypot(a.coords[2 * row] - b.coords[2 * other], a.coords[2 * row + 1] - b.coords[2 * other + 1]);
    shared++;
  });
  return sum / shared;
}

describe('a full rebuild over a previous index', () => {
  it('aligns the new map to the previous one and records how far the unchanged papers moved', async () => {
    const out = path.join(work, 'rebuilt', 'index');
    await buildIndex({ corpus: split.base, out, embedder: 'lexical' });
    const previous = await loadIndex(out);
    const report = await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'lexical' });
    const rebuilt = await loadIndex(out);
    // The same build into an empty folder: the layout as UMAP gives it, unaligned.
    await buildIndex({ corpus: DEFAULT_CORPUS, out: path.join(work, 'fresh', 'index'), embedder: 'lexical' });
    const unaligned = await loadIndex(path.join(work, 'fresh', 'index'));
    const alignment = report.manifest.build.alignment as { unchanged: number; meanDisplacement: number };
    expect(alignment.unchanged).toBe(60);
    expect(alignment.meanDisplacement).toBeCloseTo(meanDistance(rebuilt, previous), 4);
    expect(meanDistance(rebuilt, previous)).toBeLessThan(meanDistance(unaligned, previous));
  });

  it('leaves every paper where it was when the corpus has not changed', async () => {
    const out = path.join(work, 'same', 'index');
    await buildIndex({ corpus: split.base, out, embedder: 'lexical' });
    const previous = await loadIndex(out);
    const report = await buildIndex({ corpus: split.base, out, embedder: 'lexical' });
    expect((report.manifest.build.alignment as { meanDisplacement: number }).meanDisplacement).toBeLessThan(1e-4);
    expect(meanDistance(await loadIndex(out), previous)).toBeLessThan(1e-4);
  });
});
