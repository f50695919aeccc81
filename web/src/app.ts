/**
 * @file The explorer's controller: turns the URL's view state into requests
 * and renders the answers into the search form, results, paper panel and map.
 * Every change of view goes through `navigate` (history.pushState), and Back
 * and Forward through `apply`, so every view is a permalink.
 */
import { fetchHealth, fetchPaper, fetchSimilar, fetchTrends, isAbort, searchPapers } from './api.js';
import { keepCamera } from './map/cameraMemory.js';
import { sliceColors } from './slice/sliceColors.js';
import { SlicePanel } from './slice/slicePanel.js';
import { EMPTY_SLICE, type SliceState } from './slice/sliceState.js';
import { MapView } from './map/mapView.js';
import { loadMap, nextTask } from './mapData/loadMap.js';
import { MapPapers } from './mapData/mapPapers.js';
import { topicRows } from './mapData/topicRows.js';
import { Announcer } from './ui/announcer.js';
import { byId } from './ui/dom.js';
import { FocusReturn } from './ui/focusReturn.js';
import { HoverLink } from './ui/hoverLink.js';
import { messageOf, PageErrors } from './ui/pageErrors.js';
import { SearchPreview } from './ui/searchPreview.js';
import { TopicLegend } from './ui/topicLegend.js';
import { TopicIndex } from './topics.js';
import type { Health, MapData, ScoredPaper, SearchMode, SearchResponse } from './types.js';
import { formatViewState, historyEntryOf, sameHistoryEntry, sameSearch, viewOfHistory, type ViewState } from './urlState.js';
import { IndexUpdates } from './indexUpdates.js';
import type { Notices } from './ui/notices.js';
import type { UpdateNotice } from './ui/updateNotice.js';
import type { PaperPanel } from './ui/paperPanel.js';
import type { ResultsList } from './ui/resultsList.js';
import type { SearchForm } from './ui/searchForm.js';

export const RESULTS_K = 20;
export const SIMILAR_K = 10;

export interface AppParts {
  form: SearchForm;
  results: ResultsList;
  panel: PaperPanel;
  notices: Notices;
  update: UpdateNotice;
  mapHost: HTMLElement;
  /** Where the filters, colour choice and topics over time go. */
  sliceHost: HTMLElement;
  /** Told once the map's papers have loaded (the collections draw on them). */
  onMapData?(papers: MapPapers): void;
}

export class App {
  readonly map: MapView;
  private readonly legend: TopicLegend;
  private readonly hoverLink: HoverLink;
  private readonly announcer = new Announcer();
  private readonly focusReturn = new FocusReturn();
  private topics = new TopicIndex([]);
  /** The loaded map's papers; null until the map has loaded. */
  private papers: MapPapers | null = null;
  private shown: ViewState = { q: '', mode: 'hybrid', paper: null, slice: EMPTY_SLICE };
  private readonly slicePanel: SlicePanel;
  private readonly errors: PageErrors;
  private search: SearchResponse | null = null;
  private similar: ScoredPaper[] = [];
  private searchAbort = new AbortController();
  private paperAbort = new AbortController();
  private readonly preview = new SearchPreview(RESULTS_K, (response) => {
    this.ui.results.showResults(response, this.topics, this.hrefOf);
    this.map.setResults(this.indices(response.results), response.point);
  });
  private focusPanelOnLoad = false;
  /** Ids of papers that came with a newer index since the page loaded, marked on the map. */
  private readonly addedIds = new Set<string>();
  private readonly updates: IndexUpdates;

  constructor(private readonly ui: AppParts) {
    this.map = new MapView(ui.mapHost, {
      onSelect: (index) => this.openPaper(this.papers!.data.ids[index], { focusPanel: true }),
      onHover: (index) => this.hoverLink.mark(index >= 0 && this.papers ? this.papers.data.ids[index] : null),
      topicColor: (id) => this.topics.cssColorOf(id),
      isRootTopic: (topic) => this.topics.isRoot(topic),
      onTopicClick: (id) => this.changeSlice({ topic: id }),
    });
    this.hoverLink = new HoverLink([byId('results'), byId('panel')], (id) => this.map.showHover(id === null || !this.papers ? -1 : this.papers.rowOf(id)));
    this.legend = new TopicLegend(ui.mapHost, (id) => this.papers && this.map.focusOnArea(topicRows(this.papers.data, id)));
    this.slicePanel = new SlicePanel(ui.sliceHost, { change: (next) => this.changeSlice(next), loadTrends: () => fetchTrends() });
    window.addEventListener('popstate', () => this.apply(viewOfHistory(location.search, history.state), false));
    this.updates = new IndexUpdates(ui.update, (health) => this.refreshMap(health));
    this.errors = new PageErrors(ui.notices);
  }

