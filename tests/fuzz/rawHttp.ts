/**
 * @file A raw HTTP/1.1 client over node:net for requests no well-behaved client sends
 * (bad request lines, odd methods, raw bytes, broken headers): writes the bytes as given
 * and reads back the first final response, or says the connection died without one.
 */
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export type RawOutcome = { response: RawResponse } | { failure: 'closed without a response' | 'timed out' | `socket error ${string}` };

interface Head {
  status: number;
  headers: Record<string, string>;
  bodyStart: number;
}

function parseHead(bytes: Buffer): Head | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, bodyStart: end + 4 };
}

/** The body of a response whose head is `head`, once all of it has arrived (Content-Length or chunked). */
function completeBody(bytes: Buffer, head: Head, method: string): Buffer | undefined {
  const rest = bytes.subarray(head.bodyStart);
  if (method === 'HEAD' || head.status === 204 || head.status === 304) return Buffer.alloc(0);
  if (head.headers['content-length'] !== undefined) {
    const length = Number(head.headers['content-length']);
    return rest.length >= length ? rest.subarray(0, length) : undefined;
  }
  if (/chunked/i.test(head.headers['transfer-encoding'] ?? '')) {
    const chunks: Buffer[] = [];
    for (let at = 0; ; ) {
      const lineEnd = rest.indexOf('\r\n', at);
      if (lineEnd === -1) return undefined;
      const size = parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
      if (size === 0) return Buffer.concat(chunks);
      if (rest.length < lineEnd + 2 + size + 2) return undefined;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  return undefined; // read until close
}

/**
 * Sends `request` (raw bytes) to `port` on 127.0.0.1 and resolves with the first final
 * (non-1xx) response. `method` tells whether a body follows the head.
 */
export function rawRequest(port: number, request: Buffer, method: string, timeoutMs = 5000): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const tryParse = (closed: boolean) => {
      let head = parseHead(received);
      // Skip interim responses (100 Continue).
      while (head && head.status >= 100 && head.status < 200) {
        received = received.subarray(head.bodyStart);
        head = parseHead(received);
      }
      if (!head) return closed ? finish({ failure: 'closed without a response' }) : undefined;
      const body = completeBody(received, head, method) ?? (closed ? received.subarray(head.bodyStart) : undefined);
      if (body) finish({ response: { status: head.status, headers: head.headers, text: body.toString('utf8') } });
    };
    const timer = setTimeout(() => finish({ failure: 'timed out' }), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after a complete response is fine; before one, it is a failure.
      if (received.length > 0) tryParse(true);
      finish({ failure: `socket error ${err.code ?? err.message}` });
    });
    socket.write(request);
  });
}
