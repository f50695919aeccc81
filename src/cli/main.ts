#!/usr/bin/env node
/**
 * @file The `paperscope` command line: build an index, query it, serve it.
 * Each command parses its flags and calls one function of the pipeline.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildIndex } from '../build/index.js';
import { CORPUS_FORMATS } from '../corpus/index.js';
import { DEFAULT_CORPUS, DEFAULT_DATA_DIR, DEFAULT_HNSW, DEFAULT_INDEX_DIR, DEFAULT_K, DEFAULT_MODEL, DEFAULT_MODELS_DIR, MAX_K } from '../config.js';
import { EMBEDDER_CHOICES, type EmbedderChoice } from '../embed/choose.js';
import { DEFAULT_TEST_MODEL_SEED, generateNamedTestModel, TEST_MODEL_PRESETS } from '../embed/testModel.js';
import { loadIndex } from '../search/loadIndex.js';
import { similarPapers, type RankedRow } from '../search/semantic.js';
import { createSearchEngine, SEARCH_MODES, searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../config.js';
import { serve } from '../server/listen.js';
import { ensureIndex } from '../server/start.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { addExportCommand } from './exportCommand.js';
import { consoleReporter } from './reporter.js';
import { runCommand } from './run.js';
import { DEFAULT_EVAL_MODES, formatEvalReport, runEval } from '../eval/index.js';

function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

function printRows(index: LoadedIndex, rows: RankedRow[], json: boolean, header: string): void {
  const results = rows.map(({ row, score }) => ({ id: index.papers[row].id, title: index.papers[row].title, score: Number(score.toFixed(4)) }));
  if (json) {
    process.stdout.write(JSON.stringify({ embedder: index.manifest.embedder, results }, null, 2) + '\n');
    return;
  }
  if (index.manifest.embedder.kind === 'lexical') process.stderr.write('note: this index uses the LEXICAL embedder (TF-IDF + LSA), not a neural model\n');
  process.stdout.write(`${header}\n`);
  if (results.length === 0) process.stdout.write('  (no papers match)\n');
  results.forEach((r, i) => process.stdout.write(`${String(i + 1).padStart(3)}. ${r.score.toFixed(3)}  ${r.title}  [${r.id}]\n`));
}

const program = new Command('paperscope')
  .description('A local, offline-first semantic explorer for research papers.')
  .showHelpAfterError();

program
  .command('build')
  .description('Embed a corpus of titles and abstracts and write the index (HNSW graph, vectors, 2D map).')
  .option('-c, --corpus <file>', 'corpus file (.txt page dump, .jsonl, .json, .csv, arXiv snapshot; .gz ok)', DEFAULT_CORPUS)
  .option('-o, --out <dir>', 'index folder to write (replaced atomically)', DEFAULT_INDEX_DIR)
  .addOption(new Option('--format <format>', 'corpus format (default: detected)').choices([...CORPUS_FORMATS]))
  .option('--skip-bad', 'report and skip malformed records instead of stopping', false)
  .addOption(new Option('--embedder <kind>', 'embedder: transformer model, lexical fallback, or auto').choices([...EMBEDDER_CHOICES]).default('auto'))
  .option('--model <name>', 'transformer model (a folder under --models-dir, or a hub name)', DEFAULT_MODEL)
  .option('--models-dir <dir>', 'where models are looked up and downloaded', DEFAULT_MODELS_DIR)
  .option('--offline', 'never download a model', false)
  .option('--no-quantized', 'use onnx/model.onnx instead of the 8-bit onnx/model_quantized.onnx')
  .option('--hnsw-m <n>', 'HNSW M (links per node)', intOption('--hnsw-m', 2, 128), DEFAULT_HNSW.m)
  .option('--ef-construction <n>', 'HNSW efConstruction', intOption('--ef-construction', 10, 2000), DEFAULT_HNSW.efConstruction)
  .action(async (o) => {
    const reporter = consoleReporter();
    const report = await buildIndex({
      corpus: o.corpus, out: o.out, format: o.format, skipBad: o.skipBad,
      embedder: o.embedder as EmbedderChoice, model: o.model, modelsDir: o.modelsDir, offline: o.offline, quantized: o.quantized,
      hnsw: { m: o.hnswM, efConstruction: o.efConstruction }, reporter,
    });
    const total = Object.values(report.timings).reduce((a, b) => a + b, 0);
    reporter.info(`wrote ${o.out}: ${report.manifest.papers} papers, ${report.manifest.embedder.kind} embedder, ${report.embedded} embedded, ${report.reused} reused, ${total.toFixed(1)}s`);
  });

program
  .command('search')
  .description('Print the papers closest in meaning to a plain-English query.')
  .argument('<query>', 'what to look for')
  .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
  .option('-k <n>', 'number of results', intOption('-k', 1, MAX_K), DEFAULT_K)
  .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
  .option('--json', 'print JSON', false)
  .addOption(new Option('--mode <mode>', 'semantic (embeddings), lexical (BM25) or hybrid (both, score-fused)').choices([...SEARCH_MODES]).default('hybrid'))
  .action(async (query: string, o) => {
    const index = await loadIndex(o.index, { modelsDir: o.modelsDir });
    const { results } = await searchPapers(createSearchEngine(index), { q: query, k: o.k, mode: o.mode as SearchMode });
    printRows(index, results, o.json, `papers about "${query}" (${o.mode}):`);
  });

program
  .command('similar')
  .description('Print the papers most similar to the paper with the given id.')
  .argument('<id>', 'paper id (see `paperscope search --json`)')
  .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
  .option('-k <n>', 'number of results', intOption('-k', 1, MAX_K), DEFAULT_K)
  .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
  .option('--json', 'print JSON', false)
  .action(async (id: string, o) => {
    const index = await loadIndex(o.index, { modelsDir: o.modelsDir });
    const rows = similarPapers(index, id, o.k);
    if (!rows) throw new InvalidArgumentError(`no paper with id "${id}" in ${o.index}`);
    printRows(index, rows, o.json, `papers like "${index.papers[index.rowById.get(id)!].title}":`);
  });

const model = program.command('model').description('Manage transformer models under models/.');
model
  .command('generate')
  .description("Write a small BERT-shaped model of paperscope's own (for tests and benchmarks; no download).")
  .addOption(new Option('--preset <preset>', 'tiny: fast test model; minilm: all-MiniLM-L6-v2 shape').choices([...TEST_MODEL_PRESETS]).default('tiny'))
  .option('--name <org/name>', 'model name, a folder under --models-dir (default: paperscope/test-tiny or paperscope/minilm-shaped)')
  .option('--seed <n>', 'seed for the weights', intOption('--seed', 0, 2 ** 31 - 1), DEFAULT_TEST_MODEL_SEED)
  .option('--models-dir <dir>', 'models folder', DEFAULT_MODELS_DIR)
  .action(async (o) => {
    const made = await generateNamedTestModel({ modelsDir: o.modelsDir, preset: o.preset, name: o.name, seed: o.seed });
    process.stderr.write(`wrote ${made.dir} in ${(made.elapsedMs / 1000).toFixed(1)}s; build with: paperscope build --model ${made.name} --models-dir ${o.modelsDir}\n`);
  });

// ---- the explorer server

/**
 * Serves `o.index` until SIGINT/SIGTERM; fails (exit 1) when the index cannot be loaded.
 * The API answers 503 not_ready until `load` (default: load the index) has finished.
 */
