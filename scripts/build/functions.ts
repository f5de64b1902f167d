/**
 * Bundles each cloud function (`cloudfunctions/functions/<name>/index.ts`) with the core, the adapters and
 * the SDKs into its own CloudBase deploy folder `dist/functions/<name>/` (index.js exporting `main`,
 * package.json, index.js.LEGAL.txt with the bundled packages' licence comments).
 *
 * Lean (issue 14): index.js holds what every invocation may need and stays under 500 KB. Parts of the
 * SDK's tree no function reaches are stubbed out (stubs.ts STUBS); the WeChat Pay and SMS SDKs are bundled
 * into `lazy/*.js` beside it and required on first use (stubs.ts LAZY_PACKAGES). config.json carries the
 * WeChat open APIs the function calls (openapi.ts).
 *
 * Bundle or externalise? Everything is bundled, so every package.json has no dependencies and CloudBase
 * installs nothing at deploy time. `npm run bench functions` measures it: a bundle (~2.1 MB, 97 packages,
 * @cloudbase/node-sdk among them) loads in 0.6–0.8× the time of the same code transpiled file by file
 * with its ~470 files read from node_modules; @cloudbase/node-sdk alone, loaded from node_modules, took
 * about as long as a whole bundle without the other SDKs. Externalising the SDK would therefore not
 * shorten cold starts; it would add the cloud `npm install` (slow, networked, versions resolved at deploy
 * time instead of from our lockfile). Native addons cannot be bundled; none may reach a function
 * (better-sqlite3 is the local runtime's store), and the build fails if one does. EXTERNAL is where a package would go if that ever changed: it is then
 * listed in the function's package.json at the exact version of package-lock.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { settingsFor } from '../deploy/functions';
import { functionConfigJson, openApisOf } from './openapi';
import { LAZY_PARTS, lazyFile, lazyPlugin, stubPlugin, type LazyPart } from './stubs';

export const FUNCTIONS_SRC = 'cloudfunctions/functions';
export const FUNCTIONS_OUT = 'dist/functions';
/** CloudBase runtime `Nodejs20.19` */
export const NODE_TARGET = 'node20';
export const EXTERNAL: readonly string[] = [];
/** Packages that must never be inside a function bundle. */
const FORBIDDEN = ['better-sqlite3'];
/** CloudBase function names: a letter, then letters, digits, `-` or `_`, at most 60. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export interface BundledFile {
  /** relative to the function's folder */
  path: string;
  bytes: number;
}

export interface BundleResult {
  name: string;
  /** the function's deploy folder */
  dir: string;
  files: BundledFile[];
  /** bytes of index.js (what every cold start loads) */
  bytes: number;
  /** the lazily required package bundles (`lazy/*.js`), loaded only by the calls that need them */
  lazy: BundledFile[];
  /** WeChat open APIs it calls or declares (config.json `permissions.openapi`) */
  openapi: string[];
  /** npm packages inside the bundle */
  packages: string[];
  /** the function's package.json `dependencies` (externals at their locked versions) */
  dependencies: Record<string, string>;
  warnings: string[];
}

/** Every folder of cloudfunctions/functions with an index.ts is a function. */
export function discoverFunctions(root: string): string[] {
  const dir = join(root, FUNCTIONS_SRC);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
  const bad = names.filter((n) => !NAME.test(n));
  if (bad.length) throw new Error(`not valid CloudBase function names: ${bad.join(', ')}`);
  return names;
}

function lockedVersion(root: string, pkg: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const version = lock.packages?.[`node_modules/${pkg}`]?.version;
  if (!version) throw new Error(`${pkg} is external but not in package-lock.json`);
  return version;
}

const packageOf = (input: string): string | undefined => {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.split(sep).join('/'));
  return m?.[1];
};

