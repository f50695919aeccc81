/**
 * @file SliceData on the binary map's packed category column (web/src/types.ts MapData)
 * answers as it does on the JSON form's rows of category ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackedLists } from '../../web/src/mapData/decodeMap.js';
import { SliceData } from '../../web/src/slice/sliceData.js';
import { EMPTY_SLICE } from '../../web/src/slice/sliceState.js';
import type { MapData } from '../../web/src/types.js';

const NAMES = ['cs.CL', 'cs.CV', 'cs.LG', 'math.OC'];

function mapOf(categories: MapData['categories'], count: number): MapData {
  const zeros = new Array<number>(count).fill(0);
  return { count, ids: zeros.map((_, i) => `p${i}`), titles: zeros.map(() => ''), x: zeros, y: zeros, cluster: zeros, coarseCluster: zeros, clusters: [], date: zeros.map(() => '2025-01'), categories, categoryNames: NAMES };
}

const pack = (rows: number[][]): PackedLists => ({ packed: 'lists', lengths: Uint32Array.from(rows, (r) => r.length), values: Int32Array.from(rows.flat()) });

describe('SliceData with packed categories', () => {
  it('filters, counts and finds primary categories as with rows of ids', () => {
    const rows = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 3 }), { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.subarray(NAMES), (categories, chosen) => {
        const [json, packed] = [new SliceData(mapOf(categories, categories.length)), new SliceData(mapOf(pack(categories), categories.length))];
        const slice = { ...EMPTY_SLICE, cat: chosen };
        for (let i = 0; i < categories.length; i++) {
          expect(packed.passes(i, slice)).toBe(json.passes(i, slice));
          expect(packed.primaryCategory(i)).toBe(categories[i][0] ?? -1);
        }
        expect(packed.categoryCounts(EMPTY_SLICE)).toEqual(json.categoryCounts(EMPTY_SLICE));
      }),
    );
  });
});
