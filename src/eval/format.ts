/**
 * @file The text `paperscope eval` prints: what was evaluated, one table row per mode with
 * the four retrieval figures and queries/s, the build timings and the machine.
 */
import path from 'node:path';
import { METRIC_LABELS, type RetrievalMetrics } from './metrics.js';
import type { EvalReport } from './run.js';

const METRIC_KEYS = Object.keys(METRIC_LABELS) as (keyof RetrievalMetrics)[];

function embedderLine({ embedder }: EvalReport): string {
  if (embedder.kind === 'lexical') return `lexical (TF-IDF + LSA, ${embedder.dims} dims; not a neural model)`;
  return `transformer ${embedder.model} (${embedder.dims} dims, ${embedder.quantized ? '8-bit' : 'fp32'})`;
}

function datasetLines(report: EvalReport): string[] {
  const name = (file: string) => path.relative(report.dir, file) || file;
  const { notInQueriesFile, noRelevantDocument } = report.skippedQueries;
  const skipped = notInQueriesFile + noRelevantDocument > 0 ? `; skipped ${notInQueriesFile} judged but missing, ${noRelevantDocument} with no relevant document` : '';
  const placeholders = report.untitled + report.textless > 0 ? `; ${report.untitled} without title, ${report.textless} without text` : '';
  const missing = report.missingDocuments > 0 ? `; ${report.missingDocuments} relevant ids not in the corpus` : '';
  return [
    `corpus    ${name(report.files.corpus)}: ${report.documents} documents, ${report.indexed} indexed${placeholders}`,
    `queries   ${name(report.files.queries)}: ${report.queries} judged queries run${skipped}`,
    `qrels     ${name(report.files.qrels)}${missing}`,
  ];
}

function timingLine(report: EvalReport): string {
  const stages = Object.entries(report.build.stages).map(([stage, s]) => `${stage} ${s.toFixed(1)}`).join(', ');
  return `build     ${report.build.seconds.toFixed(1)} s (${stages}); load ${report.loadSeconds.toFixed(1)} s`;
}

function modeTable(report: EvalReport): string[] {
  const header = ['mode', ...METRIC_KEYS.map((k) => METRIC_LABELS[k]), 'queries/s'];
  const rows = report.modes.map((m) => [m.mode, ...METRIC_KEYS.map((k) => m[k].toFixed(4)), m.queriesPerSecond.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)];
}

/**
 * The report as the CLI prints it.
 * @example formatEvalReport(report).split('\n')[0] // => 'paperscope eval: data/scifact (k = 100, mean over queries)'
 */
export function formatEvalReport(report: EvalReport): string {
  const { cores, cpu, node, loadAverage } = report.machine;
  return [
    `paperscope eval: ${report.dir} (k = 100, mean over queries)`,
    ...datasetLines(report),
    `embedder  ${embedderLine(report)}`,
    timingLine(report),
    '',
    ...modeTable(report),
    '',
    `machine   ${cores} cores, ${cpu}, Node ${node}, load average ${loadAverage.join(' ')}`,
  ].join('\n');
}
