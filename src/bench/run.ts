/**
 * @file `npm run bench`: every speed and memory figure in one run — embedding throughput,
 * BM25 and HNSW at 100,000 papers, the build after embedding at 10,000 and 100,000 papers,
 * and the server at 100,000 papers — printed as tables and written to bench-results/bench.json
 * with the machine. Takes about half an hour on 2 cores. The load, soak, map and lexical benches
 * run on their own (`npm run bench:load`, `bench:soak`, `bench:map`, `node dist/bench/lsa.js`).
 */
import { bm25Bench } from './bm25.js';
import { runEmbeddingBench } from './embedding.js';
import { formatSection, writeBenchJson, type BenchSection } from './report.js';
import { describeMachine } from '../report/machine.js';
import { buildBench, hnswBench, serverBench } from './scale.js';

const machine = describeMachine();
console.log(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}\n`);
const sections: BenchSection[] = [];
const stages: Array<() => Promise<BenchSection[]> | BenchSection[]> = [
  () => runEmbeddingBench({ log: (line) => console.log(line) }),
  async () => [await bm25Bench()],
  () => [hnswBench()],
  () => [buildBench()],
  async () => [await serverBench()],
];
for (const stage of stages) {
  for (const section of await stage()) {
    sections.push(section);
    console.log(`${formatSection(section)}\n`);
  }
}
console.log(`wrote ${await writeBenchJson('bench', sections)}`);
