/**
 * Issue 18 item 4: a server bound beyond loopback warns about what it exposes and still
 * answers only requests addressed to loopback names, its address or `--allow-host` names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { ensureCli, spawnCli } from '../faults/helpers.js';
import { rawRequest } from '../fuzz/rawHttp.js';
import { demoIndexDir } from '../helpers/demoIndex.js';

/** GET /api/health on 127.0.0.1:`port`, addressed to `host`. */
async function healthFor(port: number, host: string) {
  const outcome = await rawRequest(port, Buffer.from(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'), 'GET');
  if (!('response' in outcome)) throw new Error(`${host}: ${outcome.failure}`);
  return outcome.response;
}

describe('serve({ host: "0.0.0.0" })', () => {
  let running: RunningServer;
  let port: number;
  const logs: string[] = [];
  beforeAll(async () => {
    running = await serve({ indexDir: await demoIndexDir('lexical'), host: '0.0.0.0', port: 0, allowHosts: ['Papers.Lab.Example'], log: (m) => logs.push(m) });
    await running.ready;
    port = Number(new URL(running.url).port);
  }, 120_000);
  afterAll(() => running?.close());

  it('warns that the API is exposed on every interface, and how to allow names', () => {
    const warning = logs.find((m) => m.includes('WARNING'));
    expect(warning).toContain('--host 0.0.0.0 exposes the search API');
    expect(warning).toContain('every network interface');
    expect(warning).toContain('papers.lab.example');
    expect(warning).toContain('--allow-host NAME');
  });

  it('refuses a Host outside the allowlist with a JSON 400', async () => {
    const res = await healthFor(port, `evil.example:${port}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.message).toContain('Host "evil.example:');
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'papers.lab.example', 'PAPERS.LAB.EXAMPLE'])('answers requests addressed to %s', async (name) => {
    expect((await healthFor(port, `${name}:${port}`)).status).toBe(200);
  });
});

describe('serve on loopback', () => {
  it('prints no exposure warning and also answers --allow-host names', async () => {
    const logs: string[] = [];
    const running = await serve({ indexDir: await demoIndexDir('lexical'), port: 0, allowHosts: ['dev.local'], log: (m) => logs.push(m) });
    try {
      await running.ready;
      const port = Number(new URL(running.url).port);
      expect((await healthFor(port, 'dev.local')).status).toBe(200);
      expect((await healthFor(port, 'evil.example')).status).toBe(400);
      expect(logs.join('\n')).not.toContain('WARNING');
    } finally {
      await running.close();
    }
  }, 120_000);
});

describe('paperscope serve --allow-host', () => {
  it('takes repeated names and refuses a malformed one', async () => {
    const main = await ensureCli();
    const bad = spawnCli(main, ['serve', '--index', await demoIndexDir('lexical'), '--port', '0', '--allow-host', 'a b']);
    const refused = await bad.done;
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--allow-host: "a b" is not a host name or address');

    const cli = spawnCli(main, ['serve', '--index', await demoIndexDir('lexical'), '--port', '0', '--host', '0.0.0.0', '--allow-host', 'one.example', '--allow-host', 'two.example']);
    try {
      await expect.poll(() => cli.output(), { timeout: 60_000 }).toMatch(/ready at http:\/\/0\.0\.0\.0:(\d+)/);
      const port = Number(/ready at http:\/\/0\.0\.0\.0:(\d+)/.exec(cli.output())![1]);
      expect(cli.output()).toContain('WARNING: --host 0.0.0.0 exposes');
      expect((await healthFor(port, 'one.example')).status).toBe(200);
      expect((await healthFor(port, 'two.example')).status).toBe(200);
      expect((await healthFor(port, 'three.example')).status).toBe(400);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.done;
    }
  }, 180_000);
});
