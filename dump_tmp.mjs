import fs from 'node:fs/promises'; import os from 'node:os'; import path from 'node:path';
const D = '/work/wt/i15/dist';
const { buildIndex } = await import(`${D}/build/index.js`);
const { generateNamedTestModel } = await import(`${D}/embed/testModel.js`);
const { copyBeirCorpus, locateBeirFiles, readBeirQueries, readQrels } = await import(`${D}/eval/beir.js`);
const { createSearchEngine } = await import(`${D}/search/engine.js`);
const { loadIndex } = await import(`${D}/search/loadIndex.js`);
const { nearestRows } = await import(`${D}/search/semantic.js`);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'i15-dump-'));
const modelsDir = path.join(work, 'models');
const { name: model } = await generateNamedTestModel({ modelsDir, preset: 'tiny' });
const files = await locateBeirFiles('/work/shared/data/scifact', { queries: 'queries-train.jsonl' });
const sci = path.join(work, 'sci.jsonl'); await copyBeirCorpus(files.corpus, sci);
const [queries, qrels] = await Promise.all([readBeirQueries(files.queries), readQrels(files.qrels)]);
const sciQ = [...queries].filter(([id]) => [...(qrels.get(id)?.values() ?? [])].some((g) => g > 0)).map(([id, text]) => ({ text, qrels: Object.fromEntries(qrels.get(id)), selfId: id }));
const readQ = async (f) => JSON.parse(await fs.readFile(`/work/wt/i15/data/queries/${f}`, 'utf8')).queries.map((q) => ({ text: q.query, qrels: q.relevant }));
const demo = await readQ('demo-queries.json'); const para = await readQ('demo-paraphrases.json');
const out = {};
for (const [label, opts] of [['lexical', { embedder: 'lexical' }], ['tiny', { embedder: 'transformer', model, modelsDir, offline: true }]]) {
  for (const [corpus, sets] of [['/work/wt/i15/data/trending-papers.txt', { demoEven: demo.filter((_, i) => i % 2 === 0), demoOdd: demo.filter((_, i) => i % 2 === 1), para }], [sci, Object.fromEntries([0,1,2,3,4].map((f) => [`sci${f+1}`, sciQ.filter((_, i) => i % 5 === f)]))]]) {
    const outDir = await fs.mkdtemp(path.join(work, 'idx-'));
    await buildIndex({ ...opts, corpus, out: outDir, format: corpus === sci ? 'jsonl' : undefined });
    const engine = createSearchEngine(await loadIndex(outDir, { modelsDir }), { cacheSize: 0 });
    for (const [name, qs] of Object.entries(sets)) {
      const rows = [];
      for (const q of qs) {
        const sem = nearestRows(engine.index, await engine.queries.embed(q.text), 100, { candidates: 100 });
        const lex = engine.lexical.search(q.text, 100);
        const id = (r) => engine.index.papers[r.row].id;
        rows.push({ qrels: q.qrels, selfId: q.selfId, sem: sem.map((r) => [id(r), r.score]), lex: lex.map((r) => [id(r), r.score]) });
      }
      out[`${label}/${name}`] = rows;
    }
  }
}
await fs.writeFile('/tmp/i15_lists.json', JSON.stringify(out));
await fs.rm(work, { recursive: true, force: true });
console.log('done', Object.keys(out));
