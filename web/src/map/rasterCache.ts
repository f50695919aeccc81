/**
 * @file Pictures of all the papers, drawn into textures a margin larger than
 * the view and shown shifted and scaled while the view moves: a pan or zoom
 * then costs one textured quad instead of a draw of every point, which is
 * what keeps 100,000+ points smooth on software WebGL and weak GPUs.
 *
 * A new picture is painted in the background, a part of the papers per frame,
 * while the last complete one stays on show: so no single frame draws every
 * point (on software WebGL, 98k points take 60–100 ms, longer under load). It
 * is started when the view nears the edge of the picture on show, zooms too
 * far from it, or comes to rest (where it must be pixel-exact). Before the first
 * picture is complete the map shows its background only.
 */
import type { Camera, Viewport } from './camera.js';
import { isExact, isFresh, pictureView, standsIn, type PictureFrame } from './pictureFit.js';
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

/** The longest side of a picture (device px): two pictures of at most 4096² RGBA take 128 MB. */
const MAX_PICTURE_SIDE = 4096;

/** A texture to paint a picture into, and what it shows once painted. */
class Picture {
  readonly texture: WebGLTexture;
  readonly fbo: WebGLFramebuffer;
  device = { width: 0, height: 0 };
  frame: PictureFrame | null = null;

  constructor(gl: WebGL2RenderingContext) {
    this.texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.fbo = gl.createFramebuffer()!;
  }

  /** Size the texture to `width`×`height` device px (when it is not already). */
  resize(gl: WebGL2RenderingContext, width: number, height: number): void {
    if (width === this.device.width && height === this.device.height) return;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.fbo);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.texture, 0);
    this.device = { width, height };
  }
}

export class RasterCache {
  private readonly program: WebGLProgram;
  private readonly uRect: WebGLUniformLocation | null;
  private readonly vao: WebGLVertexArrayObject;
  private readonly maxSize: number;
  /** The last complete picture, on show. */
  private front: Picture;
  /** The picture being painted (when `painting`). */
  private back: Picture;
  /** Whether `back` is being painted. */
  painting = false;
  /** Set when what is drawn changed: the picture on show is stale and a new one is due. */
  private dirty = true;

  constructor(private readonly gl: WebGL2RenderingContext, private readonly background: readonly [number, number, number]) {
    this.program = link(gl, BLIT_VERTEX, BLIT_FRAGMENT);
    this.uRect = gl.getUniformLocation(this.program, 'uRect');
    this.vao = gl.createVertexArray()!;
    this.front = new Picture(gl);
    this.back = new Picture(gl);
    this.maxSize = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, MAX_PICTURE_SIDE);
  }

  /** What is drawn changed: the picture on show is stale, and one being painted is dropped. */
  invalidate(): void {
    this.dirty = true;
    this.painting = false;
  }

  /** Whether a picture is on show and up to date with what is drawn. */
  get complete(): boolean {
    return this.front.frame !== null && !this.dirty;
  }

  /**
   * Whether a new picture should be started for `camera` over `view`: the one on
   * show is stale, or will not stand in much longer, or (with `exact`, at rest) is
   * not pixel-exact, and no suitable picture is being painted already.
   */
  wants(camera: Camera, view: Viewport, dpr: number, exact: boolean): boolean {
    const exactFor = (frame: PictureFrame | null): boolean => frame !== null && isExact(frame, camera, dpr) && standsIn(frame, camera, view, dpr);
    if (this.painting) return exact && !exactFor(this.back.frame);
    const shown = this.front.frame;
    if (this.dirty || !shown) return true;
    return exact ? !exactFor(shown) : !isFresh(shown, camera, view, dpr);
  }

  /** Start painting a new picture for `camera` over `view`: sized, bound and cleared. */
  begin(camera: Camera, view: Viewport, dpr: number): void {
    const frame = { camera, view: pictureView(view, dpr, this.maxSize), dpr };
    const width = Math.min(this.maxSize, Math.round(frame.view.width * dpr));
    const height = Math.min(this.maxSize, Math.round(frame.view.height * dpr));
    this.back.resize(this.gl, width, height);
    this.back.frame = frame;
    this.painting = true;
    this.dirty = false;
    this.bindBack();
    const [r, g, b] = this.background;
    this.gl.clearColor(r / 255, g / 255, b / 255, 1);
    this.gl.clear(this.gl.COLOR_BUFFER_BIT);
  }

  /** Bind the picture being painted as the framebuffer, to paint more of it; returns the camera and view it is painted for. */
  bindBack(): PictureFrame {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.back.fbo);
    gl.viewport(0, 0, this.back.device.width, this.back.device.height);
    return this.back.frame!;
  }

  /** The picture being painted is complete: show it from now on. */
  finish(): void {
    [this.front, this.back] = [this.back, this.front];
    this.painting = false;
    this.gl.bindFramebuffer(this.gl.FRAMEBUFFER, null);
  }

  /**
   * Draw the picture on show onto the screen as `camera` sees it over `view`. Until the
   * first picture is complete only the background shows: the papers appear all at once.
   */
  show(camera: Camera, view: Viewport): void {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    const [r, g, b] = this.background;
    gl.clearColor(r / 255, g / 255, b / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    const shown = this.front.frame;
    if (!shown) return;
    const [pw, ph] = [shown.view.width / 2 / shown.camera.scale, shown.view.height / 2 / shown.camera.scale];
    const clipX = (x: number): number => ((x - camera.cx) * camera.scale * 2) / view.width;
    const clipY = (y: number): number => ((y - camera.cy) * camera.scale * 2) / view.height;
    gl.disable(gl.BLEND);
    gl.useProgram(this.program);
    gl.uniform4f(this.uRect, clipX(shown.camera.cx - pw), clipY(shown.camera.cy - ph), clipX(shown.camera.cx + pw), clipY(shown.camera.cy + ph));
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.front.texture);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.bindVertexArray(null);
  }
}
