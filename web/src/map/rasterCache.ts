/**
 * @file A picture of all the papers, drawn once into a texture a margin larger
 * than the view and shown shifted and scaled while the view moves: a pan or
 * zoom then costs one textured quad instead of a draw of every point (which
 * is what keeps 100,000+ points smooth on software WebGL and weak GPUs). It is
 * redrawn when the view leaves it, zooms too far, or comes to rest.
 */
import type { Camera, Viewport } from './camera.js';
import { link } from './renderer.js';

const BLIT_VERTEX = `#version 300 es
uniform vec4 uRect;
out vec2 vUv;
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vUv = corner;
  gl_Position = vec4(mix(uRect.xy, uRect.zw, corner), 0.0, 1.0);
}`;

const BLIT_FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D uImage;
in vec2 vUv;
out vec4 outColor;
void main() {
  outColor = texture(uImage, vUv);
}`;

/** The cached picture reaches this fraction of the view's larger side beyond each edge. */
const MARGIN = 0.25;
/** Zoom change, either way, up to which the picture is scaled instead of redrawn. */
const MAX_SCALING = 2;

export class RasterCache {
  private readonly program: WebGLProgram;
  private readonly uRect: WebGLUniformLocation | null;
  private readonly vao: WebGLVertexArrayObject;
  private readonly texture: WebGLTexture;
  private readonly fbo: WebGLFramebuffer;
  private readonly maxSize: number;
  private device = { width: 0, height: 0 };
  private camera: Camera | null = null;
  private view: Viewport = { width: 0, height: 0 };
  private dpr = 1;
  /** Set when what is drawn changed: the next frame redraws the picture. */
  dirty = true;

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.program = link(gl, BLIT_VERTEX, BLIT_FRAGMENT);
    this.uRect = gl.getUniformLocation(this.program, 'uRect');
    this.vao = gl.createVertexArray()!;
    this.texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.fbo = gl.createFramebuffer()!;
    this.maxSize = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, 8192);
  }

  /** Half the data-space extent of a view seen by a camera. */
  private static half(camera: Camera, view: Viewport): [number, number] {
    return [view.width / 2 / camera.scale, view.height / 2 / camera.scale];
  }

  /**
   * Whether the picture can stand in for `camera` over `view`; `exact` asks for
   * a pixel-for-pixel copy (same zoom, whole-pixel shift), as when at rest.
   */
  covers(camera: Camera, view: Viewport, dpr: number, exact: boolean): boolean {
    const cached = this.camera;
    if (this.dirty || !cached || dpr !== this.dpr) return false;
    const ratio = camera.scale / cached.scale;
    if (ratio > MAX_SCALING || ratio < 1 / MAX_SCALING) return false;
    if (exact) {
      const shiftX = (camera.cx - cached.cx) * camera.scale * dpr;
      const shiftY = (camera.cy - cached.cy) * camera.scale * dpr;
      const whole = (v: number): boolean => Math.abs(v - Math.round(v)) < 0.02;
      if (ratio !== 1 || !whole(shiftX) || !whole(shiftY)) return false;
    }
    const [hw, hh] = RasterCache.half(camera, view);
    const [cw, ch] = RasterCache.half(cached, this.view);
    return Math.abs(camera.cx - cached.cx) + hw <= cw + 1e-9 && Math.abs(camera.cy - cached.cy) + hh <= ch + 1e-9;
  }

  /** Redraw the picture for `camera`: `draw` renders into the bound framebuffer of the given size. */
  render(camera: Camera, view: Viewport, dpr: number, draw: (view: Viewport, width: number, height: number) => void): void {
    const gl = this.gl;
    const margin = Math.round(MARGIN * Math.max(view.width, view.height));
    const fits = (view.width + 2 * margin) * dpr <= this.maxSize && (view.height + 2 * margin) * dpr <= this.maxSize;
    const m = fits ? margin : 0;
    const cacheView = { width: view.width + 2 * m, height: view.height + 2 * m };
    const width = Math.min(this.maxSize, Math.round(cacheView.width * dpr));
    const height = Math.min(this.maxSize, Math.round(cacheView.height * dpr));
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    if (width !== this.device.width || height !== this.device.height) {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.fbo);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.texture, 0);
      this.device = { width, height };
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.fbo);
    draw(cacheView, width, height);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.camera = camera;
    this.view = cacheView;
    this.dpr = dpr;
    this.dirty = false;
  }

  /** Draw the picture onto the screen (the default framebuffer) as `camera` sees it over `view`. */
  show(camera: Camera, view: Viewport): void {
    const gl = this.gl;
    const cached = this.camera;
    if (!cached) return;
    const [cw, ch] = RasterCache.half(cached, this.view);
    const clipX = (x: number): number => ((x - camera.cx) * camera.scale * 2) / view.width;
    const clipY = (y: number): number => ((y - camera.cy) * camera.scale * 2) / view.height;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.disable(gl.BLEND);
    gl.useProgram(this.program);
    gl.uniform4f(this.uRect, clipX(cached.cx - cw), clipY(cached.cy - ch), clipX(cached.cx + cw), clipY(cached.cy + ch));
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.bindVertexArray(null);
  }
}
