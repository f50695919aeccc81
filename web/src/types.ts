/**
 * @file The shapes of the paperscope HTTP API (docs/API.md) under the names the web
 * app uses. Type-only: the definitions are the server's zod schemas
 * (src/server/apiShapes.ts), and no zod reaches the page.
 */

export { SEARCH_MODES, type SearchMode } from '../../src/search/modes.js';
export type {
  HealthBody as Health,
  ScoredPaper,
  SearchBody as SearchResponse,
  PaperBody as Paper,
  SimilarBody as SimilarResponse,
  MapCluster as Topic,
  MapBody as MapData,
  TrendsBody as TopicTrends,
} from '../../src/server/apiShapes.js';
