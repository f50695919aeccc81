/**
 * @file The page's collections: the active collection (kept in localStorage across reloads),
 * thumbs beside every paper, the lasso selection, and the collection view with its
 * recommendations, all drawn on the map with a legend. Talks to the server through api.ts;
 * the rest of the page only asks it for a paper's thumbs (actionsFor) and hands it the map.
 */
import './collect.css';
import { ApiError } from '../api.js';
import type { MapView } from '../map/mapView.js';
import type { MapPapers } from '../mapData/mapPapers.js';
import type { MapData, Paper, SearchResponse } from '../types.js';
import { createCollection, fetchCollection, fetchRecommendations, listCollections, putPaper, removePaper, type Collection, type CollectionSummary, type Label } from './api.js';
import { Lasso } from './lasso.js';
import { pointsInside } from './polygon.js';
import { MapLegend } from './legend.js';
import { markPaper, paperActions } from './paperActions.js';
import { exportLinks, renderBar, renderCollection, renderSelection } from './views.js';

const ACTIVE_KEY = 'paperscope.collection';
export const RECOMMEND_K = 20;
const DEFAULT_NAME = 'My papers';

export interface CollectorParts {
  /** The collection area at the top of the results column. */
  host: HTMLElement;
  map: MapView;
  mapHost: HTMLElement;
  open(id: string): void;
}

export class Collector {
  private collections: CollectionSummary[] = [];
  private activeId: string | null = localStorage.getItem(ACTIVE_KEY);
  private labels = new Map<string, Label>();
  private mapData: MapData | null = null;
  private papers: MapPapers | null = null;
  private view: 'none' | 'collection' | 'selection' = 'none';
  private selection: number[] = [];
  private readonly bar = document.createElement('div');
  private readonly body = document.createElement('div');
  private readonly legend: MapLegend;

  constructor(private readonly parts: CollectorParts) {
    parts.host.replaceChildren(this.bar, this.body);
    this.legend = new MapLegend(parts.mapHost);
    new Lasso(parts.mapHost, { toData: (sx, sy) => parts.map.screenToData(sx, sy), done: (polygon) => this.select(polygon) });
  }

  /** Load the collections and the active one's labels. */
  async start(): Promise<void> {
    await this.refresh();
  }

  /** The map's papers arrived: positions for lasso selections and map layers. */
  setMapData(papers: MapPapers): void {
    this.mapData = papers.data;
    this.papers = papers;
    if (this.view === 'collection') void this.showCollection();
  }

  /** Thumbs for paper `id` (results, paper panel). */
  actionsFor = (id: string): HTMLElement => paperActions(id, this.labels.get(id), (paper, label) => void this.toggle(paper, label));

  /** Downloads of a search's results, under its summary. */
  searchExports = (response: SearchResponse): HTMLElement => exportLinks({ q: response.query, mode: response.mode, k: response.k }, 'Export these results: ');

  /** Thumbs for the open paper, and downloads of its topic. */
  panelActions = (paper: Paper): HTMLElement => {
    const box = document.createElement('div');
    box.className = 'collect-panel';
    box.append(this.actionsFor(paper.id));
    if (paper.cluster !== undefined && paper.cluster >= 0) box.append(exportLinks({ topic: paper.cluster }, 'Export its topic: '));
    return box;
  };

  private async refresh(): Promise<void> {
    try {
      this.collections = await listCollections();
      if (this.activeId && !this.collections.some((c) => c.id === this.activeId)) this.setActive(null);
      const active = this.activeId ? await fetchCollection(this.activeId) : null;
      this.labels = new Map(active?.papers.map((p) => [p.id, p.label]) ?? []);
      this.renderBar();
      for (const box of document.querySelectorAll<HTMLElement>('.collect-actions')) markPaper(document, box.dataset.paper!, this.labels.get(box.dataset.paper!));
      if (this.view === 'collection' && active) await this.showCollection(active);
      if (this.view === 'selection') this.renderSelection();
    } catch (error) {
      this.showProblem(error);
    }
  }

  private setActive(id: string | null): void {
    this.activeId = id;
    if (id) localStorage.setItem(ACTIVE_KEY, id);
    else localStorage.removeItem(ACTIVE_KEY);
  }

  private renderBar(): void {
    this.bar.replaceChildren(
      renderBar(this.collections, this.activeId, this.view === 'collection', {
        choose: (id) => {
          this.setActive(id);
          if (!id) this.close();
          void this.refresh();
        },
        create: (name) => void this.create(name),
        toggleView: () => (this.view === 'collection' ? this.close() : void this.showCollection()),
      }),
    );
  }

