import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { encodePapers } from '../../src/store/indexFolder.js';
import { spliceRecords } from '../../src/store/spliceRecords.js';

const paper = (id: string, title = id): Paper => ({ id, title, abstract: `About ${title} ✓.` });

describe('spliceRecords', () => {
  const old = [paper('a'), paper('b'), paper('c')];

  it('equals encoding the papers after the add: replaced rows in place, new ones at the end', () => {
    const replaced = new Map([[1, paper('b', 'B, revised')]]);
    const spliced = spliceRecords(Buffer.from(encodePapers(old)), replaced, [paper('d')]);
    expect(spliced.toString()).toBe(encodePapers([paper('a'), paper('b', 'B, revised'), paper('c'), paper('d')]));
  });

  it('copies the old bytes when nothing is replaced or added', () => {
    const bytes = Buffer.from(encodePapers(old));
    expect(spliceRecords(bytes, new Map(), []).equals(bytes)).toBe(true);
  });
});
