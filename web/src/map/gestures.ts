/**
 * @file Mouse, touch and pen input on the map: drag to pan, wheel or pinch to
 * zoom, double-click to zoom in, hover and click (a press that did not move).
 * Reports screen positions in CSS px relative to the element.
 */

export interface GestureHandlers {
  /** A drag or pinch began: cancel any running animation. */
  start(): void;
  pan(dx: number, dy: number): void;
  zoom(factor: number, sx: number, sy: number): void;
  hover(sx: number, sy: number): void;
  leave(): void;
  click(sx: number, sy: number): void;
}

/** Movement (CSS px) under which a press counts as a click, not a drag. */
const CLICK_SLOP = 4;

interface Pointer {
  x: number;
  y: number;
}

function pinchOf(pointers: Map<number, Pointer>): { mx: number; my: number; d: number } {
  const [a, b] = [...pointers.values()];
  return { mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) || 1 };
}

type Local = (e: { clientX: number; clientY: number }) => Pointer;

/** Press, drag, pinch and release: pans, zooms and clicks from the pointers held down. */
function pointerListeners(el: HTMLElement, on: GestureHandlers, local: Local) {
  const pointers = new Map<number, Pointer>();
  let travelled = 0;
  const down = (e: PointerEvent): void => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks (or a synthetic one): drag without capture.
    }
    pointers.set(e.pointerId, local(e));
    travelled = pointers.size > 1 ? Infinity : 0;
    on.start();
  };
  const move = (e: PointerEvent): void => {
    const p = local(e);
    const prev = pointers.get(e.pointerId);
    if (!prev) return on.hover(p.x, p.y);
    if (pointers.size === 2) {
      const before = pinchOf(pointers);
      pointers.set(e.pointerId, p);
      const after = pinchOf(pointers);
      on.pan(after.mx - before.mx, after.my - before.my);
      on.zoom(after.d / before.d, after.mx, after.my);
      return;
    }
    pointers.set(e.pointerId, p);
    travelled += Math.hypot(p.x - prev.x, p.y - prev.y);
    if (travelled > CLICK_SLOP) on.pan(p.x - prev.x, p.y - prev.y);
  };
  const up = (e: PointerEvent): void => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size === 0 && travelled <= CLICK_SLOP && e.type === 'pointerup') {
      const p = local(e);
      on.click(p.x, p.y);
    }
  };
  const leave = (): void => {
    if (pointers.size === 0) on.leave();
  };
  return { pointerdown: down, pointermove: move, pointerup: up, pointercancel: up, pointerleave: leave };
}

/** Wheel and double-click: zoom about the cursor. */
function zoomListeners(on: GestureHandlers, local: Local) {
  const wheel = (e: WheelEvent): void => {
    e.preventDefault();
    const pixels = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
    const p = local(e);
    on.start();
    on.zoom(Math.exp(-pixels * (e.ctrlKey ? 0.01 : 0.002)), p.x, p.y);
  };
  const dblclick = (e: MouseEvent): void => {
    const p = local(e);
    on.start();
    on.zoom(2, p.x, p.y);
  };
  return { wheel, dblclick };
}

/** Listen for gestures on `el`; returns a function that stops listening. */
export function attachGestures(el: HTMLElement, on: GestureHandlers): () => void {
  const local: Local = (e) => {
    const rect = el.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const pointer = pointerListeners(el, on, local);
  const zoom = zoomListeners(on, local);
  for (const [type, listener] of Object.entries(pointer)) el.addEventListener(type, listener as EventListener);
  el.addEventListener('wheel', zoom.wheel, { passive: false });
  el.addEventListener('dblclick', zoom.dblclick);
  return () => {
    for (const [type, listener] of Object.entries(pointer)) el.removeEventListener(type, listener as EventListener);
    el.removeEventListener('wheel', zoom.wheel);
    el.removeEventListener('dblclick', zoom.dblclick);
  };
}
