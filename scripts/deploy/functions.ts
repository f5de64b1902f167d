/**
 * How each cloud function is deployed: timeout, memory, HTTP access path and the environment variables it
 * gets. Functions are discovered (scripts/build/functions.ts); one without an entry here is deployed with
 * DEFAULT_SETTINGS and the plan says so. Variable values are never here: they are read from the
 * deployer's environment when `npm run deploy` runs.
 */
import { TENCENT_SMS_VARIABLES } from '../../cloudfunctions/adapters/sms/tencent-config';
import { OA_DEPLOY, OA_ENV } from '../../cloudfunctions/adapters/wechat/oa-config';

/** The CloudBase Node runtime the bundles target (scripts/build/functions.ts NODE_TARGET). */
export const RUNTIME = 'Nodejs20.19';

export interface EnvVarSpec {
  name: string;
  /** deploy refuses to run while it is unset (and cannot be derived) */
  required: boolean;
  /** a secret: its value is only ever handed to CloudBase */
  secret: boolean;
  meaning: string;
  /** filled in at deploy time from the environment's domains when unset */
  derived?: 'pay-notify-url' | 'console-origin';
  /** variables validated together (WeChat Pay: all or none) */
  group?: 'pay';
  /** a PEM that may instead be given as a file on the deployer's machine (`<NAME>_FILE`) */
  file?: true;
  /**
   * `secrets`: too large for SCF's 4 KB of variables (PEMs), so it travels in the ADMINONLY `secrets`
   * collection that the function reads at run time (adapters/cloudbase/secrets.ts), never as a variable
   */
  store?: 'secrets';
}

export interface FunctionSettings {
  /** seconds */
  timeout: number;
  /** MB */
  memorySize: number;
  /** path on the environment's HTTP access domain; none = only callable from the mini program */
  httpPath?: string;
  env: EnvVarSpec[];
  /**
   * WeChat open APIs the function may call (config.json `permissions.openapi`), besides those the build
   * derives from the code it bundles (scripts/build/openapi.ts): subscribe messages are declared ahead of
   * their call sites so that adding one never meets errcode -604101 in production
   */
  openapi?: string[];
}

const CORE: EnvVarSpec[] = [
  { name: 'HULIAN_SECRET', required: true, secret: true, meaning: 'signs session and admin tokens and keys HMACs; 32+ characters, the same for every function' },
];

const SMS: EnvVarSpec[] = TENCENT_SMS_VARIABLES.map((v) => ({ name: v.name, required: v.required, secret: v.secret, meaning: v.meaning }));

/** cloudfunctions/adapters/wxpay/config.ts; without them licence purchases answer `pay/unavailable`. */
const PAY: EnvVarSpec[] = [
  { name: 'WXPAY_MCHID', required: false, secret: false, meaning: 'merchant id', group: 'pay' },
  { name: 'WXPAY_APPID', required: false, secret: false, meaning: 'app id orders are placed for', group: 'pay' },
  { name: 'WXPAY_PRIVATE_KEY', required: false, secret: true, meaning: 'merchant API private key (apiclient_key.pem, one line with \\n)', group: 'pay', file: true, store: 'secrets' },
  { name: 'WXPAY_CERT', required: false, secret: false, meaning: 'merchant API certificate (apiclient_cert.pem)', group: 'pay', file: true, store: 'secrets' },
  { name: 'WXPAY_APIV3_KEY', required: false, secret: true, meaning: 'APIv3 key (32 bytes)', group: 'pay' },
  { name: 'WXPAY_PLATFORM_CERT', required: false, secret: false, meaning: 'WeChat Pay platform certificate(s)', group: 'pay', file: true, store: 'secrets' },
  { name: 'WXPAY_PUBLIC_KEY', required: false, secret: false, meaning: 'WeChat Pay public key (instead of / besides platform certificates)', group: 'pay', file: true, store: 'secrets' },
  { name: 'WXPAY_PUBLIC_KEY_ID', required: false, secret: false, meaning: 'its id (PUB_KEY_ID_…)', group: 'pay' },
  { name: 'WXPAY_NOTIFY_URL', required: false, secret: false, meaning: 'public address of payNotify', derived: 'pay-notify-url', group: 'pay' },
];

