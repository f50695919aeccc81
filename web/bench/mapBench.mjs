// @ts-check
/**
 * @file `npm run bench:map`: the map at scale. Serves the built web app with a
 * synthetic /api/map of N points (default 100,000, in topic-like blobs), opens
 * it in headless Chromium and measures the time to the map's first frame and
 * the frames per second while panning and zooming. Prints a table and writes
 * bench-results/map.json.
 *
 *   node web/bench/mapBench.mjs [--points 100000] [--seconds 4] [--no-build]
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const WEB = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(WEB);
const DIST = path.join(WEB, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES = { '.mjs': 'text/javascript', '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A seeded generator (mulberry32), so every run draws the same map. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** /api/map for `n` papers in 24 coarse blobs of 4 fine blobs each. */
function syntheticMap(n) {
  const rand = random(42);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const clusters = [];
  for (let c = 0; c < 24; c++) {
    const [x, y] = [gauss() * 12, gauss() * 9];
    clusters.push({ id: c, label: `topic ${c} · synthetic · words`, size: 0, x, y, level: 0 });
    for (let f = 0; f < 4; f++) clusters.push({ id: 24 + 4 * c + f, label: `subtopic ${c}.${f} · terms`, size: 0, x: x + gauss() * 2, y: y + gauss() * 2, level: 1, parent: c });
  }
  const fine = clusters.filter((c) => c.level === 1);
  const map = { count: n, ids: [], titles: [], x: [], y: [], cluster: [], coarseCluster: [], clusters };
  for (let i = 0; i < n; i++) {
    const noise = rand() < 0.1;
    const topic = fine[Math.floor(rand() * fine.length)];
    map.ids.push(`p${i}`);
    map.titles.push(`Synthetic paper ${i} about ${topic.label}`);
    map.x.push(Number((noise ? gauss() * 18 : topic.x + gauss() * 1.2).toFixed(4)));
    map.y.push(Number((noise ? gauss() * 14 : topic.y + gauss() * 1.2).toFixed(4)));
    map.cluster.push(noise ? -1 : topic.id);
    map.coarseCluster.push(noise ? -1 : topic.parent);
    if (!noise) topic.size++, clusters[topic.parent].size++;
  }
  return map;
}

