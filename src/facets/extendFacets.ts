/**
 * @file Facets after `paperscope add`: the rows an add leaves alone keep their dates and
 * categories as they are; only new and replaced records are read. The result equals
 * buildFacetIndex over the papers after the add.
 */
import type { Paper } from '../corpus/paper.js';
import { buildFacetIndex, type FacetIndex } from './facetIndex.js';

/**
 * The facets of `count` rows: row r from `records.get(r)` when it is there, else from `old`.
 * @example extendFacets(buildFacetIndex([a]), 2, new Map([[1, b]])) // => buildFacetIndex([a, b])
 */
export function extendFacets(old: FacetIndex, count: number, records: ReadonlyMap<number, Paper>): FacetIndex {
  const rows = [...records.keys()];
  const fresh = buildFacetIndex([...records.values()]);
  const freshRow = new Map(rows.map((row, i) => [row, i]));
  const categoryNames = [...new Set([...old.categoryNames, ...fresh.categoryNames])].sort();
  const idOf = new Map(categoryNames.map((name, id) => [name, id]));
  const oldIds = Uint32Array.from(old.categoryNames, (name) => idOf.get(name)!);
  const freshIds = Uint32Array.from(fresh.categoryNames, (name) => idOf.get(name)!);
  const monthLo = new Uint16Array(count);
  const monthHi = new Uint16Array(count);
  const categoryStarts = new Uint32Array(count + 1);
  const ids: number[] = [];
  for (let row = 0; row < count; row++) {
    const f = freshRow.get(row);
    const [source, r, remap] = f === undefined ? [old, row, oldIds] : [fresh, f, freshIds];
    monthLo[row] = source.monthLo[r];
    monthHi[row] = source.monthHi[r];
    for (let p = source.categoryStarts[r]; p < source.categoryStarts[r + 1]; p++) ids.push(remap[source.categoryIds[p]]);
    categoryStarts[row + 1] = ids.length;
  }
  return dropUnusedCategories({ monthLo, monthHi, categoryNames, categoryStarts, categoryIds: Uint32Array.from(ids) });
}

/** Categories no row has any more (their only papers were replaced) leave the names, as a fresh build would have them. */
function dropUnusedCategories(facets: FacetIndex): FacetIndex {
  const used = new Uint8Array(facets.categoryNames.length);
  for (const id of facets.categoryIds) used[id] = 1;
  if (used.every(Boolean)) return facets;
  const newId = new Uint32Array(used.length);
  const categoryNames: string[] = [];
  facets.categoryNames.forEach((name, id) => {
    if (!used[id]) return;
    newId[id] = categoryNames.length;
    categoryNames.push(name);
  });
  return { ...facets, categoryNames, categoryIds: facets.categoryIds.map((id) => newId[id]) };
}
