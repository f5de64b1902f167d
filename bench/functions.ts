/**
 * Per cloud function: bundle bytes and cold `require` time of dist-style bundles, against the same code
 * unbundled, measured in the same run.
 *
 * Baseline ("unbundled"): every cloudfunctions/**\/*.ts transpiled file by file by esbuild (no bundling,
 * no type check — so the transpiler's own cost is not counted), required from a tree inside the repository
 * so that packages load from node_modules, as a function deployed with `npm install` would.
 * Cold: each sample is a fresh `node` process that requires index.js once; bundle and tree alternate,
 * median of RUNS. Bytes: the bundle's index.js against every file the unbundled load read (require.cache).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { buildFunctions } from '../scripts/build/functions';
import { fmtBytes, fmtRatio, type BenchRow } from './table';

const RUNS = 7;

interface Load {
  ms: number;
  files: number;
  bytes: number;
}

const PROBE = `
const t = process.hrtime.bigint();
const m = require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - t) / 1e6;
if (typeof m.main !== 'function') throw new Error('no main');
const fs = require('fs');
const files = Object.keys(require.cache);
let bytes = 0;
for (const f of files) bytes += fs.statSync(f).size;
process.stdout.write(JSON.stringify({ ms, files: files.length, bytes }));
`;

function coldLoad(file: string): Load {
  // nothing from the bench's own environment but PATH; the SDK must not probe a metadata host
  const out = execFileSync(process.execPath, ['-e', PROBE, file], { env: { PATH: process.env['PATH'] ?? '', TENCENTCLOUD: 'true', NODE_ENV: 'production' } });
  return JSON.parse(out.toString()) as Load;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? files(f) : [f];
  });
}

const isTs = (f: string) => f.endsWith('.ts') && !f.endsWith('.d.ts');

export async function functionsBench(root: string): Promise<BenchRow[]> {
  const work = join(root, '.bench-data', 'functions');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const bundles = await buildFunctions({ root, outDir: join(work, 'bundled') });
    // the unbundled tree: same sources, same target, one .js per .ts, packages from node_modules
    const sources = files(join(root, 'cloudfunctions'));
    // data files (e.g. JSON) the code requires sit beside it, as in the repository
    for (const f of sources.filter((x) => !isTs(x) && !x.endsWith('.d.ts'))) {
      const to = join(work, 'tree', relative(root, f));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f, to);
    }
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: sources.filter(isTs),
      outdir: join(work, 'tree'),
      outbase: root,
      bundle: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
    const rows: BenchRow[] = [];
    for (const b of bundles) {
      const bundled: Load[] = [];
      const tree: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        bundled.push(coldLoad(join(b.dir, 'index.js')));
        tree.push(coldLoad(join(work, 'tree', 'cloudfunctions', 'functions', b.name, 'index.js')));
      }
      const msB = median(bundled.map((l) => l.ms));
      const msT = median(tree.map((l) => l.ms));
      const unbundled = tree[0];
      rows.push(
        { area: 'functions', metric: `${b.name}: bundle bytes`, value: fmtBytes(b.bytes), baseline: `${fmtBytes(unbundled.bytes)} in ${unbundled.files} files (unbundled)`, ratio: fmtRatio(b.bytes, unbundled.bytes), note: `${b.packages.length} packages inside, ${bundled[0].files} file loaded` },
        { area: 'functions', metric: `${b.name}: cold require (median of ${RUNS})`, value: `${msB.toFixed(0)} ms`, baseline: `${msT.toFixed(0)} ms (esbuild-transpiled tree + node_modules)`, ratio: fmtRatio(msB, msT), note: 'fresh node process per sample' },
      );
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
