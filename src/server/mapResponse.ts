/**
 * @file GET /api/map in the form and encoding the client asks for. The map never changes
 * while an index is loaded, so each (form, encoding) body is built and compressed once per
 * index, off the event loop (zlib's thread pool), and revalidated by ETag afterwards.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import { MAP_BROTLI_QUALITY } from '../config.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { encodeMapBinary } from './mapBinary.js';
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
  raw: Map<MapFormat, Buffer>;
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

function rawBody(index: LoadedIndex, format: MapFormat): Buffer {
  const cache = bodies(index);
  let body = cache.raw.get(format);
  if (!body) {
    const document = mapDocument(index);
    body = format === 'json' ? Buffer.from(JSON.stringify(document), 'utf8') : encodeMapBinary(document);
    cache.raw.set(format, body);
  }
  return body;
}

function encodedBody(index: LoadedIndex, format: MapFormat, encoding: Encoding): Promise<Buffer> {
  const cache = bodies(index).encoded;
  const key = `${format}/${encoding}`;
  let body = cache.get(key);
  if (!body) {
    const raw = rawBody(index, format);
    if (encoding === 'identity') body = Promise.resolve(raw);
    else if (encoding === 'gzip') body = gzip(raw);
    else body = brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: MAP_BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    cache.set(key, body);
    // A failed compression (zlib out of memory) is not kept: the next request tries again.
    body.catch(() => cache.get(key) === body && cache.delete(key));
  }
  return body;
}

/**
 * Starts compressing the map the page asks for (binary, brotli) as soon as an index is served:
 * brotli takes about 1.4 s at 98k papers and 9 s at 1M on zlib's threads, which the first page
 * would otherwise wait for. The binary body itself is encoded here, on the event loop, once.
 */
export function prepareMap(index: LoadedIndex): void {
  // A failure is left to /api/map, which builds the body again and answers with its own error, if any.
  try {
    encodedBody(index, 'binary', 'br').catch(() => {});
  } catch {
    return;
  }
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
