// Runs one benchmark child in its own process (so peak RSS is that engine's alone), bundled
// like dist/ (esbuild, minified CJS), and times it from spawn to exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** The children, by name: bench/children/<name>.ts → <outDir>/<name>.cjs. */
export const CHILDREN = ['retentionLens', 'duckdb', 'floor', 'bareFloor'] as const;
export type ChildName = (typeof CHILDREN)[number];

/** One child run: wall time from spawn to exit, its peak RSS, and what it wrote. */
export interface ChildRun<T> {
  wallMs: number;
  maxRssMiB: number;
  result: T;
}

/** Bundles every child into `outDir` (native DuckDB stays an external require). */
export async function buildChildren(root: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: CHILDREN.map((name) => join(root, 'bench/children', `${name}.ts`)),
    outdir: outDir, outExtension: { '.js': '.cjs' }, bundle: true, minify: true, platform: 'node', format: 'cjs',
    target: 'node20', external: ['@duckdb/node-api'], logLevel: 'warning', legalComments: 'none',
  });
}

/** Runs `<outDir>/<name>.cjs OUT.json args…` with TZ=UTC; throws with its stderr when it fails. */
export function runChild<T>(outDir: string, name: ChildName, args: string[]): ChildRun<T> {
  const out = join(outDir, `${name}-${process.pid}.json`);
  rmSync(out, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(outDir, `${name}.cjs`), out, ...args], {
    env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${name} child failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  const written = JSON.parse(readFileSync(out, 'utf8')) as { result: T; maxRssMiB: number };
  rmSync(out, { force: true });
  return { wallMs, maxRssMiB: written.maxRssMiB, result: written.result };
}
