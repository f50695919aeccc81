/**
 * @file `paperscope missing` (what a draft may have missed, as POST /api/missing) and the
 * query file of `paperscope search --file`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_MODELS_DIR } from '../config.js';
import { findMissing } from '../references/missing.js';
import { createSearchEngine } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { DEFAULT_MISSING_K, MAX_MISSING_K } from '../server/bodySchemas.js';
import { explainedResults } from '../server/searchResponse.js';
import { intOption } from './options.js';

/** A text file's contents, trimmed; '-' reads standard input. Throws naming the flag and file. */
export async function readTextFile(file: string, flag: string): Promise<string> {
  try {
    // File descriptor 0 is standard input.
    return (file === '-' ? readFileSync(0, 'utf8') : await readFile(file, 'utf8')).trim();
  } catch (err) {
    throw new InvalidArgumentError(`${flag} ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The search text: the query argument, or the contents of --file; exactly one of them. */
export async function queryText(query: string | undefined, file: string | undefined): Promise<string> {
  if ((query === undefined) === (file === undefined)) throw new InvalidArgumentError('give a query or --file <file>, not both');
  const text = file === undefined ? query!.trim() : await readTextFile(file, '--file');
  if (!text) throw new InvalidArgumentError(file === undefined ? 'the query is empty' : `--file ${file} is empty`);
  return text;
}

interface MissingOptions {
  text?: string;
  refs?: string;
  index: string;
  k: number;
  modelsDir: string;
  json: boolean;
}

async function runMissing(o: MissingOptions): Promise<void> {
  if (!o.text && !o.refs) throw new InvalidArgumentError('give --text <file>, --refs <file> or both');
  const text = o.text ? await readTextFile(o.text, '--text') : '';
  const references = o.refs ? await readTextFile(o.refs, '--refs') : '';
  const engine = createSearchEngine(await loadIndex(o.index, { modelsDir: o.modelsDir }));
  const outcome = await findMissing(engine, { text, references, k: o.k });
  const results = await explainedResults(engine, outcome.results, outcome.lists, outcome.source);
  const matched = outcome.matched.map(({ row: _row, ...match }) => match);
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ matched, results }, null, 2)}\n`);
    return;
  }
  const found = matched.filter((m) => m.id !== null).length;
  process.stdout.write(`references: ${found} of ${matched.length} found in the index\n`);
  for (const m of matched) process.stdout.write(`  ${m.id === null ? 'not found' : `${m.how}: ${m.id}`}  ${m.reference.slice(0, 100)}\n`);
  process.stdout.write('you may have missed:\n');
  results.forEach((r, i) => process.stdout.write(`${String(i + 1).padStart(3)}. ${r.title}  [${r.id}]\n       ${r.why.terms.join(', ')}\n`));
}

/** Adds `paperscope missing` to `program`. */
export function addMissingCommand(program: Command): void {
  program
    .command('missing')
    .description('Papers close to a draft that its references leave out: what you may have missed.')
    .option('--text <file>', 'the draft or abstract (plain text; - for stdin)')
    .option('--refs <file>', 'its references: BibTeX, or one arXiv id / DOI / title per line')
    .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
    .option('-k <n>', 'number of results', intOption('-k', 1, MAX_MISSING_K), DEFAULT_MISSING_K)
    .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
    .option('--json', 'print JSON', false)
    .action((o: MissingOptions) => runMissing(o));
}
