/**
 * @file The commands around the pipeline: `model generate` (the test model) and `eval` (quality on a BEIR benchmark).
 */
import { Option, type Command } from 'commander';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../config.js';
import { EMBEDDER_CHOICES, type EmbedderChoice } from '../embed/embedder.js';
import { formatEvalReport } from '../eval/format.js';
import { DEFAULT_EVAL_MODES, runEval } from '../eval/run.js';
import { consoleReporter } from '../report/console.js';
import { SEARCH_MODES, type SearchMode } from '../search/engine.js';
import { DEFAULT_TEST_MODEL_SEED, generateNamedTestModel, TEST_MODEL_PRESETS } from '../testmodel/generate.js';
import { intOption } from './options.js';

/** Adds `model generate` and `eval` to `program`. */
export function addToolCommands(program: Command): void {
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
}
