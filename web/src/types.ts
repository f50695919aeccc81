/**
 * @file The shapes of the paperscope HTTP API (docs/API.md) under the names the web
 * app uses. Type-only: the definitions are the server's zod schemas
 * (src/server/apiShapes.ts), and no zod reaches the page.
 */
import type { MapBody } from '../../src/server/apiShapes.js';
import type { PackedLists } from './mapData/decodeMap.js';

export { SEARCH_MODES, type SearchMode } from '../../src/search/modes.js';
export type {
  HealthBody as Health,
  ScoredPaper,
  SearchBody as SearchResponse,
  PaperBody as Paper,
  SimilarBody as SimilarResponse,
  MapCluster as Topic,
  TrendsBody as TopicTrends,
  Why,
} from '../../src/server/apiShapes.js';

type NumberColumn = 'x' | 'y' | 'cluster' | 'coarseCluster';

/**
 * GET /api/map as the page holds it: number columns are arrays in the JSON form and
 * typed arrays in the binary form (mapData/decodeMap.ts), where the categories stay
 * packed too (a million small arrays would cost the page seconds of garbage collection).
 */
export type MapData = Omit<MapBody, NumberColumn | 'categories'> & Record<NumberColumn, ArrayLike<number>> & { categories?: MapBody['categories'] | PackedLists };
