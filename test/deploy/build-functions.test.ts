/**
 * `npm run build:functions`: one deploy folder per discovered function, everything bundled (no runtime
 * dependencies to install), nothing native or local-only inside, and the CloudBase configuration files
 * pointing at that output.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFunctions, discoverFunctions, FUNCTIONS_OUT, type BundleResult } from '../../scripts/build/functions';
import { RUNTIME, settingsFor } from '../../scripts/deploy/functions';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
let out: string;
let built: BundleResult[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'hulian-build-'));
  built = await buildFunctions({ root: ROOT, outDir: out });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build:functions', () => {
  it('given the functions folder, then every folder with an index.ts is built, each into its own folder', () => {
    const names = discoverFunctions(ROOT);
    expect(names).toEqual(expect.arrayContaining(['admin', 'auth', 'records']));
    expect(names).not.toContain('shared');
    expect(built.map((b) => b.name)).toEqual(names);
    for (const name of names) {
      for (const file of ['index.js', 'index.js.LEGAL.txt', 'package.json']) expect(existsSync(join(out, name, file))).toBe(true);
    }
  });

  it('then each package.json names index.js and has no dependencies: the SDKs are inside the bundle', () => {
    for (const b of built) {
      const pkg = JSON.parse(readFileSync(join(out, b.name, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ main: 'index.js', private: true, dependencies: {} });
      expect(b.packages).toEqual(expect.arrayContaining(['@cloudbase/node-sdk']));
      expect(b.packages).not.toContain('better-sqlite3');
      expect(b.bytes).toBe(readFileSync(join(out, b.name, 'index.js')).length);
    }
    expect(built.find((b) => b.name === 'auth')!.packages).toContain('tencentcloud-sdk-nodejs-sms');
  });

  it('then the bundle is CommonJS exporting main, as CloudBase requires index.main', () => {
    const code = readFileSync(join(out, 'auth', 'index.js'), 'utf8');
    expect(code).toMatch(/module\.exports\s*=/);
    expect(code).not.toMatch(/require\("(?:\.\.?\/|@cloudbase|tencentcloud|wechatpay)/);
  });

  it('given a function that reaches a native, local-only package, then the build refuses it', async () => {
    const fake = mkdtempSync(join(tmpdir(), 'hulian-badfn-'));
    try {
      for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, f), join(fake, f));
      symlinkSync(join(ROOT, 'node_modules'), join(fake, 'node_modules'), 'dir');
      mkdirSync(join(fake, 'cloudfunctions/functions/local'), { recursive: true });
      writeFileSync(join(fake, 'cloudfunctions/functions/local/index.ts'), "import Database from 'better-sqlite3';\nexport const main = async () => new Database(':memory:').pragma('user_version');\n");
      await expect(buildFunctions({ root: fake, write: false })).rejects.toThrow(/local would bundle better-sqlite3/);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('given cloudbaserc.json, then it points the CLI at the build output and agrees with the deploy settings', () => {
    const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'));
    expect(rc.functionRoot).toBe(`./${FUNCTIONS_OUT}`);
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    const names = discoverFunctions(ROOT);
    for (const f of rc.functions) {
      expect(names).toContain(f.name); // no stale entries (run npm run build:functions to refresh it)
      const { settings } = settingsFor(f.name);
      expect(f).toMatchObject({ handler: 'index.main', runtime: RUNTIME, timeout: settings.timeout, memorySize: settings.memorySize, installDependency: false });
      expect(f.path).toBe(settings.httpPath);
      expect(f).not.toHaveProperty('envVariables');
    }
  });

  it('given project.config.json at the repository root, then WeChat DevTools finds the weapp build and the function folders from there', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'));
    expect(project.miniprogramRoot).toBe('dist/weapp/');
    expect(project.cloudfunctionRoot).toBe(`${FUNCTIONS_OUT}/`);
  });
});
