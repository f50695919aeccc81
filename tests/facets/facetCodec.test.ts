/**
 * facets.bin (src/facets/facetIndex.ts, facetCodec.ts): what the build stores per paper, and
 * that the bytes read back as the same arrays or are refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { decodeFacets, encodeFacets } from '../../src/facets/facetCodec.js';
import { buildFacetIndex, hasDates } from '../../src/facets/facetIndex.js';
import { monthCode, monthText, NO_MONTH } from '../../src/facets/months.js';

const paper = (fields: Partial<Paper>): Paper => ({ id: 'x', title: 't', abstract: 'a', ...fields });
const papers = [
  paper({ date: '2025-06', year: 2025, categories: ['cs.CL', 'cs.LG', 'cs.CL'] }),
  paper({ year: 2024, categories: ['astro-ph.GA'] }),
  paper({}),
];

describe('buildFacetIndex', () => {
  it('stores a month date as one month, a year as January to December, no date as NO_MONTH', () => {
    const facets = buildFacetIndex(papers);
    expect([...facets.monthLo]).toEqual([monthCode(2025, 6), monthCode(2024, 1), NO_MONTH]);
    expect([...facets.monthHi]).toEqual([monthCode(2025, 6), monthCode(2024, 12), NO_MONTH]);
    expect(monthText(facets.monthLo[0])).toBe('2025-06');
    expect(hasDates(facets)).toBe(true);
    expect(hasDates(buildFacetIndex([paper({})]))).toBe(false);
  });

  it('stores each paper\'s categories once, as ids into the sorted names', () => {
    const facets = buildFacetIndex(papers);
    expect(facets.categoryNames).toEqual(['astro-ph.GA', 'cs.CL', 'cs.LG']);
    expect([...facets.categoryStarts]).toEqual([0, 2, 3, 3]);
    expect([...facets.categoryIds]).toEqual([1, 2, 0]);
  });
});

describe('encodeFacets / decodeFacets', () => {
  it('reads back the same arrays', () => {
    const facets = buildFacetIndex(papers);
    const decoded = decodeFacets(encodeFacets(facets), papers.length);
    expect({ ...decoded, monthLo: [...decoded.monthLo], monthHi: [...decoded.monthHi], categoryStarts: [...decoded.categoryStarts], categoryIds: [...decoded.categoryIds] }).toEqual({
      ...facets, monthLo: [...facets.monthLo], monthHi: [...facets.monthHi], categoryStarts: [...facets.categoryStarts], categoryIds: [...facets.categoryIds],
    });
  });

  it('reads bytes that do not start on a 4-byte boundary', () => {
    const bytes = encodeFacets(buildFacetIndex(papers));
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(decodeFacets(shifted, papers.length).categoryNames).toEqual(['astro-ph.GA', 'cs.CL', 'cs.LG']);
  });

  it('refuses another paper count, a cut file and foreign bytes, saying why', () => {
    const bytes = encodeFacets(buildFacetIndex(papers));
    expect(() => decodeFacets(bytes, 4)).toThrow('facets: holds 3 papers, the index has 4');
    expect(() => decodeFacets(bytes.subarray(0, bytes.length - 4), 3)).toThrow(/facets: is \d+ bytes, its header says \d+/);
    expect(() => decodeFacets(new Uint8Array(64), 3)).toThrow('facets: not a paperscope facets file of format 1');
    expect(() => decodeFacets(new Uint8Array(8), 3)).toThrow('facets: 8 bytes is too short');
  });
});
