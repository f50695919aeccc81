/**
 * @file One search in each mode and one similar, run on a freshly loaded index before the
 * server says it is ready. V8 compiles the request path on its first few calls: cold, a search
 * with its results explained costs 20–35 ms of CPU against 3 ms warm, so the first requests
 * of a busy start queued a health check for up to 200 ms (docs/BENCHMARKS.md, "Hostile inputs").
 */
import type { SearchEngine } from '../search/engine.js';
import { SEARCH_MODES } from '../search/modes.js';
import { searchBody, similarBody } from './searchResponse.js';

/** Rounds of warm-up: enough calls for V8 to optimise the hot functions, about 0.1 s at start. */
const WARM_UP_ROUNDS = 3;

/** Runs the request path on `engine` a few times; results are discarded. */
export async function warmUp(engine: SearchEngine): Promise<void> {
  if (engine.index.papers.length === 0) return;
  const { papers } = engine.index;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    const row = round % papers.length;
    for (const mode of SEARCH_MODES) await searchBody(engine, { q: papers[row].title, k: 20, mode });
    await similarBody(engine, row, 20);
  }
}
