/**
 * @file The `add` command: new or changed papers into a built index without a rebuild.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_MODELS_DIR } from '../config.js';
import { CORPUS_FORMATS } from '../corpus/detect.js';
import { addPapers } from '../pipeline/addPapers.js';
import { consoleReporter } from '../report/console.js';

/** Adds `add` to `program`. */
export function addAddCommand(program: Command): void {
  program
    .command('add')
    .description('Add new or changed papers (matched by id) to a built index without a rebuild; existing map points stay where they are.')
    .argument('<files...>', 'corpus files of new or changed papers (any format build reads)')
    .option('-i, --index <dir>', 'index folder (replaced atomically)', DEFAULT_INDEX_DIR)
    .addOption(new Option('--format <format>', 'corpus format (default: detected)').choices([...CORPUS_FORMATS]))
    .option('--skip-bad', 'report and skip malformed records instead of stopping', false)
    .option('--models-dir <dir>', "where the index's model is", DEFAULT_MODELS_DIR)
    .action(async (files: string[], o) => {
      const reporter = consoleReporter();
      const report = await addPapers({ index: o.index, files, format: o.format, skipBad: o.skipBad, modelsDir: o.modelsDir, reporter });
      const total = Object.values(report.timings).reduce((a, b) => a + b, 0);
      const stages = Object.entries(report.timings).map(([stage, s]) => `${stage} ${s.toFixed(1)}`).join(', ');
      reporter.info(report.manifest ? `wrote ${o.index}: ${report.manifest.papers} papers, ${total.toFixed(1)}s (${stages})` : `nothing to add: ${o.index} is unchanged`);
    });
}
