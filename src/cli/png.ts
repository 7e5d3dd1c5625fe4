// --png: the chart SVG rasterised by resvg compiled to WebAssembly (@resvg/resvg-wasm), an
// optional dependency loaded only when asked for, so the CLI and its bundle work without it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface FontOptions {
  fontBuffers: Uint8Array[];
  defaultFontFamily?: string;
  sansSerifFamily?: string;
}

/** The part of @resvg/resvg-wasm's API used here. */
interface ResvgModule {
  initWasm(module: BufferSource): Promise<void>;
  Resvg: new (svg: string, options?: { font?: FontOptions; fitTo?: { mode: 'zoom'; value: number } }) => {
    render(): { asPng(): Uint8Array };
  };
}

const PACKAGE = '@resvg/resvg-wasm';

/**
 * Fonts to draw the labels with: the wasm build cannot see system fonts, so their files are read
 * here. The first family found is used for every text; without any, the PNG has lines but no text.
 */
const FONT_FILES: [path: string, family: string][] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'DejaVu Sans'],
  ['/usr/share/fonts/TTF/DejaVuSans.ttf', 'DejaVu Sans'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', 'DejaVu Sans'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 'Liberation Sans'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', 'Arial'],
  ['/Library/Fonts/Arial.ttf', 'Arial'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'Arial'],
];

let ready: Promise<ResvgModule> | null = null;

function load(): Promise<ResvgModule> {
  ready ??= (async () => {
    // A computed require keeps esbuild from bundling (or demanding) the optional package.
    const req = createRequire(__filename);
    let mod: ResvgModule;
    try {
      mod = req(PACKAGE) as ResvgModule;
    } catch {
      throw new Error(`--png needs the ${PACKAGE} package (npm install ${PACKAGE}); --svg works without it`);
    }
    await mod.initWasm(readFileSync(req.resolve(`${PACKAGE}/index_bg.wasm`)));
    return mod;
  })();
  return ready;
}

/** The first font of FONT_FILES found on this machine, as the family every text falls back to. */
export function systemFont(): FontOptions {
  const found = FONT_FILES.find(([path]) => existsSync(path));
  if (!found) return { fontBuffers: [] };
  return { fontBuffers: [readFileSync(found[0])], defaultFontFamily: found[1], sansSerifFamily: found[1] };
}

/** Renders an SVG to PNG bytes at twice its size (sharp on high-density screens and in slides). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await load();
  const font = systemFont();
  if (font.fontBuffers.length === 0) process.stderr.write('  --png: no system font found (DejaVu Sans, Liberation Sans, Arial); the PNG has no text\n');
  return new Resvg(svg, { font, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
}
