/**
 * @file Runs the embedding benchmark alone: `node dist/bench/embedding-main.js [--rounds n]
 * [--papers n] [--models-dir dir] [--precision fp32|int8]… [--threads n]…`; prints the table and writes
 * bench-results/embedding.json. `npm run bench` runs the same code among the other benchmarks.
 */
import { parseArgs } from 'node:util';
import { runEmbeddingBench, type Precision } from './embedding.js';
import { formatSection, writeBenchJson } from './report.js';
import { describeMachine } from '../report/machine.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    papers: { type: 'string', default: '500' },
    'models-dir': { type: 'string' },
    corpus: { type: 'string' },
    precision: { type: 'string', multiple: true },
    threads: { type: 'string', multiple: true },
  },
});

const machine = describeMachine();
console.log(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);
const sections = await runEmbeddingBench({
  rounds: Number(values.rounds),
  papers: Number(values.papers),
  modelsDir: values['models-dir'],
  corpus: values.corpus,
  precisions: values.precision as Precision[] | undefined,
  threads: values.threads?.map(Number),
  log: (line) => console.log(line),
});
for (const section of sections) console.log(`\n${formatSection(section)}`);
console.log(`\nwrote ${await writeBenchJson('embedding', sections)}`);
