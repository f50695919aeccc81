/**
 * `why` on search and similar results over the demo index. Properties over random queries made
 * of demo papers' words and sentences: every term is in both texts (ignoring case and
 * stemming), the sentence is one of the paper's own abstract sentences and its match one of the
 * query's, and the signals are the ranks and scores of the mode's own lists.
 */
import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { paperText } from '../../src/corpus/text.js';
import { searchPapers, type SearchEngine, type SearchMode } from '../../src/search/engine.js';
import { explainer, type Why } from '../../src/search/why.js';
import { splitSentences } from '../../src/text/sentences.js';
import { analyze } from '../../src/text/tokenize.js';
import { demoEngine, readyApp } from '../server/fixtures.js';

/** True when `part` occurs as a run of consecutive items of `whole`. */
function containsRun(whole: readonly string[], part: readonly string[]): boolean {
  return part.length > 0 && whole.some((_, i) => part.every((item, j) => whole[i + j] === item));
}

function expectTermsInBoth(why: Why, paper: Paper, source: string): void {
  const paperTerms = analyze(paperText(paper));
  const sourceTerms = analyze(source);
  for (const term of why.terms) {
    expect(containsRun(paperTerms, analyze(term)), `"${term}" in ${paper.id}`).toBe(true);
    expect(containsRun(sourceTerms, analyze(term)), `"${term}" in the query`).toBe(true);
  }
}

/** A query of 1 to 3 sentences and loose words taken from random demo papers. */
function queryArbitrary(papers: readonly Paper[]): fc.Arbitrary<string> {
  const piece = fc.tuple(fc.integer({ min: 0, max: papers.length - 1 }), fc.nat(), fc.boolean()).map(([row, pick, wholeSentence]) => {
    const sentences = splitSentences(papers[row].abstract);
    const sentence = sentences[pick % sentences.length];
    if (wholeSentence) return sentence;
    const words = sentence.split(/\s+/);
    return words.slice(pick % words.length, (pick % words.length) + 4).join(' ');
  });
  return fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(' '));
}

describe.each(['lexical', 'transformer'] as const)('why on search results (%s embedder)', (embedder) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = await demoEngine(embedder);
  });

  it.each(['hybrid', 'lexical', 'semantic'] as SearchMode[])('%s: terms in both texts, own sentences, the mode’s signals', async (mode) => {
    await fc.assert(
      fc.asyncProperty(queryArbitrary(engine.index.papers), async (q) => {
        const outcome = await searchPapers(engine, { q, k: 5, mode });
        const explain = explainer(q, outcome.lists, (t) => engine.index.bm25.idf(t));
        const querySentences = splitSentences(q);
        for (const { row } of outcome.results) {
          const paper = engine.index.papers[row];
          const why = explain(paper, row);
          expectTermsInBoth(why, paper, q);
          if (why.sentence) {
            expect(splitSentences(paper.abstract)).toContain(why.sentence.text);
            expect(querySentences).toContain(why.sentence.match);
          }
          const expectedParts = mode === 'hybrid' ? ['lexical', 'semantic'] : [mode];
          for (const [name, signal] of Object.entries(why.signals)) {
            expect(expectedParts).toContain(name);
            const list = outcome.lists[name as 'lexical' | 'semantic']!;
            expect(list[signal.rank - 1]).toEqual({ row, score: signal.score });
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('why on papers that share an abstract', () => {
  it('explains each alike: a result read before does not change the next one', async () => {
    const engine = await demoEngine('lexical');
    const paper = engine.index.papers[3];
    const q = splitSentences(paper.abstract).slice(0, 2).join(' ');
    const explain = explainer(q, {}, (t) => engine.index.bm25.idf(t));
    const first = explain(paper, 3);
    expect(first.sentence).toBeDefined();
    expect(explain({ ...paper, id: 'copy', title: 'Another title' }, 99)).toMatchObject({ sentence: first.sentence });
    expect(explainer(q, {}, (t) => engine.index.bm25.idf(t))(paper, 3)).toEqual(first);
  });
});

describe('why in the API', () => {
  let engine: SearchEngine;
  let app: Express;
  beforeAll(async () => {
    engine = await demoEngine('lexical');
    app = readyApp(engine);
  });

  it('lists the rarest shared words first and the phrase rather than its words', async () => {
    const res = await request(app).get('/api/search').query({ q: 'optimal transport for domain adaptation', k: 5, mode: 'lexical' }).expect(200);
    const top = res.body.results[0];
    expect(top.why.signals.lexical).toEqual({ rank: 1, score: top.score });
    const lower = top.why.terms.map((t: string) => t.toLowerCase());
    expect(lower).toContain('optimal transport');
    expect(lower).not.toContain('transport');
    expect(top.why.sentence.match).toBe('optimal transport for domain adaptation');
  });

  it('explains similar papers against the source paper, with the semantic signal only', async () => {
    const source = engine.index.papers[0];
    const res = await request(app).get(`/api/papers/${encodeURIComponent(source.id)}/similar`).query({ k: 5 }).expect(200);
    res.body.results.forEach((result: { id: string; score: number; why: Why }, i: number) => {
      expect(result.why.signals).toEqual({ semantic: { rank: i + 1, score: result.score } });
      expectTermsInBoth(result.why, engine.index.papers[engine.index.rowById.get(result.id)!], paperText(source));
      if (result.why.sentence) expect(splitSentences(source.abstract)).toContain(result.why.sentence.match);
    });
  });
});
