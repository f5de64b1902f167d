/**
 * Which variables each function reads, derived from the code the build put in its deploy folder (index.js
 * and its lazy files): every string or property name with one of our prefixes (HULIAN_, WXPAY_,
 * TENCENT_SMS_) — how the config readers name what they read from process.env. CloudBase REPLACES a
 * function's whole set of variables on update, so the plan must give each function every one of them
 * (or the secrets collection must hold it): a name missing here is a function that silently loses its
 * configuration at the next deploy.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFunctions, type BundleResult } from '../../scripts/build/functions';
import { settingsFor } from '../../scripts/deploy/functions';
import { OA_ENV } from '../../cloudfunctions/adapters/wechat/oa-config';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
const NAME = /["'`.]((?:HULIAN|WXPAY|TENCENT_SMS|WECHAT)_[A-Z0-9_]*[A-Z0-9])\b/g;
/** names in the bundles that are not variables of a deployed function: set in the Official Account's admin */
const NOT_VARIABLES = new Set<string>([OA_ENV.portalDomain]);
/**
 * Read by every function's runtime (adapters/cloudbase/runtime.ts) but given only where oa-config.ts
 * OA_DEPLOY says: elsewhere an Official Account code is refused, by design.
 */
const OA_BY_DESIGN = new Set<string>([OA_ENV.appid, OA_ENV.secret, OA_ENV.apiBase]);

let out: string;
let built: BundleResult[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'hulian-envscan-'));
  built = await buildFunctions({ root: ROOT, outDir: out });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** the variable names a function's code mentions */
function namesRead(b: BundleResult): string[] {
  const text = ['index.js', ...b.lazy.map((l) => l.path)].map((f) => readFileSync(join(out, b.name, f), 'utf8')).join('\n');
  return [...new Set([...text.matchAll(NAME)].map((m) => m[1]))].filter((n) => !NOT_VARIABLES.has(n)).sort();
}

describe('variables a function reads (derived from its bundle) against the deploy settings', () => {
  it('given every function, then the plan sets or stores every variable its code reads', () => {
    for (const b of built) {
      const planned = new Set(settingsFor(b.name).settings.env.map((v) => v.name));
      const missing = namesRead(b).filter((n) => !planned.has(n) && !OA_BY_DESIGN.has(n));
      expect({ function: b.name, missing }).toEqual({ function: b.name, missing: [] });
    }
  });

  it('then the derivation sees what it must: the registry for registration, SMS for auth, WeChat Pay for admin and payNotify', () => {
    const read = (name: string) => namesRead(built.find((b) => b.name === name)!);
    expect(read('registration')).toEqual(expect.arrayContaining(['HULIAN_REGISTRY_URL', 'HULIAN_REGISTRY_KEY', 'HULIAN_REGISTRY_TIMEOUT_MS', 'HULIAN_REGISTRY', 'HULIAN_SECRET']));
    expect(read('auth')).toEqual(expect.arrayContaining(['TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_TEMPLATE_REGISTER', 'HULIAN_SECRET']));
    for (const name of ['admin', 'payNotify']) expect(read(name)).toEqual(expect.arrayContaining(['WXPAY_MCHID', 'WXPAY_PRIVATE_KEY', 'WXPAY_NOTIFY_URL']));
    // functions that never send SMS do not carry its configuration
    expect(read('records')).not.toContain('TENCENT_SMS_SDK_APP_ID');
    expect(settingsFor('auth').settings.env.map((v) => v.name)).toEqual(expect.arrayContaining([OA_ENV.appid, OA_ENV.secret]));
  });

  it('then the settings give no function a variable its code never reads (an unread secret is only exposure)', () => {
    for (const b of built) {
      const read = new Set(namesRead(b));
      const unread = settingsFor(b.name).settings.env.map((v) => v.name).filter((n) => !read.has(n));
      expect({ function: b.name, unread }).toEqual({ function: b.name, unread: [] });
    }
  });
});
