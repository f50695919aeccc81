/**
 * @file The three search modes. A leaf module (no imports), so the web app and
 * the API's shapes can name them without pulling in the search engine.
 */

export const SEARCH_MODES = Object.freeze(['hybrid', 'semantic', 'lexical'] as const);
export type SearchMode = (typeof SEARCH_MODES)[number];