  /** Load what the page needs, then show the view in the URL. */
  start(): void {
    this.ui.results.showIntro();
    void this.loadHealth();
    void this.loadMap();
    this.apply(viewOfHistory(location.search, history.state), true);
  }

  hrefOf = (paper: string): string => formatViewState({ ...this.shown, paper }) || '/';

  /** Go to a new view, adding it to the browser history. */
  navigate(next: ViewState): void {
    const url = keepCamera(formatViewState(next)) || location.pathname;
    const entry = historyEntryOf(next); // a query too long for the URL (urlState.ts HistoryEntry)
    if (url !== (location.search || location.pathname) || !sameHistoryEntry(entry, history.state)) history.pushState(entry, '', url);
    this.apply(next, false);
  }

  /** Fetch the current view again (after an error). */
  reload(): void {
    this.apply(this.shown, true);
  }

  /** A quick lexical preview of `q` while it is typed: results and rings, no new view. */
  previewSearch(q: string): void {
    if (q !== this.shown.q) void this.preview.run(q, () => q === this.shown.q);
  }

  runSearch(q: string, mode: SearchMode): void {
    this.preview.cancel();
    this.navigate({ q, mode, paper: null, slice: this.shown.slice });
  }

  /** Narrow or widen the slice (filters, colouring); the URL keeps it. */
  changeSlice(next: Partial<SliceState>): void {
    this.navigate({ ...this.shown, slice: { ...this.shown.slice, ...next } });
  }

  openPaper(id: string, opts: { focusPanel?: boolean } = {}): void {
    this.focusPanelOnLoad = opts.focusPanel ?? false;
    if (this.focusPanelOnLoad) this.focusReturn.remember(byId('panel'));
    this.navigate({ ...this.shown, paper: id });
  }

  closePaper(): void {
    const id = this.shown.paper;
    this.navigate({ ...this.shown, paper: null });
    // Back to where the paper was opened from, else its result, else the map (not the
    // search box: on a phone that opens the keyboard).
    const link = id ? this.ui.results.linkFor(id) : undefined;
    this.focusReturn.restore(() => link ?? this.map.canvas);
  }

  /** Make the page show `state`, fetching only what changed (everything when `force`). */
  private apply(state: ViewState, force: boolean): void {
    const previous = this.shown;
    this.shown = state;
    this.ui.form.set(state.q, state.mode);
    const searchChanged = force || !sameSearch(previous, state);
    if (searchChanged) void this.loadSearch(state);
    if (searchChanged || previous.paper !== state.paper) {
      if (state.paper) void this.loadPaper(state.paper);
      else this.showNoPaper();
    }
    document.title = state.q ? `${state.q} — paperscope` : 'paperscope';
    if (force || previous.slice !== state.slice) this.renderSlice();
  }

  /** Colour and dim the map for the slice, and show its controls. */
  private renderSlice(): void {
    if (!this.papers) return;
    const { colors, legend } = sliceColors(this.papers.data, this.papers.slice, this.topics, this.shown.slice);
    this.map.recolor(colors);
    this.slicePanel.render(this.papers.slice, this.topics, this.shown.slice, legend);
  }

  private async loadHealth(): Promise<void> {
    try {
      const health = await fetchHealth();
      this.ui.notices.showHealth(health);
      this.ui.notices.clearAlert();
      this.updates.showing(health);
    } catch (error) {
      this.errors.report(error, () => void this.loadHealth());
    }
  }

  /** Loads the map of the index the server now serves, keeping the view, and marks the papers new to this page. */
  private async refreshMap(health: Health): Promise<void> {
    const before = new Set(this.papers?.data.ids ?? []);
    await this.loadMap({ keepView: true });
    const ids = this.papers?.data.ids ?? [];
    for (const id of ids) if (!before.has(id)) this.addedIds.add(id);
    this.map.setAdded(this.indices([...this.addedIds].map((id) => ({ id }))));
    this.ui.notices.showHealth(health);
  }

