/**
 * @file The explorer server as a child process for the load and soak benches: starts
 * `paperscope serve` (dist/cli/main.js) on a free port, waits until the index has loaded,
 * and reads the child's memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

/** How long a server may take to load its index before the bench gives up. */
export const READY_TIMEOUT_MS = 120_000;

/** Resident and peak memory of process `pid` in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** Starts `paperscope serve` on a free port; resolves with its URL once /api/health answers 200. */
export async function startServer(index: string, modelsDir: string, bench = 'load', cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js')): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--index', index, '--port', '0', '--models-dir', modelsDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${bench}: the server exited with code ${code} before listening`)));
  });
  for (const deadline = Date.now() + READY_TIMEOUT_MS; Date.now() < deadline; ) {
    const status = await fetch(`${url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return { child, url };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`${bench}: the server did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}
