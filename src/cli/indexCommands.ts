/**
 * @file The commands that make and serve an index: build, serve and start (what `npm start` runs).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_CORPUS, DEFAULT_DATA_DIR, DEFAULT_HNSW, DEFAULT_HOST, DEFAULT_INDEX_DIR, DEFAULT_MODEL, DEFAULT_MODELS_DIR, DEFAULT_PORT } from '../config.js';
import { CORPUS_FORMATS } from '../corpus/detect.js';
import { EMBEDDER_CHOICES, type EmbedderChoice } from '../embed/embedder.js';
import { buildIndex } from '../pipeline/buildIndex.js';
import { ensureIndex } from '../pipeline/ensureIndex.js';
import { consoleReporter } from '../report/console.js';
import { createSearchEngine, type SearchEngine } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { serve } from '../server/listen.js';
import { intOption } from './options.js';

/**
 * Serves `o.index` until SIGINT/SIGTERM; fails (exit 1) when the index cannot be loaded.
 * The API answers 503 not_ready until `load` (default: load the index) has finished.
 */
async function serveUntilStopped(o: { index: string; data: string; port: number; host: string; allowHost: string[]; modelsDir: string }, load?: () => Promise<SearchEngine>): Promise<void> {
  const running = await serve({ indexDir: o.index, dataDir: o.data, port: o.port, host: o.host, allowHosts: o.allowHost, modelsDir: o.modelsDir, handleSignals: true, load });
  process.stdout.write(`paperscope: serving ${running.url}\n`);
  await running.ready;
  await running.closed;
}

/** Gathers repeated --allow-host values. */
function collectHostName(name: string, names: string[]): string[] {
  if (!/^[\w.:-]+$/.test(name)) throw new InvalidArgumentError(`--allow-host: "${name}" is not a host name or address`);
  return [...names, name];
}

/** Adds build, serve and start to `program`. */
export function addIndexCommands(program: Command): void {
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
    .command('serve')
    .description('Serve the explorer (web app and JSON API) for an index; the API answers 503 until the index has loaded.')
    .option('-i, --index <dir>', 'index folder', DEFAULT_INDEX_DIR)
    .option('--data <dir>', "the user's data folder (collections); outside the index folder", DEFAULT_DATA_DIR)
    .option('-p, --port <n>', 'port (0: any free port)', intOption('--port', 0, 65535), DEFAULT_PORT)
    .option('--host <host>', 'interface to listen on (127.0.0.1: this machine only)', DEFAULT_HOST)
    .option('--allow-host <name>', 'also answer requests addressed to this host name (repeatable; for --host other than loopback)', collectHostName, [])
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
    .option('--allow-host <name>', 'also answer requests addressed to this host name (repeatable; for --host other than loopback)', collectHostName, [])
    .option('--models-dir <dir>', 'where models are looked up and downloaded', DEFAULT_MODELS_DIR)
    .option('--offline', 'never download a model', false)
    .action(async (o) => {
      // Listen first: while the index builds, the API answers 503 not_ready and the web app can say so.
      await serveUntilStopped(o, async () => {
        await ensureIndex({ indexDir: o.index, corpus: o.corpus, modelsDir: o.modelsDir, offline: o.offline, reporter: consoleReporter() });
        return createSearchEngine(await loadIndex(o.index, { modelsDir: o.modelsDir }));
      });
    });
}
