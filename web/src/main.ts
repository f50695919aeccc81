/**
 * @file Entry point of the web explorer: finds the page's parts, wires them
 * to the controller and starts it. Loaded by index.html as the only script.
 */
import './styles.css';
import { App } from './app.js';
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
  const form = new SearchForm(byId<HTMLFormElement>('search-form'), (q, mode) => app?.runSearch(q, mode));
  const results = new ResultsList(byId('status'), byId<HTMLOListElement>('results'), {
    open: (id) => app?.openPaper(id, { focusPanel: true }),
    search: (q) => app?.runSearch(q, form.mode),
    retry: () => app?.reload(),
  });
  const panel = new PaperPanel(byId('panel'), {
    open: (id) => app?.openPaper(id, { focusPanel: true }),
    close: () => app?.closePaper(),
  });
  const notices = new Notices(byId('health'), byId('notice'), byId('alert'));
  app = new App({ form, results, panel, notices, update: new UpdateNotice(byId('update')), mapHost: byId('map'), sliceHost: byId('slice') });
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
