/**
 * @file The map loader's Web Worker: fetches the binary /api/map (the browser inflates
 * brotli or gzip on its network thread), decodes it, and hands the document to the page
 * with its typed arrays transferred, not copied, each string column as one text, and the
 * table of rows by id (idIndex.ts). A failure goes back as the ApiError's fields, since an
 * Error's class does not survive postMessage.
 */
import { ApiError, getBytes } from '../api.js';
import { decodePackedMap, type PackedStrings } from './decodeMap.js';
import { packedIdSlots } from './idIndex.js';
import type { WorkerReply } from './loadMap.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ url: string }>) => void) | null; postMessage(reply: WorkerReply, transfer?: Transferable[]): void };

scope.onmessage = async (event) => {
  try {
    const map = decodePackedMap(await getBytes(event.data.url));
    const buffers = new Set<ArrayBuffer>();
    const addBuffers = (value: unknown) => {
      if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
      else if (value && typeof value === 'object' && !Array.isArray(value)) Object.values(value).forEach(addBuffers);
    };
    Object.values(map).forEach(addBuffers);
    const { text, lengths } = map.ids as PackedStrings;
    const idSlots = packedIdSlots(text, lengths);
    scope.postMessage({ map, idSlots }, [...buffers, idSlots.buffer]);
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'bad_reply');
    scope.postMessage({ error: { message: failure.message, status: failure.status, code: failure.code, retryAfter: failure.retryAfter } });
  }
};
