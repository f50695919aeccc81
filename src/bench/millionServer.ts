/**
 * @file The server half of the million-point bench: start → ready and RSS of
 * `paperscope serve` on an index, search latency one query at a time per mode, and
 * /api/map in its binary form as the browser asks for it (compressed), cold and warm.
 */
import http from 'node:http';
import { DEFAULT_MODELS_DIR } from '../config.js';
import { SEARCH_MODES } from '../search/modes.js';
import { memoryOf, startServer } from './serverProcess.js';
import { quantile } from './report.js';

/** Queries of the latency runs: topics the arXiv sample covers, a word or a phrase each. */
const QUERIES = ['graph neural networks', 'quantum error correction', 'dark matter halo', 'optimal transport', 'speech recognition', 'protein folding', 'reinforcement learning robotics', 'black hole merger', 'language model alignment', 'spectral clustering'];
/** Rounds over QUERIES per mode: 30 timed queries each, after one untimed round. */
const ROUNDS = 3;

/** GET `url` as Chromium asks for it (br, gzip): bytes on the wire and milliseconds to the last byte. */
function download(url: string): Promise<{ bytes: number; ms: number; encoding: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip, deflate' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, ms: performance.now() - start, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      })
      .on('error', reject);
  });
}


/** Median and 95th-percentile milliseconds of the search queries in `mode`, sequential. */
async function searchLatency(url: string, mode: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const q of QUERIES) {
      // Each round a different k, so no query repeats a cached answer.
      const start = performance.now();
      const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&k=${10 + round}&mode=${mode}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`search "${q}" (${mode}) answered ${res.status}`);
      if (round > 0) times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(quantile(times, 0.5)), p95: Math.round(quantile(times, 0.95)) };
}

/** Starts the server on `index`, measures it, and stops it. */
export async function measureServer(index: string): Promise<{ papers: number; row: Record<string, string | number>; notes: string[] }> {
  const start = performance.now();
  const { child, url } = await startServer(index, DEFAULT_MODELS_DIR, 'million');
  const readySeconds = (performance.now() - start) / 1000;
  try {
    const readyRss = memoryOf(child.pid!).rssMb;
    const { papers } = (await (await fetch(`${url}/api/health`)).json()) as { papers: number };
    const cold = await download(`${url}/api/map?format=binary`);
    const warm = await download(`${url}/api/map?format=binary`);
    const latency: Record<string, string> = {};
    for (const mode of SEARCH_MODES) {
      const { p50, p95 } = await searchLatency(url, mode);
      latency[`${mode} p50/p95 ms`] = `${p50} / ${p95}`;
    }
    const { rssMb, peakMb } = memoryOf(child.pid!);
    return {
      papers,
      row: {
        'start→ready s': Number(readySeconds.toFixed(1)),
        'RSS ready MB': readyRss,
        'map MB on the wire': Number((warm.bytes / 1e6).toFixed(2)),
        'map cold ms': Math.round(cold.ms),
        'map warm ms': Math.round(warm.ms),
        ...latency,
        'RSS after MB': rssMb,
        'peak RSS MB': peakMb,
      },
      notes: [
        `/api/map?format=binary over loopback, ${warm.encoding}; cold = first request (compresses once per loaded index), warm = the next`,
        `search: ${QUERIES.length * ROUNDS} sequential queries per mode (k 11–${10 + ROUNDS}), after one untimed round`,
      ],
    };
  } finally {
    child.kill('SIGTERM');
  }
}