/** cloudfunctions/adapters/registry/index.ts; without them registry look-ups answer `registry/unavailable`. */
const REGISTRY: EnvVarSpec[] = [
  { name: 'HULIAN_REGISTRY_URL', required: false, secret: false, meaning: 'base URL of the company registry provider (HTTP)' },
  { name: 'HULIAN_REGISTRY_KEY', required: false, secret: true, meaning: "the provider's API key" },
  { name: 'HULIAN_REGISTRY_TIMEOUT_MS', required: false, secret: false, meaning: 'timeout of one look-up (default 5000)' },
  { name: 'HULIAN_REGISTRY', required: false, secret: false, meaning: '`sample`: the bundled synthetic registry (demos only)' },
];

/** The Official Account portal (adapters/wechat/oa-config.ts OA_DEPLOY): only the functions it names get them. */
const OA_MEANING: Record<string, string> = {
  [OA_ENV.appid]: "the Official Account's AppID",
  [OA_ENV.secret]: 'its AppSecret (only api.weixin.qq.com ever sees it)',
  [OA_ENV.apiBase]: "another base URL for WeChat's API (default https://api.weixin.qq.com)",
};
const oaFor = (fn: keyof typeof OA_DEPLOY.functionEnv): EnvVarSpec[] =>
  OA_DEPLOY.functionEnv[fn].map((name) => ({ name, required: false, secret: name === OA_ENV.secret, meaning: OA_MEANING[name] ?? name }));

const CONSOLE: EnvVarSpec[] = [
  { name: 'HULIAN_CONSOLE_ORIGINS', required: false, secret: false, meaning: 'origins allowed to call admin from a browser (CORS)', derived: 'console-origin' },
];

export const PAY_NOTIFY_PATH = '/pay/notify';
export const ADMIN_PATH = '/admin';

/** WeChat subscribe messages (approval, rejection, service requests): issue 15's call sites */
const SUBSCRIBE = 'subscribeMessage.send';

export const FUNCTION_SETTINGS: Readonly<Record<string, FunctionSettings>> = {
  // login, SMS codes (one call to Tencent Cloud SMS)
  auth: { timeout: 10, memorySize: 256, env: [...CORE, ...SMS, ...oaFor('auth')] },
  records: { timeout: 10, memorySize: 256, env: [...CORE, ...oaFor('records')], openapi: [SUBSCRIBE] },
  // Account/Contact matching and one transaction, registry look-ups
  registration: { timeout: 20, memorySize: 256, env: [...CORE, ...REGISTRY, ...oaFor('registration')] },
  // the console: bulk activation, order creation at WeChat Pay; scrypt password checks
  // and the SMS invitation manual activation sends each new user's Contact
  admin: { timeout: 30, memorySize: 256, httpPath: ADMIN_PATH, env: [...CORE, ...PAY, ...SMS, ...CONSOLE], openapi: [SUBSCRIBE] },
  // WeChat Pay waits 5 s for an answer and retries; crediting seats is one transaction
  payNotify: { timeout: 10, memorySize: 256, httpPath: PAY_NOTIFY_PATH, env: [...CORE, ...PAY] },
};

export const DEFAULT_SETTINGS: FunctionSettings = { timeout: 20, memorySize: 256, env: CORE };

export function settingsFor(name: string): { settings: FunctionSettings; known: boolean } {
  const known = Object.prototype.hasOwnProperty.call(FUNCTION_SETTINGS, name);
  return { settings: known ? FUNCTION_SETTINGS[name] : DEFAULT_SETTINGS, known };
}
