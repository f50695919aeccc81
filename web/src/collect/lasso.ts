/**
 * @file Freehand (lasso) selection on the map: a toggle button, then a drag draws a closed
 * outline over the map; on release, the papers inside it are the selection. The outline is
 * drawn on an SVG layer that, while the lasso is on, takes the pointer from the map.
 */

const SVG = 'http://www.w3.org/2000/svg';
/** Screen distance (CSS px) between recorded outline points. */
const MIN_STEP = 3;

export interface LassoOptions {
  /** Screen point (CSS px from the map's top left) to data point. */
  toData(sx: number, sy: number): [number, number];
  /** The outline closed, as data-space vertices [x0, y0, …]. */
  done(polygon: number[]): void;
}

export class Lasso {
  readonly button = document.createElement('button');
  private readonly layer = document.createElementNS(SVG, 'svg');
  private readonly outline = document.createElementNS(SVG, 'polygon');
  private screen: number[] = [];
  private drawing = false;

  constructor(private readonly host: HTMLElement, private readonly options: LassoOptions) {
    this.button.type = 'button';
    this.button.className = 'lasso-toggle';
    this.button.textContent = 'Lasso';
    this.button.title = 'Select papers by drawing around them (Esc cancels)';
    this.button.setAttribute('aria-pressed', 'false');
    this.button.addEventListener('click', () => this.setActive(!this.active));
    this.layer.classList.add('lasso-layer');
    this.layer.setAttribute('aria-hidden', 'true');
    this.outline.classList.add('lasso-outline');
    this.layer.append(this.outline);
    this.layer.addEventListener('pointerdown', (e) => this.start(e));
    this.layer.addEventListener('pointermove', (e) => this.extend(e));
    this.layer.addEventListener('pointerup', () => this.finish());
    this.layer.addEventListener('pointercancel', () => this.cancel());
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.active && this.setActive(false));
    host.append(this.layer, this.button);
  }

  get active(): boolean {
    return this.button.getAttribute('aria-pressed') === 'true';
  }

  setActive(on: boolean): void {
    this.button.setAttribute('aria-pressed', String(on));
    this.layer.classList.toggle('lasso-layer--active', on);
    if (!on) this.cancel();
  }

  private local(e: PointerEvent): [number, number] {
    const rect = this.host.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  private start(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.layer.setPointerCapture?.(e.pointerId);
    this.drawing = true;
    this.screen = this.local(e);
    this.redraw();
  }

  private extend(e: PointerEvent): void {
    if (!this.drawing) return;
    const [x, y] = this.local(e);
    const n = this.screen.length;
    if (Math.hypot(x - this.screen[n - 2], y - this.screen[n - 1]) < MIN_STEP) return;
    this.screen.push(x, y);
    this.redraw();
  }

  private finish(): void {
    if (!this.drawing) return;
    const polygon: number[] = [];
    for (let i = 0; i < this.screen.length; i += 2) polygon.push(...this.options.toData(this.screen[i], this.screen[i + 1]));
    this.setActive(false);
    if (polygon.length >= 6) this.options.done(polygon);
  }

  private cancel(): void {
    this.drawing = false;
    this.screen = [];
    this.redraw();
  }

  private redraw(): void {
    const pairs: string[] = [];
    for (let i = 0; i < this.screen.length; i += 2) pairs.push(`${this.screen[i]},${this.screen[i + 1]}`);
    this.outline.setAttribute('points', pairs.join(' '));
  }
}
