/**
 * @file Reads a reference list as a user pastes it: a BibTeX file (read with
 * @retorquere/bibtex-parser, Better BibTeX's parser), or one reference per line, each an arXiv
 * id (old style hep-th/9901001 or new style 2506.09813, with or without a version, bare, with
 * "arXiv:" or as an arxiv.org link), a DOI (bare, "doi:" or a doi.org link) or a title.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';

/** What one reference names, in the order it is looked up: arXiv id, DOI, title. */
export interface Reference {
  /** The reference as given: a line, or a BibTeX entry's key and title. */
  text: string;
  arxiv?: string;
  doi?: string;
  title?: string;
  /** Why the reference could not be read (a broken BibTeX entry). */
  problem?: string;
}

/** New-style (2506.09813, 0704.0001) and old-style (hep-th/9901001, math.AG/0102001) arXiv ids, version optional. */
const ARXIV_ID = /(?<![\w.-])(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?(?![\w.]*\d)/i;
/** A DOI: "10.", a registrant code, "/", a suffix without spaces. */
const DOI = /\b(10\.\d{4,9}\/[^\s"<>{}]+)/;
/** Bullets and numbering at the start of a pasted line: "-", "*", "[12]", "3.", "(4)". */
const LIST_MARK = /^\s*(?:[-*•]\s+|\[\d+\]\s*|\(?\d+[.)]\s+)/;
const BIBTEX_ENTRY = /@[a-zA-Z]+\s*[{(]/;

/**
 * The arXiv id in `text` without its version, old-style archives lowercased; undefined if none.
 * @example arxivIdIn('see arXiv:2506.09813v2') // => '2506.09813'
 */
export function arxivIdIn(text: string): string | undefined {
  const match = ARXIV_ID.exec(text);
  if (!match) return undefined;
  const [archive, number] = match[1].split('/');
  return number === undefined ? archive : `${archive.toLowerCase().replace(/\.([a-z]{2})$/i, (_, sub: string) => `.${sub.toUpperCase()}`)}/${number}`;
}

/** The DOI in `text`, lowercased (DOIs are case-insensitive) and without trailing punctuation; undefined if none. */
export function doiIn(text: string): string | undefined {
  return DOI.exec(text)?.[1].replace(/[.,;)\]]+$/, '').toLowerCase();
}

function lineReference(line: string): Reference {
  const text = line.replace(LIST_MARK, '').trim();
  const arxiv = arxivIdIn(text);
  if (arxiv) return { text, arxiv };
  const doi = doiIn(text);
  if (doi) return { text, doi };
  return { text, title: text };
}

type BibFields = Record<string, unknown>;
const fieldText = (fields: BibFields, name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);

/** A BibTeX entry's arXiv id: its eprint (arXiv's own BibTeX), else one in its journal, note or url. */
function entryArxiv(fields: BibFields): string | undefined {
  const eprint = fieldText(fields, 'eprint');
  const prefix = fieldText(fields, 'archiveprefix') ?? fieldText(fields, 'eprinttype');
  if (eprint && (!prefix || /arxiv/i.test(prefix))) return arxivIdIn(eprint);
  for (const name of ['journal', 'note', 'url', 'howpublished', 'volume']) {
    const value = fieldText(fields, name);
    if (value && /arxiv/i.test(value)) return arxivIdIn(value);
  }
  return undefined;
}

function bibtexReferences(input: string): Reference[] {
  const { entries, errors } = parseBibtex(input);
  const references: Reference[] = [];
  for (const { key, fields } of entries) {
    if (Object.keys(fields).length === 0) continue;
    const title = fieldText(fields, 'title');
    const doiField = fieldText(fields, 'doi') ?? fieldText(fields, 'url');
    references.push({ text: title ? `${key}: ${title}` : key, arxiv: entryArxiv(fields), doi: doiField && doiIn(doiField), title });
  }
  for (const { error, input: entry } of errors) references.push({ text: (entry ?? '').slice(0, 200), problem: error });
  return references;
}

/**
 * The references of a pasted list: BibTeX when it holds an entry (`@article{…`), else one per non-empty line.
 * @example parseReferences('hep-th/9901001\n10.1103/PhysRevLett.19.1264') // => [{ text: 'hep-th/9901001', arxiv: 'hep-th/9901001' }, { text: '10.1103/…', doi: '10.1103/physrevlett.19.1264' }]
 */
export function parseReferences(input: string): Reference[] {
  if (BIBTEX_ENTRY.test(input)) return bibtexReferences(input);
  return input
    .split(/\r?\n/)
    .filter((line) => line.replace(LIST_MARK, '').trim() !== '')
    .map(lineReference);
}
