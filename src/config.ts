/**
 * @file Every default paperscope uses, in one place. Modules import these
 * names instead of repeating numbers; CLI flags override them per run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this file in both src/ and dist/. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_CORPUS = path.join(PROJECT_ROOT, 'data', 'trending-papers.txt');
export const DEFAULT_INDEX_DIR = path.join(PROJECT_ROOT, 'index');
export const DEFAULT_MODELS_DIR = path.join(PROJECT_ROOT, 'models');
/** The user's own data (collections), outside index/: a build replaces that folder whole. */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'userdata');

/** The transformer model used when none is named (sentence-transformers' MiniLM, 8-bit ONNX). */
export const DEFAULT_MODEL = 'Xenova/all-MiniLM-L6-v2';
/** sentence-transformers' max_seq_length for all-MiniLM-L6-v2; longer inputs are truncated. */
export const DEFAULT_MAX_TOKENS = 256;
export const DEFAULT_EMBED_BATCH = 32;

/** HNSW parameters: chosen so recall@10 against exact search stays at or above 0.99. */
export const DEFAULT_HNSW = Object.freeze({ m: 24, efConstruction: 200, efSearch: 128 });

/** UMAP: fixed seed so the same corpus and model always give the same map. */
export const DEFAULT_UMAP = Object.freeze({ nNeighbors: 15, minDist: 0.1, seed: 42 });
/**
 * Above this many papers UMAP lays out a seeded sample of this size (landmarks) and
 * places the rest among their nearest landmarks: umap-js needs ~1 GB and ~1 minute
 * per 20,000 points, and 6+ GB for 100,000.
 */
export const DEFAULT_MAP_LANDMARKS = 20_000;

/**
 * `paperscope add`: a topic whose size has grown by this share since its label was chosen gets
 * its label chosen again (c-TF-IDF over the current papers); smaller growth keeps the label.
 */
export const TOPIC_RELABEL_GROWTH = 0.1;
/**
 * `paperscope add`: papers per cluster read to label a grown topic again. The build reads up to
 * 400 (LABEL_SAMPLE); a quarter of that keeps a label refresh at 100,000 papers a few seconds,
 * not a minute (docs/BENCHMARKS.md).
 */
export const ADD_LABEL_SAMPLE = 100;
/** `paperscope add`: nearest existing papers that place a new paper and vote for its topics. */
export const ADD_NEIGHBOURS = 15;
/** A serving server reloads this long after the last change to its index folder's name. */
export const INDEX_RELOAD_DEBOUNCE_MS = 300;

/**
 * A request's per-result work (snippets, why) gives other requests a turn of the event loop
 * after this much time (src/util/slices.ts): with 8 searches in flight, a health check waits
 * for at most 8 slices rather than 8 whole searches (docs/BENCHMARKS.md, "Hostile inputs").
 */
export const REQUEST_SLICE_MS = 4;

/**
 * BM25 for lexical search, as Lucene/Anserini score BEIR: k1 0.9, b 0.4. Applied at query
 * time (bm25.bin holds raw term counts), so changing them needs no rebuild.
 */
export const DEFAULT_BM25 = Object.freeze({ k1: 0.9, b: 0.4 });

/** Topic clusters (Louvain over the k-NN graph): fixed seed so labels and assignments repeat. */
export const DEFAULT_TOPIC_SEED = 42;

/** Query embeddings kept per server (LRU), so repeated searches skip the model. */
export const DEFAULT_QUERY_CACHE_SIZE = 1000;
/** How deep each ranking goes before hybrid fusion (at least k): deep enough for stable z-scores. */
export const FUSION_DEPTH = 100;

/** Lexical (LSA) embedder: dimensions are min(this, papers - 1). */
export const DEFAULT_LSA_DIMS = 256;

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_K = 10;
export const MAX_K = 100;
export const MAX_QUERY_CHARS = 1000;
/** POST /api/search takes a whole abstract or draft: up to this many characters. */
export const MAX_LONG_QUERY_CHARS = 20_000;
/**
 * BM25 ranks a query by at most this many of its terms, those with the highest (1 + ln tf) × idf: a
 * 2,000-word draft would otherwise walk the postings of hundreds of common words
 * (docs/BENCHMARKS.md, "Long queries").
 */
export const MAX_BM25_QUERY_TERMS = 40;

