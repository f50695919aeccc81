/**
 * @file BibTeX for export records: one @misc entry per paper, arXiv ids as `eprint` (with
 * archivePrefix and primaryClass, as arXiv's own "Export BibTeX" gives), every TeX special
 * character escaped so any title or name makes a valid entry whose text reads back unchanged.
 */
import { isArxivId, type ExportRow } from './exportRows.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** The text with TeX's special characters escaped and line breaks folded to spaces. */
export function escapeTex(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}$&%#_~^]/g, (c) => TEX_ESCAPES[c]);
}

/** A name as one BibTeX name: a literal " and " inside it is braced so it does not split the list. */
function escapeName(name: string): string {
  return escapeTex(name.trim()).replace(/\s+and\s+/gi, (m) => ` {${m.trim()}} `);
}

/** A citation key from the id: letters, digits and . : - kept, anything else becomes _. */
function keyOf(id: string, used: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9.:-]/g, '_') || 'paper';
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  used.add(key);
  return key;
}

function fieldsOf(row: ExportRow): Array<[string, string]> {
  // Double braces keep the title's capitals (BERT, GPT-4) where a style would lowercase them.
  const fields: Array<[string, string]> = [['title', `{{${escapeTex(row.title)}}}`]];
  if (row.authors.length > 0) fields.push(['author', `{${row.authors.map(escapeName).join(' and ')}}`]);
  const [year, month] = (row.date ?? '').split('-');
  if (year) fields.push(['year', `{${year}}`]);
  if (month) fields.push(['month', MONTHS[Number(month) - 1] ?? `{${month}}`]);
  if (isArxivId(row.id)) {
    fields.push(['eprint', `{${row.id}}`], ['archivePrefix', '{arXiv}']);
    if (row.categories.length > 0) fields.push(['primaryClass', `{${escapeTex(row.categories[0])}}`]);
  }
  // url is verbatim in BibTeX (the url package): escaping % or _ would change the address.
  if (row.url) fields.push(['url', `{${row.url.replace(/[{}\s]/g, '')}}`]);
  return fields;
}

/**
 * The rows as a .bib file, one @misc entry each, keys made from the ids (unique).
 * @example toBibtex([row]) // => '@misc{2506.09813,\n  title = {…},\n  eprint = {2506.09813},\n  …\n}\n'
 */
export function toBibtex(rows: readonly ExportRow[]): string {
  const used = new Set<string>();
  return rows
    .map((row) => {
      const body = fieldsOf(row).map(([name, value]) => `  ${name} = ${value}`).join(',\n');
      return `@misc{${keyOf(row.id, used)},\n${body}\n}\n`;
    })
    .join('\n');
}
