/**
 * The security review of docs/SECURITY.md as tests (errors.test.ts already covers the CSP on API
 * responses, 413 bodies, no X-Powered-By and no stack in a 500; listen.test.ts the default bind
 * address of serve() and the 431): the real CLI binds 127.0.0.1 only; static files cannot be read
 * outside the web folder by any encoding of `..`; no directory listings or dotfiles; security
 * headers on static files and on replies node writes itself; no CORS; no version or path leaks.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOST } from '../../src/config.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { ensureCli, spawnCli } from '../faults/helpers.js';
import { rawRequest } from '../fuzz/rawHttp.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { demoEngine, readyApp } from './fixtures.js';
import { tempDir } from '../helpers/tempDir.js';

const SECRET = 'TOP-SECRET-OUTSIDE-WEB-DIST';
let root: string;
let webDir: string;
let app: Express;
let live: RunningServer;
let port: number;

beforeAll(async () => {
  // <root>/secret.txt and <root>/web/.env must never be served; <root>/web/dist is the web app.
  root = await tempDir('security');
  webDir = path.join(root, 'web', 'dist');
  await fs.mkdir(path.join(webDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  await fs.writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log("app")');
  await fs.writeFile(path.join(webDir, '.env'), SECRET);
  await fs.writeFile(path.join(root, 'web', 'secret.txt'), SECRET);
  await fs.writeFile(path.join(root, 'secret.txt'), SECRET);
  app = readyApp(await demoEngine('lexical'), [], webDir);
  live = await serve({ indexDir: await demoIndexDir('lexical'), port: 0, webDir, log: () => {} });
  await live.ready;
  port = Number(new URL(live.url).port);
});

afterAll(async () => {
  await live?.close();
});

/** Sends `target` byte for byte (no client normalizes `..` or re-encodes anything). */
async function raw(target: string, headers: string[] = []) {
  const outcome = await rawRequest(port, Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n`, 'latin1'), 'GET');
  if (!('response' in outcome)) throw new Error(`${target}: ${outcome.failure}`);
  return outcome.response;
}

describe('binding', () => {
  it('defaults to 127.0.0.1 in config and in the CLI help', () => {
    expect(DEFAULT_HOST).toBe('127.0.0.1');
  });

  it('the real `paperscope serve` listens on 127.0.0.1 only, not on other interfaces', async () => {
    const { child, done, output } = spawnCli(await ensureCli(), ['serve', '--index', await demoIndexDir('lexical'), '--port', '0']);
    try {
      const deadline = Date.now() + 30_000;
      while (!/serving http:\/\/\S+/.test(output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = new URL(/serving (http:\/\/\S+)/.exec(output())![1]);
      expect(url.hostname).toBe('127.0.0.1');
      const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = net.connect(Number(url.port), external.address, () => (socket.destroy(), resolve(true)));
          socket.on('error', () => resolve(false));
        });
        expect(reached, `port ${url.port} reachable on ${external.address}`).toBe(false);
      }
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  });
});

describe('static files stay inside web/dist', () => {
  const TRAVERSALS = [
    '/../secret.txt', '/../../secret.txt', '/assets/../../secret.txt',
    '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt', '/..%2F..%2Fsecret.txt',
    '/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt', '/..%252f..%252fsecret.txt',
    '/..%5csecret.txt', '/..\\..\\secret.txt', '/%5c..%5c..%5csecret.txt',
    '/%c0%ae%c0%ae/secret.txt', '/%c0%ae%c0%ae%c0%afsecret.txt', '/.%2e/secret.txt', '/%2e./%2e./secret.txt',
    '//../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/index.html/../../secret.txt', '/secret.txt%00.html',
    '/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', `/${'..%2f'.repeat(12)}etc%2fpasswd`,
  ];

  it.each(TRAVERSALS)('%s is refused, over a raw socket and through supertest', async (target) => {
    for (const res of [await raw(target), await request(app).get(target)]) {
      expect([400, 403, 404]).toContain(res.status);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).not.toContain(SECRET);
      expect(res.text).not.toMatch(/root:x?:0:0/);
    }
  });

  it.each(['/.env', '/%2eenv', '/assets/../.env', '/.git/config', '/.well-known/x'])('dotfile %s is not served', async (target) => {
    const res = await raw(target);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(SECRET);
  });

  it.each(['/assets', '/assets/', '/assets//', '/%61ssets/'])('no listing and no redirect for the folder %s', async (target) => {
    const res = await raw(target);
    expect(res.status).toBe(404);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).not.toMatch(/app\.js|<ul|<a /i);
  });

  it('still serves the files that are there', async () => {
    expect((await raw('/')).text).toContain('<title>app</title>');
    expect((await raw('/assets/app.js')).text).toBe('console.log("app")');
  });
});

describe('headers', () => {
  const SECURITY_HEADERS = (headers: Record<string, string | undefined>, what: string) => {
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
    expect(headers['x-powered-by'], what).toBeUndefined();
    expect(headers.server, what).toBeUndefined();
  };

  it('static files, static 404s and the not-built page carry nosniff, a CSP with frame-ancestors, no Server or X-Powered-By', async () => {
    for (const target of ['/', '/assets/app.js', '/nope.js', '/../secret.txt']) SECURITY_HEADERS((await raw(target)).headers, target);
    SECURITY_HEADERS((await request(readyApp(await demoEngine('lexical'))).get('/')).headers, 'not-built page');
    expect((await raw('/')).headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('so do the replies node writes itself: malformed requests, huge URLs, CONNECT', async () => {
    const bad = await rawRequest(port, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'), 'GET');
    const huge = await raw(`/api/search?q=${'a'.repeat(20_000)}`);
    const connect = await rawRequest(port, Buffer.from('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'), 'CONNECT');
    for (const [what, outcome, status] of [['malformed', bad, 400], ['huge URL', { response: huge }, 431], ['CONNECT', connect, 405]] as const) {
      if (!('response' in outcome)) throw new Error(`${what}: ${outcome.failure}`);
      expect(outcome.response.status, what).toBe(status);
      SECURITY_HEADERS(outcome.response.headers, what);
      expect(JSON.parse(outcome.response.text).error.code).toBe(status === 405 ? 'method_not_allowed' : 'bad_request');
    }
  });

  it('grants no cross-origin access: no CORS headers, preflights refused', async () => {
    const res = await raw('/api/search?q=transport', ['Origin: http://evil.example']);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app).options('/api/search').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('no leaks', () => {
  it('error replies name no server path, version or dependency', async () => {
    const targets = ['/api/nope', '/api/papers/%E0%A4%A', '/api/search?k=0', '/nope.html', '/../secret.txt', '/%', '/assets/', `/api/papers/${'x'.repeat(5000)}`];
    const leaks = [root, os.tmpdir(), process.cwd(), process.version, 'express', 'node_modules', 'Error:', ' at '];
    for (const target of targets) {
      const res = await raw(target);
      for (const leak of leaks) expect(res.text, `${target} leaks ${leak}`).not.toContain(leak);
      expect(JSON.stringify(res.headers)).not.toMatch(/express|node\/|v\d+\.\d+\.\d+/i);
    }
  });
});

describe('DNS rebinding', () => {
  /** GET /api/health addressed to `host`, as a browser sends it after a rebinding. */
  async function healthFor(host: string) {
    const outcome = await rawRequest(port, Buffer.from(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'), 'GET');
    if (!('response' in outcome)) throw new Error(`${host}: ${outcome.failure}`);
    return outcome.response;
  }

  it('refuses a request addressed to another host name with a JSON 400 that names it', async () => {
    const response = await healthFor(`attacker.example:${port}`);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('Host "attacker.example:');
    expect(body.error.message).toContain('localhost, 127.0.0.1, ::1');
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('answers requests addressed to %s', async (name) => {
    expect((await healthFor(`${name}:${port}`)).status).toBe(200);
  });
});
