/**
 * @file `paperscope export`: writes a set of papers (ids, a search's results, a collection, or
 * every paper passing the filters, e.g. a topic) as CSV, JSON Lines or BibTeX, the same files
 * GET /api/export serves.
 */
import fs from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { openCollectionStore } from '../collections/store.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_INDEX_DIR, DEFAULT_K, DEFAULT_MODELS_DIR, DEFAULT_PORT, MAX_K } from '../config.js';
import { EXPORT_FORMATS, formatRows, type ExportFormat } from '../export/formats.js';
import { selectExportRows, type ExportSource } from '../export/selectRows.js';
import { createSearchEngine, SEARCH_MODES, type SearchMode } from '../search/engine.js';
import type { FilterParams } from '../search/filterSpec.js';
import { loadIndex } from '../search/loadIndex.js';
import { addFilterOptions, filterFromOptions } from './filterOptions.js';
import { intOption } from './options.js';

interface ExportOptions extends FilterParams {
  index: string;
  data: string;
  modelsDir: string;
  format: ExportFormat;
  ids?: string;
  query?: string;
  mode: SearchMode;
  k: number;
  collection?: string;
  out?: string;
  baseUrl: string;
}

function sourceOf(o: ExportOptions): ExportSource {
  const given = [o.ids, o.query, o.collection].filter((v) => v !== undefined).length;
  const filtered = [o.from, o.to, o.cat, o.topic].some((v) => v !== undefined);
  if (given > 1 || (given === 0 && !filtered)) throw new InvalidArgumentError('give one of --ids, --query or --collection, or a filter (--topic, --cat, --from, --to) to export its papers');
  if (o.ids !== undefined) return { kind: 'ids', ids: o.ids.split(',').map((id) => id.trim()).filter(Boolean) };
  if (o.query !== undefined) return { kind: 'search', q: o.query, mode: o.mode, k: o.k };
  if (o.collection === undefined) return { kind: 'slice' };
  const store = openCollectionStore(o.data);
  try {
    const collection = store.get(o.collection);
    if (!collection) throw new InvalidArgumentError(`no collection with id "${o.collection}" in ${o.data}`);
    return { kind: 'collection', collection };
  } finally {
    store.close();
  }
}

async function runExport(o: ExportOptions): Promise<void> {
  const source = sourceOf(o);
  const engine = createSearchEngine(await loadIndex(o.index, { modelsDir: o.modelsDir }));
  const rows = await selectExportRows(engine, source, o.baseUrl.replace(/\/+$/, ''), filterFromOptions(engine.index, o));
  const text = formatRows(rows, o.format);
  if (o.out === undefined) process.stdout.write(text);
  else {
    await fs.writeFile(o.out, text);
    process.stderr.write(`wrote ${rows.length} papers to ${o.out}\n`);
  }
}

/** Adds `export` to the program. */
export function addExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('Write papers (ids, a search, a collection, or a slice such as a topic) as CSV, JSON Lines or BibTeX.')
    .addOption(new Option('-f, --format <format>', 'file format').choices([...EXPORT_FORMATS]).default('csv'))
    .option('--ids <list>', 'comma-separated paper ids')
    .option('-q, --query <text>', "a search's results")
    .addOption(new Option('--mode <mode>', 'search mode for --query').choices([...SEARCH_MODES]).default('hybrid'))
    .option('-k <n>', `results of --query (1 to ${MAX_K})`, intOption('-k', 1, MAX_K), DEFAULT_K)
    .option('--collection <id>', "a collection's papers (from --data)")
    .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
    .option('--data <dir>', 'data folder holding the collections', DEFAULT_DATA_DIR)
    .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
    .option('-o, --out <file>', 'write here instead of standard output')
    .option('--base-url <url>', 'address of the explorer, for the permalinks', `http://${DEFAULT_HOST}:${DEFAULT_PORT}`);
  addFilterOptions(command).action((o: ExportOptions) => runExport(o));
}
