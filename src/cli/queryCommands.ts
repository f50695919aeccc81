/**
 * @file The commands that query an index from the terminal: search and similar.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_K, DEFAULT_MODELS_DIR, MAX_K } from '../config.js';
import { embedderNote } from '../embed/embedder.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { createSearchEngine, SEARCH_MODES, searchPapers, type SearchMode } from '../search/engine.js';
import { loadIndex, type LoadedIndex } from '../search/loadIndex.js';
import { similarRows } from '../search/filteredNearest.js';
import { addFilterOptions, describeFilter, filterFromOptions } from './filterOptions.js';
import { queryText } from './missingCommand.js';
import { intOption } from './options.js';

function printRows(index: LoadedIndex, rows: RankedRow[], json: boolean, header: string): void {
  const results = rows.map(({ row, score }) => ({ id: index.papers[row].id, title: index.papers[row].title, score: Number(score.toFixed(4)) }));
  if (json) {
    process.stdout.write(JSON.stringify({ embedder: index.manifest.embedder, results }, null, 2) + '\n');
    return;
  }
  const note = embedderNote(index.manifest.embedder);
  if (note) process.stderr.write(`note: ${note}\n`);
  process.stdout.write(`${header}\n`);
  if (results.length === 0) process.stdout.write('  (no papers match)\n');
  results.forEach((r, i) => process.stdout.write(`${String(i + 1).padStart(3)}. ${r.score.toFixed(3)}  ${r.title}  [${r.id}]\n`));
}

/** Adds search and similar to `program`. */
export function addQueryCommands(program: Command): void {
  addFilterOptions(program
    .command('search'))
    .description('Print the papers closest in meaning to a plain-English query, or to a whole abstract or draft (--file).')
    .argument('[query]', 'what to look for')
    .option('--file <file>', 'read the query from a file (a whole abstract or draft; - for stdin)')
    .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
    .option('-k <n>', 'number of results', intOption('-k', 1, MAX_K), DEFAULT_K)
    .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
    .option('--json', 'print JSON', false)
    .addOption(new Option('--mode <mode>', 'semantic (embeddings), lexical (BM25) or hybrid (both, score-fused)').choices([...SEARCH_MODES]).default('hybrid'))
    .action(async (argument: string | undefined, o) => {
      const query = await queryText(argument, o.file);
      const index = await loadIndex(o.index, { modelsDir: o.modelsDir });
      const filter = filterFromOptions(index, o);
      const { results } = await searchPapers(createSearchEngine(index), { q: query, k: o.k, mode: o.mode as SearchMode, filter });
      printRows(index, results, o.json, `papers about ${o.file === undefined ? `"${query}"` : o.file} (${o.mode})${describeFilter(filter)}:`);
    });

  addFilterOptions(program
    .command('similar'))
    .description('Print the papers most similar to the paper with the given id.')
    .argument('<id>', 'paper id (see `paperscope search --json`)')
    .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
    .option('-k <n>', 'number of results', intOption('-k', 1, MAX_K), DEFAULT_K)
    .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
    .option('--json', 'print JSON', false)
    .action(async (id: string, o) => {
      const index = await loadIndex(o.index, { modelsDir: o.modelsDir });
      const row = index.rowById.get(id);
      if (row === undefined) throw new InvalidArgumentError(`no paper with id "${id}" in ${o.index}`);
      const filter = filterFromOptions(index, o);
      printRows(index, similarRows(index, row, o.k, filter), o.json, `papers like "${index.papers[row].title}"${describeFilter(filter)}:`);
    });
}
