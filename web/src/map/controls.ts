/**
 * @file Map controls that do not need a pointer: zoom buttons (+, −, fit all)
 * and keys on the focused map (arrows pan, + and − zoom, 0 fits all).
 */

export interface ViewActions {
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  reset(): void;
}

const KEY_PAN = 80;
const KEY_ZOOM = 1.5;

function button(label: string, text: string, run: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.setAttribute('aria-label', label);
  el.title = label;
  el.addEventListener('click', run);
  return el;
}

export function addZoomButtons(host: HTMLElement, view: ViewActions): void {
  const box = document.createElement('div');
  box.className = 'map-controls';
  // The accessible name starts with the visible word, for voice control ("click Fit").
  const fit = button('Fit the map to its papers', 'Fit', () => view.reset());
  fit.className = 'map-controls__fit';
  box.append(button('Zoom in', '+', () => view.zoomBy(KEY_ZOOM)), button('Zoom out', '−', () => view.zoomBy(1 / KEY_ZOOM)), fit);
  host.append(box);
}

export function attachMapKeys(el: HTMLElement, view: ViewActions): void {
  const actions: Record<string, () => void> = {
    ArrowLeft: () => view.panBy(KEY_PAN, 0),
    ArrowRight: () => view.panBy(-KEY_PAN, 0),
    ArrowUp: () => view.panBy(0, KEY_PAN),
    ArrowDown: () => view.panBy(0, -KEY_PAN),
    '+': () => view.zoomBy(KEY_ZOOM),
    '=': () => view.zoomBy(KEY_ZOOM),
    '-': () => view.zoomBy(1 / KEY_ZOOM),
    '0': () => view.reset(),
  };
  el.addEventListener('keydown', (e) => {
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    // Arrows here move the map, not the results list.
    e.stopPropagation();
    action();
  });
}
