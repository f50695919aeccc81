/**
 * @file Tests for src/embed/lsa.ts: the LSA embedder fitted on the bundled demo corpus
 * (title search, determinism, save → load) and on tiny and degenerate corpora.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { paperText } from '../../src/corpus/text.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { type Paper } from '../../src/corpus/paper.js';
import { fitLsaEmbedder, loadLsaEmbedder, type FittedLsaEmbedder } from '../../src/embed/lsa.js';

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

function row(fit: FittedLsaEmbedder, r: number): Float32Array {
  const { dims } = fit.info;
  return fit.corpusVectors.subarray(r * dims, (r + 1) * dims);
}

/** Row of the corpus vector most similar to `query` (cosine: all vectors have unit norm). */
function bestRow(fit: FittedLsaEmbedder, query: Float32Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let r = 0; r < fit.corpusVectors.length / fit.info.dims; r++) {
    const score = row(fit, r).reduce((s, x, c) => s + x * query[c], 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

/** The serialize() output as the artifact files hold it: JSON text and raw float32 bytes. */
function throughFiles(fit: FittedLsaEmbedder): { json: unknown; components: Float32Array } {
  const { json, components } = fit.serialize();
  const bytes = Buffer.from(components.buffer, components.byteOffset, components.byteLength);
  const copy = new Uint8Array(bytes);
  return { json: JSON.parse(JSON.stringify(json)), components: new Float32Array(copy.buffer) };
}

describe('fitLsaEmbedder', () => {
  describe('when fitted on the demo corpus', () => {
    let papers: Paper[];
    let fit: FittedLsaEmbedder;

    beforeAll(async () => {
      papers = (await readCorpus(DEFAULT_CORPUS)).papers;
      fit = fitLsaEmbedder(papers.map(paperText));
    });

    it('reports itself as a lexical model of papers − 1 dimensions', () => {
      expect(papers).toHaveLength(119);
      expect(fit.info).toEqual({ kind: 'lexical', model: 'lsa-tfidf', dims: 118 });
      expect(fit.corpusVectors).toHaveLength(119 * 118);
    });

    it('gives every paper a unit vector', () => {
      for (let r = 0; r < papers.length; r++) expect(norm(row(fit, r))).toBeCloseTo(1, 5);
    });

    it('ranks a paper first for its exact title for at least 95% of papers', async () => {
      const queries = await fit.embedBatch(papers.map((p) => p.title));
      const hits = queries.filter((q, r) => bestRow(fit, q) === r).length;
      expect(hits / papers.length).toBeGreaterThanOrEqual(0.95);
    });

    it("embeds a paper's own text to exactly its corpus vector", async () => {
      const [first, last] = await fit.embedBatch([paperText(papers[0]), paperText(papers[118])]);
      expect(first).toEqual(row(fit, 0));
      expect(last).toEqual(row(fit, 118));
    });

    it('is deterministic: a second fit gives identical vectors and model', () => {
      const again = fitLsaEmbedder(papers.map(paperText));
      expect(again.corpusVectors).toEqual(fit.corpusVectors);
      expect(again.serialize()).toEqual(fit.serialize());
    });

    it('reports progress up to its total', () => {
      const seen: Array<[number, number]> = [];
      fitLsaEmbedder(papers.slice(0, 20).map(paperText), { onProgress: (done, total) => seen.push([done, total]) });
      const [lastDone, total] = seen[seen.length - 1];
      expect(lastDone).toBe(total);
      expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0])).toBe(true);
    });
  });

  describe('when the corpus is tiny', () => {
    // Like real abstracts, these share words: papers with nothing in common are taken up below.
    const texts = [
      'Graph neural networks for molecule property prediction',
      'Deep learning predicts protein structure from sequence',
      'Reinforcement learning for robot control with neural networks',
      'Dark matter and galaxy rotation curves from deep surveys',
      'Sparse attention transformers for long sequence prediction',
    ];

    it.each([
      [1, 1],
      [2, 1],
      [5, 4],
    ])('fits %i papers into %i dimensions with unit, finite vectors', (papers, dims) => {
      const fit = fitLsaEmbedder(texts.slice(0, papers));
      expect(fit.info.dims).toBe(dims);
      for (let r = 0; r < papers; r++) expect(norm(row(fit, r))).toBeCloseTo(1, 5);
    });

    it('still finds a paper by its own words', async () => {
      const fit = fitLsaEmbedder(texts);
      const [query] = await fit.embedBatch(['dark matter galaxies']);
      expect(bestRow(fit, query)).toBe(3);
    });

    it('throws on an empty corpus', () => {
      expect(() => fitLsaEmbedder([])).toThrow('lexical: cannot fit on an empty corpus');
    });
  });

  describe('when the corpus is degenerate', () => {
    it('handles duplicate papers (fewer directions than dimensions)', () => {
      const fit = fitLsaEmbedder(['deep learning', 'deep learning', 'deep learning', 'graph theory', 'graph theory']);
      expect(fit.info.dims).toBe(4);
      for (let r = 0; r < 5; r++) expect(norm(row(fit, r))).toBeCloseTo(1, 5);
      expect(row(fit, 0)).toEqual(row(fit, 1));
    });

    it('gives a zero vector to a paper none of whose words made the vocabulary', () => {
      const fit = fitLsaEmbedder(['alpha beta', 'alpha gamma', 'delta epsilon'], { minDf: 2 });
      expect(Array.from(row(fit, 2))).toEqual([0, 0]);
      expect(norm(row(fit, 0))).toBeCloseTo(1, 5);
    });

    it('gives zero vectors, never NaN, when no paper has an indexable word', async () => {
      const fit = fitLsaEmbedder(['42', 'the of and', '!!!']);
      expect(Array.from(fit.corpusVectors)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await fit.embedBatch(['anything'])).toEqual([new Float32Array(2)]);
    });

    it('drops words seen in fewer than minDf papers', () => {
      const fit = fitLsaEmbedder(['alpha beta', 'alpha gamma', 'alpha delta'], { minDf: 2 });
      expect(fit.serialize().json.vocab).toEqual(['alpha']);
      expect(fit.knowsAnyTerm('beta')).toBe(false);
    });

  });

  describe('when indexing two-word phrases', () => {
    const pairsOf = (fit: FittedLsaEmbedder) => fit.serialize().json.vocab.filter((term) => term.includes(' '));

    it('indexes the pairs found in two papers or more, and every word', () => {
      const fit = fitLsaEmbedder(['optimal transport maps', 'entropic optimal transport', 'neural network pruning'], { bigrams: true });
      expect(pairsOf(fit)).toEqual(['optim transport']);
      expect(fit.serialize().json.vocab).toContain('prune');
    });

    it('forms no pair across a stop word or punctuation', () => {
      const text = 'A model of language. Language model, model; pruning';
      expect(pairsOf(fitLsaEmbedder([text, text], { bigrams: true }))).toEqual(['languag model']);
    });

    it('gives queries their pairs too: a phrase is nearer the papers that hold it than to its words apart', () => {
      const texts = ['optimal transport of measures', 'entropic optimal transport', 'transport, optimal', 'graph neural networks', 'sparse mixture of experts'];
      const similarity = (fit: FittedLsaEmbedder, r: number) => {
        const query = fit.embed('optimal transport');
        return row(fit, r).reduce((sum, x, c) => sum + x * query[c], 0);
      };
      const withPairs = fitLsaEmbedder(texts, { bigrams: true });
      expect(similarity(withPairs, 1)).toBeGreaterThan(similarity(withPairs, 2));
      // Words alone cannot tell the two apart: the paper made of just the query's words wins.
      const wordsOnly = fitLsaEmbedder(texts, { bigrams: false });
      expect(similarity(wordsOnly, 2)).toBeGreaterThan(similarity(wordsOnly, 1));
    });

    it.each([
      [999, true],
      [1000, false],
    ])('does so by default for %i papers: %s', (papers, bigrams) => {
      const texts = Array.from({ length: papers }, (_, i) => (i % 2 ? 'optimal transport maps' : 'sparse mixture of experts'));
      const fit = fitLsaEmbedder(texts, { dims: 2 });
      expect(fit.serialize().json.bigrams).toBe(bigrams);
      expect(pairsOf(fit).length > 0).toBe(bigrams);
    });

    it('leaves pairs out when bigrams is off', () => {
      expect(pairsOf(fitLsaEmbedder(['optimal transport maps', 'entropic optimal transport'], { bigrams: false }))).toEqual([]);
    });
  });
});