async function serveUntilStopped(o: { index: string; data: string; port: number; host: string; modelsDir: string }, load?: () => Promise<SearchEngine>): Promise<void> {
  const running = await serve({ indexDir: o.index, dataDir: o.data, port: o.port, host: o.host, modelsDir: o.modelsDir, handleSignals: true, load });
  process.stdout.write(`paperscope: serving ${running.url}\n`);
  await running.ready;
  await running.closed;
}

program
  .command('serve')
  .description('Serve the explorer (web app and JSON API) for an index; the API answers 503 until the index has loaded.')
  .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
  .option('--data <dir>', "the user's data folder (collections); outside the index folder", DEFAULT_DATA_DIR)
  .option('-p, --port <n>', 'port (0: any free port)', intOption('--port', 0, 65535), DEFAULT_PORT)
  .option('--host <host>', 'interface to listen on (127.0.0.1: this machine only)', DEFAULT_HOST)
  .option('--models-dir <dir>', 'where the model is', DEFAULT_MODELS_DIR)
  .action((o) => serveUntilStopped(o));

program
  .command('start')
  .description('What `npm start` runs: build the demo index (embedder auto) if it is missing or stale, then serve it.')
  .option('-c, --corpus <file>', 'corpus file', DEFAULT_CORPUS)
  .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
  .option('--data <dir>', "the user's data folder (collections); outside the index folder", DEFAULT_DATA_DIR)
  .option('-p, --port <n>', 'port (0: any free port)', intOption('--port', 0, 65535), DEFAULT_PORT)
  .option('--host <host>', 'interface to listen on (127.0.0.1: this machine only)', DEFAULT_HOST)
  .option('--models-dir <dir>', 'where models are looked up and downloaded', DEFAULT_MODELS_DIR)
  .option('--offline', 'never download a model', false)
  .action(async (o) => {
    // Listen first: while the index builds, the API answers 503 not_ready and the web app can say so.
    await serveUntilStopped(o, async () => {
      await ensureIndex({ indexDir: o.index, corpus: o.corpus, modelsDir: o.modelsDir, offline: o.offline, reporter: consoleReporter() });
      return createSearchEngine(await loadIndex(o.index, { modelsDir: o.modelsDir }));
    });
  });