/** Serves the synthetic map in both forms, uncompressed (the real server compresses). */
async function serveApp(map, papers) {
  const { encodeMapBinary } = await import(path.join(ROOT, 'dist', 'server', 'mapBinary.js'));
  const mapJson = JSON.stringify(map);
  const mapBinary = encodeMapBinary(map);
  const health = JSON.stringify({ status: 'ok', papers, embedder: { kind: 'transformer', model: 'synthetic', dims: 384 } });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    if (url.pathname === '/api/map' && url.searchParams.get('format') === 'binary') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(mapBinary);
    if (url.pathname === '/api/map') return json(200, mapJson);
    if (url.pathname === '/api/health') return json(200, health);
    if (url.pathname.startsWith('/api/')) return json(404, JSON.stringify({ error: { code: 'not_found', message: 'not in the bench' } }));
    let file = path.join(DIST, path.normalize(url.pathname));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': "default-src 'self'" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * In the page, for `seconds`: press on the map's centre, then move the pointer
 * (pan) or turn the wheel (zoom) once per animation frame, as a user's hand
 * would. Returns the map's frames per second and the 95th-percentile frame time.
 */
const DRIVE = `async ({ seconds, gesture }) => {
  const canvas = document.querySelector('canvas.map-canvas');
  const box = canvas.getBoundingClientRect();
  const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
  const pointer = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 7, pointerType: 'mouse', button: 0, buttons: 1, bubbles: true }));
  const wheel = (deltaY) => canvas.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY, bubbles: true, cancelable: true }));
  if (gesture === 'pan') pointer('pointerdown', cx, cy);
  const draws0 = Number(canvas.dataset.draws);
  const start = performance.now();
  const gaps = [];
  await new Promise((resolve) => {
    let last = start;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      const i = gaps.length;
      if (gesture === 'pan') pointer('pointermove', cx + 200 * Math.sin(i / 15), cy + 140 * Math.cos(i / 19));
      else wheel(i % 60 < 30 ? -30 : 30);
      if (now - start < seconds * 1000) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  if (gesture === 'pan') pointer('pointerup', cx, cy);
  const elapsed = (performance.now() - start) / 1000;
  gaps.sort((a, b) => a - b);
  return { fps: (Number(canvas.dataset.draws) - draws0) / elapsed, p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] };
}`;

/** Records every long task (main-thread work over 50 ms) from the page's first script on. */
const WATCH_LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });`;

/** Waits for the map's first frame showing every paper (the map paints a big one over several frames). */
async function firstFullFrame(page) {
  await page.waitForFunction(() => performance.getEntriesByName('paperscope:map-first-draw').length > 0, null, { timeout: 120_000, polling: 50 });
}

async function measure(url, seconds) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'paperscope-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(WATCH_LONG_TASKS);
    // Warm the browser (its caches and compiled scripts), then measure a fresh load.
    await page.goto(url);
    await firstFullFrame(page);
    await page.goto('about:blank');
    await page.goto(url);
    await firstFullFrame(page);
    const timing = await page.evaluate(`(() => {
      const draw = performance.getEntriesByName('paperscope:map-first-draw')[0];
      const data = performance.getEntriesByName('paperscope:map-data')[0];
      return { firstDrawMs: draw ? draw.startTime : NaN, mapDataMs: data ? data.startTime : NaN };
    })()`);
    await page.waitForTimeout(1000);
    const longTasksMs = await page.evaluate('window.__longTasks');
    const pan = await page.evaluate(`(${DRIVE})(${JSON.stringify({ seconds, gesture: 'pan' })})`);
    await page.waitForTimeout(300);
    const zoom = await page.evaluate(`(${DRIVE})(${JSON.stringify({ seconds, gesture: 'zoom' })})`);
    return { ...timing, longTasksMs, pan, zoom, errors };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Bytes on the wire for GET `url` as Chromium asks for it (gzip, deflate, br), and its encoding. */
function wireSize(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ MB: Number((bytes / 1e6).toFixed(2)), encoding: res.headers['content-encoding'] ?? 'identity' }));
    }).on('error', reject);
  });
}

/** The app to measure: the real server on `index`, else a synthetic map of `points`. */
async function startApp(index, points) {
  if (index) {
    const { startServer } = await import(path.join(ROOT, 'dist', 'bench', 'serverProcess.js'));
    const { DEFAULT_MODELS_DIR } = await import(path.join(ROOT, 'dist', 'config.js'));
    const { child, url } = await startServer(path.resolve(index), DEFAULT_MODELS_DIR, 'bench:map');
    const { papers } = await (await fetch(`${url}/api/health`)).json();
    return { url, points: papers, close: () => child.kill('SIGTERM') };
  }
  const server = await serveApp(syntheticMap(points), points);
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${address.port}`, points, close: () => server.close() };
}

async function main() {
  const options = { points: { type: 'string', default: '100000' }, index: { type: 'string' }, seconds: { type: 'string', default: '4' }, 'no-build': { type: 'boolean', default: false } };
  const { values } = parseArgs({ options });
  if (!values['no-build']) await build({ root: WEB, configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  const app = await startApp(values.index, Number(values.points));
  try {
    const wire = { json: await wireSize(`${app.url}/api/map`), binary: await wireSize(`${app.url}/api/map?format=binary`) };
    const result = await measure(`${app.url}/`, Number(values.seconds));
    const report = { points: app.points, source: values.index ? 'index' : 'synthetic', wire, ...result, chromium: CHROMIUM, when: new Date().toISOString() };
    const longest = Math.max(0, ...result.longTasksMs);
    console.log(`map bench: ${app.points.toLocaleString('en')} points (${report.source}), headless Chromium, software WebGL, warm browser`);
    console.log(`  /api/map on the wire   JSON ${wire.json.MB} MB (${wire.json.encoding}), binary ${wire.binary.MB} MB (${wire.binary.encoding})`);
    console.log(`  map data in the page   ${result.mapDataMs.toFixed(0)} ms after navigation`);
    console.log(`  first map frame        ${result.firstDrawMs.toFixed(0)} ms after navigation`);
    console.log(`  long tasks to then     ${result.longTasksMs.length} (longest ${longest} ms: ${result.longTasksMs.join(', ')})`);
    console.log(`  panning                ${result.pan.fps.toFixed(1)} frames/s (95% of frames within ${result.pan.p95FrameMs.toFixed(0)} ms)`);
    console.log(`  wheel zooming          ${result.zoom.fps.toFixed(1)} frames/s (95% of frames within ${result.zoom.p95FrameMs.toFixed(0)} ms)`);
    if (result.errors.length) console.log(`  page errors: ${result.errors.join('; ')}`);
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'map.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    app.close();
  }
}

await main();
