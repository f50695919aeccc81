/**
 * @file GET /api/map in the form and encoding the client asks for. The map never changes
 * while an index is loaded, so each (form, encoding) body is built once per index in slices
 * of the event loop, compressed off it (zlib's thread pool), and revalidated by ETag afterwards.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import { MAP_BROTLI_QUALITY } from '../config.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { finishInTurns } from '../util/slices.js';
import { encodeMapBinarySteps } from './mapBinary.js';
import { mapDocument } from './views.js';

export type MapFormat = 'json' | 'binary';
type Encoding = 'br' | 'gzip' | 'identity';

const CONTENT_TYPES: Record<MapFormat, string> = {
  json: 'application/json; charset=utf-8',
  binary: 'application/octet-stream',
};

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface MapBodies {
  /** Names this index's map: the corpus checksum and build time. */
  version: string;
  raw: Map<MapFormat, Promise<Buffer>>;
  encoded: Map<string, Promise<Buffer>>;
}

const bodiesOf = new WeakMap<LoadedIndex, MapBodies>();

function bodies(index: LoadedIndex): MapBodies {
  let found = bodiesOf.get(index);
  if (!found) {
    const { corpus, builtAt } = index.manifest;
    const version = createHash('sha256').update(`${corpus.sha256} ${builtAt}`).digest('hex').slice(0, 20);
    found = { version, raw: new Map(), encoded: new Map() };
    bodiesOf.set(index, found);
  }
  return found;
}

/** Caches `body` under `key`, and forgets it if it fails (zlib out of memory, …), so the next request builds it again. */
function cacheUnlessFailed<K>(cache: Map<K, Promise<Buffer>>, key: K, body: Promise<Buffer>): Promise<Buffer> {
  cache.set(key, body);
  body.catch(() => cache.get(key) === body && cache.delete(key));
  return body;
}

/** The map of `index` as `format`, built once per index in slices of the event loop (mapDocument, encodeMapBinarySteps). */
function rawBody(index: LoadedIndex, format: MapFormat): Promise<Buffer> {
  const cache = bodies(index).raw;
  const built = async () => {
    const document = await mapDocument(index);
    return format === 'json' ? Buffer.from(JSON.stringify(document), 'utf8') : finishInTurns(encodeMapBinarySteps(document));
  };
  return cache.get(format) ?? cacheUnlessFailed(cache, format, built());
}

function encodedBody(index: LoadedIndex, format: MapFormat, encoding: Encoding): Promise<Buffer> {
  const cache = bodies(index).encoded;
  const key = `${format}/${encoding}`;
  const encoded = async () => {
    const raw = await rawBody(index, format);
    if (encoding === 'identity') return raw;
    if (encoding === 'gzip') return gzip(raw);
    return brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: MAP_BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  };
  return cache.get(key) ?? cacheUnlessFailed(cache, key, encoded());
}

/**
 * Starts compressing the map the page asks for (binary, brotli) as soon as an index is served:
 * brotli takes about 1.4 s at 98k papers and 9 s at 1M on zlib's threads, which the first page
 * would otherwise wait for. The document and its binary form are built in slices of the event loop.
 * Resolves once the body is ready (or has failed).
 */
export function prepareMap(index: LoadedIndex): Promise<void> {
  // A failure is left to /api/map, which builds the body again and answers with its own error, if any.
  return encodedBody(index, 'binary', 'br').then(
    () => {},
    () => {},
  );
}

/** Sends the map of `index` as `format`, compressed as the request accepts (br, else gzip). */
export async function sendMap(index: LoadedIndex, format: MapFormat, req: Request, res: Response): Promise<void> {
  // Asked one at a time: browsers list gzip first at equal weight, and brotli is smaller.
  const encoding: Encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
  const body = await encodedBody(index, format, encoding);
  res.set({
    'Content-Type': CONTENT_TYPES[format],
    'Cache-Control': 'no-cache',
    ETag: `"${bodies(index).version}-${format}-${encoding}"`,
    Vary: 'Accept-Encoding',
  });
  if (encoding !== 'identity') res.set('Content-Encoding', encoding);
  res.send(body);
}
