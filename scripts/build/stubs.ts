/**
 * Parts of @cloudbase/node-sdk's dependency tree a Hulian function never reaches, left out of the bundles
 * (DESIGN §7: the SDK alone is ~1.0 MB minified). Each is replaced by a stub that loads as an empty module
 * and refuses when used: calling anything it exports throws and records the hit in
 * `globalThis.__hulianStubHits`, so a wrong guess fails loudly (test/deploy/functions-on-cloudbase.test.ts
 * asserts no function hits one).
 *
 * Why each is unreachable:
 * - node-sdk `./ai` (@cloudbase/ai, @cloudbase/app, adapter-wx_mp, web-streams-polyfill): `app.ai()` only;
 * - node-sdk `./storage` (xml2js, xmlbuilder, sax): cloud storage calls; Hulian stores no files;
 * - form-data (and mime-types): multipart uploads, storage only;
 * - jsonwebtoken: `auth().createTicket()` (custom login); Hulian signs its own tokens;
 * - axios (and follow-redirects): the SDK's metadata probe, which runs only off Tencent Cloud (CloudBase
 *   sets TENCENTCLOUD_RUNENV=SCF), and the `requestClient` shim for CloudBase extensions;
 * - @cloudbase/wx-cloud-client-sdk: data models (`app.models`) and MySQL; `init` builds their clients
 *   eagerly, so its stub hands back clients that refuse when used.
 */
import type { Plugin } from 'esbuild';

export interface Stub {
  name: string;
  /** the specifier as written in the requiring file */
  filter: RegExp;
  /** only when required from a file matching this */
  importer?: RegExp;
  /** exports that are factories called at load: they return a refusing object instead of refusing */
  factories?: string[];
}

export const STUBS: readonly Stub[] = [
  { name: '@cloudbase/node-sdk ai', filter: /^\.\/ai$/, importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/ },
  { name: '@cloudbase/node-sdk storage', filter: /^\.\/storage$/, importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/ },
  { name: 'form-data', filter: /^form-data$/ },
  { name: 'jsonwebtoken', filter: /^jsonwebtoken$/ },
  { name: 'axios', filter: /^axios$/, importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]/ },
  { name: '@cloudbase/wx-cloud-client-sdk', filter: /^@cloudbase\/wx-cloud-client-sdk$/, factories: ['generateHTTPClient', 'generateMySQLClient'] },
];

const stubSource = (s: Stub) => `"use strict";
const name = ${JSON.stringify(s.name)};
function refuse() {
  (globalThis.__hulianStubHits = globalThis.__hulianStubHits || []).push(name);
  throw new Error(name + " is not in this function bundle (scripts/build/stubs.ts): it was thought unreachable");
}
const refusing = new Proxy(function () {}, {
  get(_t, key) { return key === "__esModule" || typeof key === "symbol" ? undefined : refusing; },
  apply: refuse,
  construct: refuse,
});
module.exports = ${s.factories ? `{ ${s.factories.map((f) => `${f}: () => refusing`).join(', ')} }` : 'refusing'};
`;

export function stubPlugin(stubs: readonly Stub[] = STUBS): Plugin {
  return {
    name: 'hulian-stubs',
    setup(build) {
      stubs.forEach((s, i) => {
        build.onResolve({ filter: s.filter }, (args) => (!s.importer || s.importer.test(args.importer) ? { path: String(i), namespace: 'hulian-stub' } : undefined));
      });
      build.onLoad({ filter: /.*/, namespace: 'hulian-stub' }, (args) => ({ contents: stubSource(stubs[Number(args.path)]), loader: 'js' }));
    },
  };
}

/**
 * Code only some calls need, each bundled into its own file beside index.js (`lazy/<name>.js`) and
 * required when first used: WeChat Pay's SDK when an order or notification is handled, Tencent Cloud's
 * SMS SDK when a code is sent, the 230 KB registry sample when `HULIAN_REGISTRY=sample`. The code that
 * requires them already does so lazily (wxpay/index.ts, production-ports.ts, registry/index.ts); this
 * keeps their bytes out of every cold start. A lazy file must not share classes with index.js (an
 * `instanceof AppError` would fail across the two): third-party packages, and our own data-only modules.
 */
export interface LazyPart {
  name: string;
  /** what the requiring file writes */
  specifier: string;
  /** only when required (not imported) from a file matching this */
  importer?: RegExp;
  /** the entry bundled into lazy/<name>.js: a package specifier or a path from the repository root */
  entry: string;
}

export const LAZY_PARTS: readonly LazyPart[] = [
  { name: 'wechatpay-node-v3', specifier: 'wechatpay-node-v3', entry: 'wechatpay-node-v3' },
  { name: 'tencentcloud-sms', specifier: 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client', entry: 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client' },
  { name: 'registry-sample', specifier: './local', importer: /adapters[\\/]registry[\\/]index\.ts$/, entry: './cloudfunctions/adapters/registry/local.ts' },
];

export const lazyFile = (part: LazyPart) => `lazy/${part.name}.js`;

export function lazyPlugin(parts: readonly LazyPart[] = LAZY_PARTS): Plugin {
  return {
    name: 'hulian-lazy',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const part = parts.find((p) => p.specifier === args.path && (!p.importer || (p.importer.test(args.importer) && args.kind === 'require-call')));
        return part ? { path: `./${lazyFile(part)}`, external: true } : undefined;
      });
    },
  };
}