  private async create(name: string): Promise<Collection | null> {
    try {
      const made = await createCollection(name);
      this.setActive(made.id);
      await this.refresh();
      return made;
    } catch (error) {
      this.showProblem(error);
      return null;
    }
  }

  /** The active collection's id, creating one when there is none. */
  private async ensureActive(): Promise<string | null> {
    return this.activeId ?? (await this.create(DEFAULT_NAME))?.id ?? null;
  }

  private async toggle(paper: string, label: Label): Promise<void> {
    const id = await this.ensureActive();
    if (!id) return;
    try {
      if (this.labels.get(paper) === label) {
        await removePaper(id, paper);
        this.labels.delete(paper);
      } else {
        await putPaper(id, paper, label);
        this.labels.set(paper, label);
      }
      markPaper(document, paper, this.labels.get(paper));
      await this.refresh();
    } catch (error) {
      this.showProblem(error);
    }
  }

  private indices(ids: readonly { id: string }[]): number[] {
    return this.papers?.rows(ids) ?? [];
  }

  private async showCollection(known?: Collection): Promise<void> {
    if (!this.activeId) return;
    this.view = 'collection';
    try {
      const collection = known ?? (await fetchCollection(this.activeId));
      const hasPositive = collection.papers.some((p) => p.label === 'pos' && !p.missing);
      const recommended: Awaited<ReturnType<typeof fetchRecommendations>> | string = hasPositive ? await fetchRecommendations(collection.id, RECOMMEND_K) : 'Mark a paper ▲ (keep) to get recommendations.';
      if (this.view !== 'collection') return;
      this.body.replaceChildren(renderCollection(collection, recommended, { open: this.parts.open, actions: this.actionsFor }));
      this.drawCollection(collection, typeof recommended === 'string' ? [] : recommended);
      this.renderBar();
    } catch (error) {
      this.showProblem(error);
    }
  }

  private drawCollection(collection: Collection, recommended: ReadonlyArray<{ id: string }>): void {
    const map = this.parts.map;
    const positive = this.indices(collection.papers.filter((p) => p.label === 'pos'));
    const negative = this.indices(collection.papers.filter((p) => p.label === 'neg'));
    const recs = this.indices(recommended);
    map.setCollectLayer('picked', []);
    map.setCollectLayer('positive', positive);
    map.setCollectLayer('negative', negative);
    map.setCollectLayer('recommended', recs);
    this.legend.show([
      { layer: 'positive' as const, name: 'kept ▲', count: positive.length },
      { layer: 'negative' as const, name: 'not wanted ▼', count: negative.length },
      { layer: 'recommended' as const, name: 'recommended', count: recs.length },
    ].filter((entry) => entry.count > 0));
    if (positive.length + recs.length > 0) map.focusOn([...positive, ...negative, ...recs]);
  }

  private select(polygon: number[]): void {
    if (!this.mapData) return;
    this.selection = pointsInside(this.mapData.x, this.mapData.y, polygon);
    this.view = 'selection';
    this.renderSelection();
  }

  private renderSelection(): void {
    const data = this.mapData!;
    const papers = this.selection.map((i) => ({ id: data.ids[i], title: data.titles[i] }));
    const name = this.collections.find((c) => c.id === this.activeId)?.name ?? null;
    this.body.replaceChildren(renderSelection(papers, name, { open: this.parts.open, actions: this.actionsFor, addAll: () => void this.addSelection(), clear: () => this.close() }));
    this.clearLayers();
    this.parts.map.setCollectLayer('picked', this.selection);
    this.legend.show(this.selection.length ? [{ layer: 'picked', name: 'selected', count: this.selection.length }] : []);
    this.renderBar();
  }

  private async addSelection(): Promise<void> {
    const id = await this.ensureActive();
    if (!id || !this.mapData) return;
    try {
      for (const i of this.selection) if (!this.labels.has(this.mapData.ids[i])) await putPaper(id, this.mapData.ids[i], 'pos');
      this.view = 'collection';
      await this.refresh();
    } catch (error) {
      this.showProblem(error);
    }
  }

  private clearLayers(): void {
    for (const layer of ['picked', 'positive', 'negative', 'recommended'] as const) this.parts.map.setCollectLayer(layer, []);
    this.legend.show([]);
  }

  private close(): void {
    this.view = 'none';
    this.selection = [];
    this.body.replaceChildren();
    this.clearLayers();
    this.renderBar();
  }

  private showProblem(error: unknown): void {
    const message = error instanceof ApiError ? error.message : 'The collections could not be reached.';
    this.body.replaceChildren(Object.assign(document.createElement('p'), { className: 'error error__message', textContent: message, role: 'alert' }));
  }
}
