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

/** Listen for gestures on `el`; returns a function that stops listening. */
export function attachGestures(el: HTMLElement, on: GestureHandlers): () => void {
  const pointers = new Map<number, Pointer>();
  let travelled = 0;
  const local = (e: { clientX: number; clientY: number }): Pointer => {
    const rect = el.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

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
  const leave = (): void => {
    if (pointers.size === 0) on.leave();
  };

  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('wheel', wheel, { passive: false });
  el.addEventListener('dblclick', dblclick);
  return () => {
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', up);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('wheel', wheel);
    el.removeEventListener('dblclick', dblclick);
  };
}