addExportCommand(program, intOption('-k', 1, MAX_K));

// ---- retrieval quality on a public benchmark

program
  .command('eval')
  .description('Measure search quality on a BEIR-layout benchmark folder: builds a temporary index of its corpus and runs every judged query in each mode.')
  .argument('<dir>', 'benchmark folder (corpus.jsonl[.gz], queries*.jsonl, qrels*.tsv)')
  .option('--corpus <file>', 'corpus file in <dir> (default: the one corpus*.jsonl[.gz])')
  .option('--queries <file>', 'queries file in <dir> (default: the one queries*.jsonl)')
  .option('--qrels <file>', 'relevance judgements in <dir> (default: the one qrels*.tsv or qrels/*.tsv)')
  .addOption(new Option('--embedder <kind>', 'embedder: transformer model, lexical fallback, or auto').choices([...EMBEDDER_CHOICES]).default('auto'))
  .option('--model <name>', 'transformer model (a folder under --models-dir, or a hub name)', DEFAULT_MODEL)
  .option('--models-dir <dir>', 'where models are looked up and downloaded', DEFAULT_MODELS_DIR)
  .option('--offline', 'never download a model', false)
  .option('--no-quantized', 'use onnx/model.onnx instead of the 8-bit onnx/model_quantized.onnx')
  .option('--modes <list>', `comma-separated search modes (${SEARCH_MODES.join(', ')})`, DEFAULT_EVAL_MODES.join(','))
  .option('--keep-identical-ids', "keep a result whose id is the query's id (BEIR drops them)", false)
  .option('--json', 'print the report as JSON', false)
  .action(async (dir: string, o) => {
    const report = await runEval({
      dir, files: { corpus: o.corpus, queries: o.queries, qrels: o.qrels },
      embedder: o.embedder as EmbedderChoice, model: o.model, modelsDir: o.modelsDir, offline: o.offline, quantized: o.quantized,
      modes: String(o.modes).split(',').map((m) => m.trim()).filter(Boolean) as SearchMode[],
      ignoreIdenticalIds: !o.keepIdenticalIds, reporter: consoleReporter(),
    });
    process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatEvalReport(report) + '\n');
  });

await runCommand(program, process.argv);
