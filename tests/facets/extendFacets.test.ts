import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { extendFacets } from '../../src/facets/extendFacets.js';
import { buildFacetIndex } from '../../src/facets/facetIndex.js';

const paper = fc.record({
  id: fc.string(),
  title: fc.constant('t'),
  abstract: fc.constant('a'),
  categories: fc.option(fc.array(fc.constantFrom('cs.CL', 'cs.LG', 'math.OC', 'q-bio.BM', 'stat.ML'), { maxLength: 3 }), { nil: undefined }),
  year: fc.option(fc.integer({ min: 1995, max: 2026 }), { nil: undefined }),
  date: fc.option(fc.constantFrom('2024-01', '2025-06', '2026-11'), { nil: undefined }),
}) as fc.Arbitrary<Paper>;

describe('extendFacets', () => {
  it('equals building the facets of the papers after the add', () => {
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(fc.nat(15), paper), { maxLength: 6 }), (papers, edits) => {
        const after = [...papers];
        const records = new Map<number, Paper>();
        for (const [at, p] of edits) {
          const row = Math.min(at, after.length);
          after[row] = p;
          records.set(row, p);
        }
        expect(extendFacets(buildFacetIndex(papers), after.length, records)).toEqual(buildFacetIndex(after));
      }),
    );
  });
});