  private async loadMap(opts: { keepView?: boolean } = {}): Promise<void> {
    if (!opts.keepView) this.map.showMessage('Loading the map…');
    try {
      const { data, ids } = await loadMap();
      performance.mark('paperscope:map-data');
      // Deriving, drawing and the rest of the page run as separate tasks, none holding the page long.
      const papers = new MapPapers(data, ids);
      await nextTask();
      [this.papers, this.topics] = [papers, papers.topics];
      const { colors, legend } = sliceColors(data, papers.slice, papers.topics, this.shown.slice);
      this.map.setData(papers.points(colors), data.clusters ?? [], opts);
      await nextTask();
      this.legend.show(this.topics);
      this.slicePanel.render(papers.slice, this.topics, this.shown.slice, legend);
      this.ui.onMapData?.(papers);
      this.map.showMessage(data.count === 0 ? 'The index holds no papers.' : null);
      this.rerenderResults();
      this.syncMap(!opts.keepView);
    } catch (error) {
      this.map.showMessage(`The map could not be loaded: ${messageOf(error)}`);
      this.errors.retryWhenReady(error, () => void this.loadMap());
    }
  }

  /** Results drawn before the topics arrived get their topic names, keeping focus. */
  private rerenderResults(): void {
    if (!this.search) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.id;
    this.ui.results.showResults(this.search, this.topics, this.hrefOf);
    this.ui.results.markActive(this.shown.paper);
    if (focused) this.ui.results.linkFor(focused)?.focus();
  }

  private indices(papers: readonly { id: string }[]): number[] {
    return this.papers?.rows(papers) ?? [];
  }

  /** Push the current results and selection to the map; `refocus` moves the view to them. */
  private syncMap(refocus: boolean): void {
    if (!this.papers) return;
    const results = this.indices(this.search?.results ?? []);
    const point = this.search?.point ?? null;
    this.map.setResults(results, point);
    const selected = this.shown.paper ? this.papers.rowOf(this.shown.paper) : -1;
    const similar = selected >= 0 ? this.indices(this.similar) : [];
    this.map.setSelection(selected, similar);
    if (!refocus) return;
    if (selected >= 0) this.map.focusOn([selected, ...similar]);
    else if (results.length > 0) this.map.focusOn(results, point ? [point] : []);
  }

  private async loadSearch(state: ViewState): Promise<void> {
    this.searchAbort.abort();
    const abort = (this.searchAbort = new AbortController());
    this.search = null;
    if (!state.q) {
      this.ui.results.showIntro();
      this.syncMap(false);
      return;
    }
    this.ui.results.showLoading(state.q);
    try {
      const response = await searchPapers(state.q, state.mode, RESULTS_K, abort.signal, state.slice);
      this.search = response;
      this.ui.results.showResults(response, this.topics, this.hrefOf);
      this.ui.results.markActive(this.shown.paper);
      this.syncMap(!this.shown.paper);
    } catch (error) {
      if (isAbort(error)) return;
      if (this.errors.retryWhenReady(error, () => sameSearch(this.shown, state) && void this.loadSearch(state))) return;
      this.ui.results.showError(messageOf(error));
      this.syncMap(false);
    }
  }

  private showNoPaper(): void {
    this.paperAbort.abort();
    this.similar = [];
    this.ui.panel.hide();
    this.ui.results.markActive(null);
    this.syncMap(false);
  }

  private async loadPaper(id: string): Promise<void> {
    this.paperAbort.abort();
    const abort = (this.paperAbort = new AbortController());
    const focus = this.focusPanelOnLoad;
    this.focusPanelOnLoad = false;
    this.similar = [];
    this.ui.panel.showLoading();
    this.ui.results.markActive(id);
    if (focus) this.ui.panel.focusHeading();
    const [paper, similar] = await Promise.allSettled([fetchPaper(id, abort.signal), fetchSimilar(id, SIMILAR_K, abort.signal, this.shown.slice)]);
    if (abort.signal.aborted) return;
    if (paper.status === 'rejected') {
      if (this.errors.retryWhenReady(paper.reason, () => this.shown.paper === id && void this.loadPaper(id))) return;
      this.ui.panel.showError(messageOf(paper.reason));
    } else {
      this.ui.panel.showPaper(paper.value, this.topics, this.shown.q);
      this.announcer.say(`Opened paper: ${paper.value.title}`);
      document.title = `${paper.value.title} — paperscope`;
      this.similar = similar.status === 'fulfilled' ? similar.value.results : [];
      this.ui.panel.showSimilar(similar.status === 'fulfilled' ? this.similar : messageOf(similar.reason), this.topics, this.hrefOf);
    }
    if (focus) this.ui.panel.focusHeading();
    this.syncMap(true);
  }
}