/**
 * `why` reads at most this many characters of a text and compares at most this many of its
 * sentences, so its cost per result stays bounded whatever an abstract's or a draft's length.
 */
export const WHY_MAX_TEXT_CHARS = 20_000;
export const WHY_MAX_SENTENCES = 60;
/**
 * A reference given by title matches the paper among BM25's best FUZZY_TITLE_CANDIDATES hits
 * for it whose normalized title is at least this similar (1 − edit distance / length): one
 * typo in a 40-letter title is 0.975, a different title of shared words far below.
 */
export const FUZZY_TITLE_SIMILARITY = 0.85;
export const FUZZY_TITLE_CANDIDATES = 10;

/** Words or phrases `why.terms` lists per result. */
export const WHY_TERMS = 5;

/**
 * Brotli quality of the compressed /api/map bodies (built once per loaded index): 5 gets
 * most of quality 11's gain at 98k papers in a fraction of the time (docs/BENCHMARKS.md).
 */
export const MAP_BROTLI_QUALITY = 5;
/**
 * Snippets are sentences starting in an abstract's first this many characters (arXiv caps
 * abstracts at 1,920). The abstract is read, for them and `why`, up to WHY_MAX_TEXT_CHARS: ICU's
 * sentence splitting, used before, grew with the square of the length (minutes for 5 MB).
 */
export const SNIPPET_SCAN_CHARS = 5000;
/**
 * Result abstracts (and titles) whose analysis (words, stems, sentences) is kept for their snippet
 * and `why`: about 20 KB each, so 2,048 hold the results of the last ~200 searches in ~40 MB.
 */
export const ANALYZED_ABSTRACTS_CACHED = 2048;

/**
 * Corpus limits (README "Corpus limits"). A corpus decodes into one string, and V8 strings
 * stop at 2^29 - 24 characters (~512 MiB); a gzip corpus is inflated only up to this size.
 */
export const MAX_CORPUS_BYTES = 500 * 1024 * 1024;
/** A title or abstract longer than this many characters is a bad record (a 500 MB line exhausted the heap). */
export const MAX_FIELD_CHARS = 8 * 1024 * 1024;
/** Only an abstract's first this many characters are embedded and indexed (arXiv caps abstracts at 1,920). */
export const MAX_INDEXED_ABSTRACT_CHARS = 20_000;

/** Collections and recommendations (API.md, version 2). */
export const MAX_COLLECTION_NAME_CHARS = 200;
export const MAX_EXAMPLE_IDS = 500;
/** Request bodies of the write routes (collections); larger ones get 413. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** Papers an export of explicit ids or of a search may hold. */
export const MAX_EXPORT_IDS = 10_000;

/** Version of the on-disk index layout; bump when artifacts change incompatibly (3: bm25.bin replaced bm25.json; 4: facets.bin). */
export const INDEX_SCHEMA_VERSION = 4;

/** Public datasets beside the checkout (../shared/data); only benchmarks and evaluation read them. */
export const SHARED_DATA_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'data');

/** Filters whose row masks a loaded index keeps (one byte per paper each: 100 KB at 100,000 papers). */
export const FILTER_CACHE_SIZE = 32;

/**
 * Filtered semantic search scans the passing papers exactly up to this many, and searches
 * HNSW above it: measured at 98,085 papers (docs/BENCHMARKS.md, "Filtered search").
 */
export const FILTER_EXACT_SCAN_MAX_ROWS = 20_000;
/**
 * Above that, unfiltered HNSW fetches factor × wanted / share candidates (at most max) with ef
 * efFactor × that, and keeps the passing ones; the exact scan takes over when fewer than k pass
 * (src/search/filteredNearest.ts). Factor 1.5 with ef = fetch gave recall@10 0.97 at share 0.5.
 */
export const FILTER_OVERFETCH = Object.freeze({ factor: 2, efFactor: 2, max: 2000 });

/** Topic trends: the recent window, and the growth and size that make a topic "rising" (src/search/topicTrends.ts). */
export const TREND_RECENT_MONTHS = 3;
export const TREND_RISING_GROWTH = 1.5;
export const TREND_MIN_RECENT = 10;

/** GET /api/facets with a query counts over its top k results: this many unless k is given. */
export const FACETS_DEFAULT_K = 100;