describe('LsaEmbedder', () => {
  let fit: FittedLsaEmbedder;

  beforeAll(async () => {
    fit = fitLsaEmbedder((await readCorpus(DEFAULT_CORPUS)).papers.map(paperText));
  });

  describe('when the query has no known word', () => {
    it('gives an all-zero vector and says it knows no term', async () => {
      for (const query of ['zxqv blorf wibble', 'the of and which', '', '12345']) {
        const [vector] = await fit.embedBatch([query]);
        expect(vector).toEqual(new Float32Array(fit.info.dims));
        expect(fit.knowsAnyTerm(query)).toBe(false);
      }
    });
  });

  describe('when the query has a known word among unknown ones', () => {
    it('gives a unit vector and says it knows a term', async () => {
      const [vector] = await fit.embedBatch(['zxqv bandit blorf']);
      expect(norm(vector)).toBeCloseTo(1, 5);
      expect(fit.knowsAnyTerm('zxqv bandit blorf')).toBe(true);
    });
  });

  describe('when the query is any text at all', () => {
    it('gives a finite vector of unit norm, or zeros exactly when no term is known', () => {
      const words = fc.constantFrom('bandit', 'regret', 'transport', 'the', 'zxqv', '42', 'λ', '-', ' ');
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.array(words).map((w) => w.join(' '))), (text) => {
          const vector = fit.embed(text);
          expect(vector.every(Number.isFinite)).toBe(true);
          expect(norm(vector)).toBeCloseTo(fit.knowsAnyTerm(text) ? 1 : 0, 5);
        }),
      );
    });
  });

  describe('serialize → loadLsaEmbedder', () => {
    it('gives bit-identical query vectors after a trip through files', async () => {
      const { json, components } = throughFiles(fit);
      const loaded = loadLsaEmbedder(json, components);
      const queries = ['polymatroid bandits', 'mutual information maximization', 'zxqv'];
      expect(loaded.info).toEqual(fit.info);
      expect(await loaded.embedBatch(queries)).toEqual(await fit.embedBatch(queries));
    });

    it('throws when the components do not fit the vocabulary', () => {
      const { json, components } = throughFiles(fit);
      expect(() => loadLsaEmbedder(json, components.subarray(1))).toThrow(/lexical: model needs \d+ × 118 components/);
    });

    it('throws on a file of another kind or analyzer version', () => {
      const { json, components } = throughFiles(fit);
      expect(() => loadLsaEmbedder(null, components)).toThrow(/is not a paperscope-lexical v1 file/);
      expect(() => loadLsaEmbedder({ ...(json as object), format: 'other' }, components)).toThrow(/is not a paperscope-lexical/);
      expect(() => loadLsaEmbedder({ ...(json as object), analyzer: 0 }, components)).toThrow(/analyzer v0/);
    });
  });
});