export function functionPackageJson(root: string, name: string, dependencies: Record<string, string>): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const pkg = {
    name: `hulian-fn-${name.toLowerCase()}`,
    version,
    private: true,
    description: `Hulian cloud function "${name}", bundled by scripts/build-functions.ts. Do not edit: rebuild.`,
    main: 'index.js',
    engines: { node: '>=20' },
    dependencies,
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * One esbuild run for all functions (shared modules are parsed once), one output folder per function.
 * Each function's bundle holds only what its own index.ts reaches.
 */
export async function bundleFunctions(root: string, names: readonly string[], opts: { outDir: string; write: boolean }): Promise<BundleResult[]> {
  if (!names.length) return [];
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(names.map((n) => [`${n}/index`, join(root, FUNCTIONS_SRC, n, 'index.ts')])),
    outdir: opts.outDir,
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    // CloudBase loads `index.main` with require()
    format: 'cjs',
    minify: true,
    // readable function names in the stack traces the `internal` error log keeps
    keepNames: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...EXTERNAL],
    plugins: [stubPlugin(), lazyPlugin()],
    metafile: true,
    write: opts.write,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs).map(([path, o]) => ({ abs: resolve(root, path), o }));
  const lazyBuilt = new Map<string, Promise<Uint8Array>>();
  const lazyCode = (part: LazyPart) => {
    if (!lazyBuilt.has(part.name)) lazyBuilt.set(part.name, bundleLazy(root, part.entry));
    return lazyBuilt.get(part.name)!;
  };
  return Promise.all(names.map(async (name) => {
    const dir = resolve(opts.outDir, name);
    const mine = outputs.filter((x) => x.abs.startsWith(dir + sep));
    const main = mine.find((x) => x.abs === join(dir, 'index.js'));
    if (!main) throw new Error(`esbuild produced no index.js for ${name}`);
    const inputs = Object.keys(main.o.inputs);
    const native = inputs.filter((f) => f.endsWith('.node'));
    const packages = [...new Set(inputs.map(packageOf).filter((p): p is string => !!p))].sort();
    const forbidden = packages.filter((p) => FORBIDDEN.includes(p));
    if (native.length || forbidden.length) throw new Error(`function ${name} would bundle ${[...native, ...forbidden].join(', ')}: native/local-only code cannot run on CloudBase`);
    const used = EXTERNAL.filter((e) => main.o.imports.some((i) => i.external && (i.path === e || i.path.startsWith(`${e}/`))));
    const dependencies = Object.fromEntries(used.map((e) => [e, lockedVersion(root, e)]));
    const pkgJson = functionPackageJson(root, name, dependencies);
    if (opts.write) writeFileSync(join(dir, 'package.json'), pkgJson);
    const files: BundledFile[] = mine.map((x) => ({ path: relative(dir, x.abs), bytes: x.o.bytes }));
    files.push({ path: 'package.json', bytes: Buffer.byteLength(pkgJson) });
    const lazy: BundledFile[] = [];
    for (const part of LAZY_PARTS.filter((p) => main.o.imports.some((i) => i.external && i.path === `./${lazyFile(p)}`))) {
      const code = await lazyCode(part);
      if (opts.write) {
        mkdirSync(join(dir, 'lazy'), { recursive: true });
        writeFileSync(join(dir, lazyFile(part)), code);
      }
      lazy.push({ path: lazyFile(part), bytes: code.length });
    }
    const openapi = [...new Set([...openApisOf(root, main.o.inputs), ...(settingsFor(name).settings.openapi ?? [])])].sort();
    if (openapi.length) {
      const config = functionConfigJson(openapi);
      if (opts.write) writeFileSync(join(dir, 'config.json'), config);
      files.push({ path: 'config.json', bytes: Buffer.byteLength(config) });
    }
    files.push(...lazy);
    files.sort((a, b) => a.path.localeCompare(b.path));
    return { name, dir, files, bytes: main.o.bytes, lazy, openapi, packages, dependencies, warnings: result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`) };
  }));
}

/** One lazily required part, bundled on its own (CommonJS, its dependencies inside). */
async function bundleLazy(root: string, entry: string): Promise<Uint8Array> {
  const r = await esbuild.build({
    absWorkingDir: root,
    stdin: { contents: `module.exports = require(${JSON.stringify(entry)});`, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0].contents;
}

export interface BuildOptions {
  root: string;
  /** default dist/functions */
  outDir?: string;
  /** false: bundle in memory only (sizes and contents, nothing written) */
  write?: boolean;
}

/** Bundles every discovered function; a written build first empties the output folder. */
export async function buildFunctions(opts: BuildOptions): Promise<BundleResult[]> {
  const root = resolve(opts.root);
  const outDir = resolve(root, opts.outDir ?? FUNCTIONS_OUT);
  const write = opts.write ?? true;
  const names = discoverFunctions(root);
  if (write) {
    if (root === outDir || root.startsWith(outDir + sep)) throw new Error(`refusing to empty ${outDir}: it contains the repository`);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  }
  return bundleFunctions(root, names, { outDir, write });
}
