/**
 * @file The server stage's public surface: the Express app, the running server, and
 * the index check `npm start` does before serving.
 */
export { createApp, type AppOptions, type AppState } from './app.js';
export { serve, type RunningServer, type ServeOptions } from './listen.js';
export { ensureIndex, staleIndexReason } from './start.js';
