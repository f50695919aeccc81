/**
 * @file Turns raw corpus bytes into text: gunzips gzip data, rejects binary data
 * and invalid UTF-8 with the line they start on, strips a BOM, rejects empty input,
 * and refuses a corpus over the size limit, inflating gzip data only up to it. A corpus file
 * is read by streaming, so a gzip bomb costs at most the limit in memory and never blocks
 * the event loop for long.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { MAX_CORPUS_BYTES } from '../config.js';
import { CorpusError } from './errors.js';
import { lineOf } from './text.js';

/** "500 MiB": a byte limit in words for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The CorpusError for a corpus over `maxBytes`; `what` says how it is over. */
export function tooLarge(file: string, what: string, maxBytes: number): CorpusError {
  return new CorpusError(file, undefined, `${what} more than ${formatBytes(maxBytes)}, the corpus size limit (MAX_CORPUS_BYTES); split it into smaller corpora`);
}

/**
 * A corpus file's bytes, gunzipped as they stream in when the file is gzip: refused once the
 * file, or its inflated output, passes `maxBytes`. Read errors propagate as they are.
 */
export async function readCorpusBytes(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(file, 'is', maxBytes);
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    if (!isGzip(head.subarray(0, bytesRead))) return await handle.readFile();
  } finally {
    await handle.close();
  }
  return gunzipStream(file, maxBytes);
}

/** Streamed in and inflated out by the MiB: a few milliseconds of work per turn of the event loop, 16× fewer turns than zlib's default. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

/** Inflates a gzip file chunk by chunk, stopping as soon as the output passes `maxBytes`. */
async function gunzipStream(file: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    await pipeline(createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES }), createGunzip({ chunkSize: STREAM_CHUNK_BYTES }), async (inflated: AsyncIterable<Buffer>) => {
      for await (const chunk of inflated) {
        total += chunk.length;
        if (total > maxBytes) throw new Error('over the limit');
        chunks.push(chunk);
      }
    });
  } catch (err) {
    // pipeline() reports the sink's own error as an abort of the other streams.
    if (total > maxBytes) throw tooLarge(file, 'decompresses to', maxBytes);
    if ((err as NodeJS.ErrnoException).syscall) throw err;
    throw new CorpusError(file, undefined, `not a valid gzip file (${(err as Error).message})`);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The corpus text of a file's contents (bytes, possibly gzipped, or already-decoded text).
 * @param maxBytes  the decoded size limit (MAX_CORPUS_BYTES unless given)
 */
export function decodeCorpus(input: string | Buffer, file: string, maxBytes = MAX_CORPUS_BYTES): string {
  if (input.length > maxBytes) throw tooLarge(file, 'is', maxBytes);
  const text = typeof input === 'string' ? checkText(input, file) : decodeBytes(input, file, maxBytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new CorpusError(file, undefined, 'file is empty');
  return body;
}

function checkText(text: string, file: string): string {
  const nul = text.indexOf('\0');
  if (nul !== -1) throw new CorpusError(file, lineOf(text, nul), 'binary data (NUL character): not a text corpus');
  return text;
}

function decodeBytes(input: Buffer, file: string, maxBytes: number): string {
  const bytes = isGzip(input) ? gunzip(input, file, maxBytes) : input;
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new CorpusError(file, byteLine(bytes, nul), `binary data (NUL byte at offset ${nul}): not a text corpus`);
  }
  // Decoding invalid UTF-8 would silently turn it into U+FFFD, so check first.
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const where = at === -1 ? '' : ` (byte 0x${bytes[at].toString(16)} at offset ${at})`;
    const line = at === -1 ? undefined : byteLine(bytes, at);
    throw new CorpusError(file, line, `not valid UTF-8${where}: binary data or another text encoding`);
  }
  return bytes.toString('utf8');
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip data already in memory, at most `maxBytes`: zlib stops and throws as soon as its output would pass them. */
function gunzip(bytes: Buffer, file: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file, 'decompresses to', maxBytes);
    throw new CorpusError(file, undefined, `not a valid gzip file (${(err as Error).message})`);
  }
}

function byteLine(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Offset of the first byte that does not start a well-formed sequence; -1 if none found. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const tail = utf8TailLength(lead);
    if (tail === -1) return i;
    for (let k = 1; k <= tail; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    if (tail > 1 && !secondByteAllowed(lead, bytes[i + 1])) return i;
    i += tail + 1;
  }
  return -1;
}

/** Continuation bytes after a lead byte; -1 for bytes that cannot lead (including overlong C0/C1). */
function utf8TailLength(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** Unicode's narrower second-byte ranges: no overlong forms (E0, F0), no surrogates (ED), nothing past U+10FFFF (F4). */
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}
