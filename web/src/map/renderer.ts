/**
 * @file WebGL 2 point renderer: one shader draws every layer (all papers, then
 * the highlighted ones) as round points with an optional ring. No runtime code
 * generation, so it runs under a strict Content-Security-Policy.
 */
import type { Camera, Viewport } from './camera.js';

const VERTEX_SHADER = `#version 300 es
layout(location = 0) in vec2 aPosition;
layout(location = 1) in vec4 aColor;
uniform vec2 uCenter;
uniform float uScale;
uniform vec2 uViewport;
uniform float uSize;
out vec4 vColor;
void main() {
  gl_Position = vec4((aPosition - uCenter) * uScale * 2.0 / uViewport, 0.0, 1.0);
  gl_PointSize = uSize;
  vColor = aColor;
}`;

const FRAGMENT_SHADER = `#version 300 es
precision highp float;
in vec4 vColor;
uniform float uSize;
uniform float uAlpha;
uniform vec4 uRingColor;
uniform float uRingWidth;
out vec4 outColor;
void main() {
  float r = length(gl_PointCoord - 0.5) * 2.0;
  float aa = min(0.5, 2.0 / uSize);
  float inside = 1.0 - smoothstep(1.0 - aa, 1.0, r);
  if (inside <= 0.0) discard;
  float ring = uRingWidth > 0.0 ? smoothstep(1.0 - uRingWidth - aa, 1.0 - uRingWidth, r) : 0.0;
  vec4 color = mix(vColor, uRingColor, ring);
  outColor = vec4(color.rgb, color.a * uAlpha * inside);
}`;

/** How one layer is drawn. Sizes are CSS pixels. */
export interface LayerStyle {
  size: number;
  alpha: number;
  /** RGBA 0..1; used when ringWidth > 0. */
  ringColor?: readonly [number, number, number, number];
  /** Fraction of the radius drawn as the ring (0 = none). */
  ringWidth?: number;
}

/** A layer to draw, in a style; with a range, only those of its points. */
export type LayerDraw = readonly [PointLayer, LayerStyle, { first: number; count: number }?];

/** A set of points on the GPU: positions (x, y) and RGBA8 colours. */
export class PointLayer {
  readonly vao: WebGLVertexArrayObject;
  private readonly positions: WebGLBuffer;
  private readonly colors: WebGLBuffer;
  count = 0;

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.vao = gl.createVertexArray()!;
    this.positions = gl.createBuffer()!;
    this.colors = gl.createBuffer()!;
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positions);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.colors);
    gl.enableVertexAttribArray(1);
    gl.vertexAttribPointer(1, 4, gl.UNSIGNED_BYTE, true, 0, 0);
    gl.bindVertexArray(null);
  }

  /** @param positions  x0, y0, x1, y1, …  @param colors  r, g, b, a per point (0..255) */
  set(positions: Float32Array, colors: Uint8Array): void {
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positions);
    gl.bufferData(gl.ARRAY_BUFFER, positions, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.colors);
    gl.bufferData(gl.ARRAY_BUFFER, colors, gl.STATIC_DRAW);
    this.count = positions.length / 2;
  }
}

export function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`map: shader does not compile: ${gl.getShaderInfoLog(shader)}`);
  }
  return shader;
}

export function link(gl: WebGL2RenderingContext, vertexShader: string, fragmentShader: string): WebGLProgram {
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertexShader));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragmentShader));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`map: shader program does not link: ${gl.getProgramInfoLog(program)}`);
  }
  return program;
}

const UNIFORMS = ['uCenter', 'uScale', 'uViewport', 'uSize', 'uAlpha', 'uRingColor', 'uRingWidth'] as const;

export class PointRenderer {
  readonly gl: WebGL2RenderingContext;
  private readonly program: WebGLProgram;
  private readonly uniforms: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null>;
  private readonly maxPointSize: number;

  /** Throws when WebGL 2 is unavailable. */
  constructor(readonly canvas: HTMLCanvasElement, private readonly background: readonly [number, number, number]) {
    const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, premultipliedAlpha: false });
    if (!gl) throw new Error('map: this browser cannot start WebGL 2');
    this.gl = gl;
    this.program = link(gl, VERTEX_SHADER, FRAGMENT_SHADER);
    this.uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(this.program, name)])) as PointRenderer['uniforms'];
    this.maxPointSize = (gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array)[1] || 64;
  }

  createLayer(): PointLayer {
    return new PointLayer(this.gl);
  }

  /** Clear the bound framebuffer, `width`×`height` device px, to the background. */
  clear(width: number, height: number): void {
    const gl = this.gl;
    const [r, g, b] = this.background;
    gl.viewport(0, 0, width, height);
    gl.clearColor(r / 255, g / 255, b / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }

  /**
   * Draw the layers in order into the bound framebuffer (its viewport already
   * set), seen by `camera` over `view` CSS px; `dpr` maps CSS to device pixels.
   */
  drawLayers(camera: Camera, view: Viewport, dpr: number, layers: readonly LayerDraw[]): void {
    const { gl, uniforms: u } = this;
    gl.enable(gl.BLEND);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.useProgram(this.program);
    gl.uniform2f(u.uCenter, camera.cx, camera.cy);
    gl.uniform1f(u.uScale, camera.scale);
    gl.uniform2f(u.uViewport, view.width, view.height);
    for (const [layer, style, range] of layers) {
      const [first, count] = range ? [range.first, range.count] : [0, layer.count];
      if (count <= 0) continue;
      gl.uniform1f(u.uSize, Math.min(style.size * dpr, this.maxPointSize));
      gl.uniform1f(u.uAlpha, style.alpha);
      gl.uniform4fv(u.uRingColor, style.ringColor ?? [1, 1, 1, 1]);
      gl.uniform1f(u.uRingWidth, style.ringWidth ?? 0);
      gl.bindVertexArray(layer.vao);
      gl.drawArrays(gl.POINTS, first, count);
    }
    gl.bindVertexArray(null);
  }
}
