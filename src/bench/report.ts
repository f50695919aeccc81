/**
 * @file The shape every benchmark reports in, the machine it ran on, and the
 * table/JSON output of `npm run bench` (JSON goes to bench-results/).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { describeMachine } from '../report/machine.js';

/** One benchmark's figures: rows of named values, plus notes saying what was measured and how. */
/** The `q` quantile (0 to 1) of ascending `sorted`: the value at rank floor(q · n), the last for q = 1. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export interface BenchSection {
  name: string;
  rows: Array<Record<string, string | number>>;
  notes?: string[];
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** A fixed-width text table of a section's rows. */
export function formatSection(section: BenchSection): string {
  const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
  const cell = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);
  const widths = columns.map((c) => Math.max(c.length, ...section.rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [
    `## ${section.name}`,
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...section.rows.map((r) => line(columns.map((c) => cell(r[c])))),
    ...(section.notes ?? []).map((n) => `  note: ${n}`),
  ].join('\n');
}

/** Writes `{ machine, sections }` to bench-results/<name>.json and returns the path. */
export async function writeBenchJson(name: string, sections: BenchSection[]): Promise<string> {
  const dir = path.join(PROJECT_ROOT, 'bench-results');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await fs.writeFile(file, JSON.stringify({ machine: describeMachine(), ranAt: new Date().toISOString(), sections }, null, 2) + '\n');
  return file;
}
