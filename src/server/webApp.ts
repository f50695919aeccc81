/**
 * @file Serves the built web app (web/dist) at `/`. When it has not been built, `/`
 * answers a short page saying how to build it, so the API still works meanwhile.
 */
import express, { Router, type RequestHandler } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>paperscope: web app not built</title></head>
<body>
<h1>paperscope</h1>
<p>The API is running, but the web app has not been built: there is no <code>web/dist/</code>.</p>
<p>Build it with <code>npm run build:web</code> (it writes <code>web/dist/</code>), then reload this page.</p>
<p>Meanwhile the API answers at <a href="/api/health">/api/health</a>, <code>/api/search?q=…</code> and <code>/api/map</code>.</p>
</body>
</html>
`;

const notBuilt: RequestHandler = (_req, res) => {
  res.status(200).type('html').send(NOT_BUILT_PAGE);
};

/** Static files from `webDir`; `/` falls back to the "not built" page when index.html is missing. */
export function webAppRouter(webDir: string): Router {
  const router = Router();
  router.use(express.static(webDir, { index: 'index.html', dotfiles: 'ignore', fallthrough: true, redirect: false }));
  router.get('/', notBuilt);
  return router;
}
