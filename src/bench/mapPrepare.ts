/**
 * @file How long preparing the page's map (the binary document, brotli-compressed) holds the
 * server's event loop, on a built index: the server does it once per index, right after it
 * starts serving it and after every hot swap, while requests arrive. Reports the total time and
 * the event loop's longest delay meanwhile (a request arriving then waits that long).
 * Run: `npm run build:ts && node dist/bench/mapPrepare.js <index folder>`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadIndex } from '../search/loadIndex.js';
import { prepareMap } from '../server/mapResponse.js';
import { describeMachine } from '../report/machine.js';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node dist/bench/mapPrepare.js <index folder>');
  const index = await loadIndex(dir);
  await sleep(100);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  await prepareMap(index);
  const took = performance.now() - start;
  delay.disable();
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  process.stdout.write(`${index.papers.length} papers: map prepared in ${took.toFixed(0)} ms; event loop delay meanwhile: max ${ms(delay.max)} ms, p99 ${ms(delay.percentile(99))} ms\n`);
  process.stdout.write(`${JSON.stringify(describeMachine())}\n`);
}

await main();
