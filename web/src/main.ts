/**
 * @file Entry point of the web explorer: finds the page's parts, wires them
 * to the controller and starts it. Loaded by index.html as the only script.
 */
import './styles.css';
import { App } from './app.js';
import { Collector } from './collect/collector.js';
import { byId } from './ui/dom.js';
import { attachKeyboard } from './ui/keyboard.js';
import { Notices } from './ui/notices.js';
import { PaperPanel } from './ui/paperPanel.js';
import { ResultsList } from './ui/resultsList.js';
import { attachSearchAsYouType } from './ui/searchAsYouType.js';
import { SearchForm } from './ui/searchForm.js';
import { UpdateNotice } from './ui/updateNotice.js';

function main(): void {
  let app: App | undefined;
  let collector: Collector | undefined;
  const decorate = (id: string) => collector?.actionsFor(id) ?? document.createElement('span');
  const none = () => document.createElement('span');
  const form = new SearchForm(byId<HTMLFormElement>('search-form'), (q, mode) => app?.runSearch(q, mode));
  const results = new ResultsList(byId('status'), byId<HTMLOListElement>('results'), {
    open: (id) => app?.openPaper(id, { focusPanel: true }),
    search: (q) => app?.runSearch(q, form.mode),
    retry: () => app?.reload(),
    decorate,
    searchActions: (response) => collector?.searchExports(response) ?? none(),
  });
  const panel = new PaperPanel(byId('panel'), {
    open: (id) => app?.openPaper(id, { focusPanel: true }),
    close: () => app?.closePaper(),
    decorate: (paper) => collector?.panelActions(paper) ?? none(),
  });
  const notices = new Notices(byId('health'), byId('notice'), byId('alert'));
  const mapHost = byId('map');
  app = new App({ form, results, panel, notices, update: new UpdateNotice(byId('update')), mapHost, sliceHost: byId('slice'), onMapData: (papers) => collector?.setMapData(papers) });
  collector = new Collector({ host: byId('collect'), map: app.map, mapHost, open: (id) => app?.openPaper(id, { focusPanel: true }) });
  void collector.start();
  attachSearchAsYouType(byId<HTMLFormElement>('search-form'), form.input, {
    preview: (q) => app?.previewSearch(q),
    commit: (q) => app?.runSearch(q, form.mode),
  });
  attachKeyboard({
    searchInput: form.input,
    resultLinks: () => results.links(),
    panelOpen: () => panel.isOpen,
    closePanel: () => app?.closePaper(),
  });
  app.start();
}

main();
