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
    // auth sends SMS codes: its SDK is a lazy file beside index.js, loaded by the first send
    expect(built.find((b) => b.name === 'auth')!.lazy.map((l) => l.path)).toEqual(['lazy/tencentcloud-sms.js']);
    expect(built.find((b) => b.name === 'auth')!.packages).not.toContain('tencentcloud-sdk-nodejs-sms');
    expect(built.find((b) => b.name === 'records')!.lazy).toEqual([]);
    expect(built.find((b) => b.name === 'payNotify')!.lazy.map((l) => l.path)).toEqual(['lazy/wechatpay-node-v3.js']);
    // admin also sends the invitation SMS of manual activation: the SMS SDK loads on its first send only
    expect(built.find((b) => b.name === 'admin')!.lazy.map((l) => l.path).sort()).toEqual(['lazy/tencentcloud-sms.js', 'lazy/wechatpay-node-v3.js']);
    for (const b of built) for (const l of b.lazy) expect(readFileSync(join(out, b.name, l.path)).length).toBe(l.bytes);
  });

  it('then every index.js, what a cold start loads, is at most 500 KB', () => {
    for (const b of built) expect({ name: b.name, bytes: b.bytes, lean: b.bytes <= 500 * 1024 }).toMatchObject({ name: b.name, lean: true });
  });

  it('then a function whose code calls a WeChat open API ships config.json declaring it, and no other function has one', () => {
    for (const b of built) {
      const file = join(out, b.name, 'config.json');
      if (!b.openapi.length) {
        expect(existsSync(file)).toBe(false);
        continue;
      }
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ permissions: { openapi: b.openapi } });
    }
    // auth.bindPhone and registration's mobile proof exchange getPhoneNumber codes
    for (const name of ['auth', 'registration']) expect(built.find((b) => b.name === name)!.openapi).toContain('phonenumber.getPhoneNumber');
    // approval, rejection and service-request messages
    for (const name of ['admin', 'records']) expect(built.find((b) => b.name === name)!.openapi).toContain('subscribeMessage.send');
    expect(built.find((b) => b.name === 'payNotify')!.openapi).toEqual([]);
  });

  it('then the bundle is CommonJS exporting main, as CloudBase requires index.main', () => {
    const code = readFileSync(join(out, 'auth', 'index.js'), 'utf8');
    expect(code).toMatch(/module\.exports\s*=/);
    expect(code).not.toMatch(/require\("(?:\.\.\/|\.\/(?!lazy\/)|@cloudbase|tencentcloud|wechatpay)/);
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
