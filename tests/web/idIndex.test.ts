/**
 * @file The map's id index (web/src/mapData/idIndex.ts) against a Map of the same ids:
 * the table the worker fills from the packed column and the one built from strings agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex, packedIdSlots } from '../../web/src/mapData/idIndex.js';

const packed = (ids: readonly string[]) => ({ text: ids.join(''), lengths: Uint32Array.from(ids, (id) => id.length) });

describe('IdIndex', () => {
  it('finds the row of every id and -1 for an id not on the map, packed or not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), fc.string({ maxLength: 12 }), (ids, other) => {
        const { text, lengths } = packed(ids);
        const expected = new Map(ids.map((id, row) => [id, row]));
        for (const index of [IdIndex.of(ids), new IdIndex(ids, packedIdSlots(text, lengths))]) {
          ids.forEach((id) => expect(index.rowOf(id)).toBe(expected.get(id)));
          expect(index.rowOf(other)).toBe(expected.get(other) ?? -1);
        }
      }),
    );
  });

  it('finds ids among many that share the start of their text', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    const { text, lengths } = packed(ids);
    const index = new IdIndex(ids, packedIdSlots(text, lengths));
    expect(ids.every((id, row) => index.rowOf(id) === row)).toBe(true);
    expect(index.rowOf('2401.05000')).toBe(-1);
    expect(IdIndex.of([]).rowOf('')).toBe(-1);
  });
});
