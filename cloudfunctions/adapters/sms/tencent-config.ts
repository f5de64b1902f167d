/**
 * Configuration of the Tencent Cloud SMS adapter, from environment variables only (set per function by
 * `npm run deploy`; nothing here is committed). The names are literal so that the deploy plan can list
 * exactly what the adapter reads (scripts/deploy/functions.ts imports TENCENT_SMS_VARIABLES).
 */

type Env = Record<string, string | undefined>;

export interface SmsVariable {
  name: string;
  required: boolean;
  secret: boolean;
  meaning: string;
}

export const TENCENT_SMS_VARIABLES: readonly SmsVariable[] = [
  { name: 'TENCENT_SMS_SDK_APP_ID', required: true, secret: false, meaning: 'SmsSdkAppId of the SMS application (e.g. 1400006666)' },
  { name: 'TENCENT_SMS_SIGN_NAME', required: true, secret: false, meaning: 'approved signature text (签名内容), e.g. 互联科技' },
  { name: 'TENCENT_SMS_TEMPLATE_LOGIN', required: true, secret: false, meaning: 'template id for login codes; {1} = code, {2} = minutes valid' },
  { name: 'TENCENT_SMS_TEMPLATE_BIND', required: true, secret: false, meaning: 'template id for phone-binding codes; {1} = code, {2} = minutes' },
  { name: 'TENCENT_SMS_TEMPLATE_REGISTER', required: true, secret: false, meaning: 'template id for registration codes; {1} = code, {2} = minutes' },
  { name: 'TENCENT_SMS_TEMPLATE_INVITATION', required: false, secret: false, meaning: 'template id for activation invitations; {1} = portal name, {2} = how to open it' },
  { name: 'TENCENT_SMS_REGION', required: false, secret: false, meaning: 'API region (default ap-guangzhou)' },
  {
    name: 'TENCENT_SMS_SECRET_ID',
    required: false,
    secret: true,
    meaning: 'SecretId of a CAM user allowed only to send SMS; unset = the function role credentials CloudBase injects',
  },
  { name: 'TENCENT_SMS_SECRET_KEY', required: false, secret: true, meaning: 'its SecretKey' },
];

export interface TencentCredential {
  secretId: string;
  secretKey: string;
  token?: string;
}

export interface TencentSmsConfig {
  sdkAppId: string;
  signName: string;
  region: string;
  /** purpose (login | bind | register) → approved template id */
  templates: Readonly<Record<string, string>>;
  credential: TencentCredential;
}

/** The variables are missing or malformed: names only, never values. */
export class SmsConfigError extends Error {
  constructor(readonly missing: string[]) {
    super(`Tencent Cloud SMS is not configured: ${missing.join(', ')}`);
    this.name = 'SmsConfigError';
  }
}

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

/**
 * Reads the configuration now (the adapter calls it per message, so rotated role credentials are used
 * as soon as CloudBase replaces them). Own keys win; otherwise the function's role credentials
 * (TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN, present in every CloudBase function), which then need
 * the SMS send permission in CAM.
 */
export function tencentSmsConfigFromEnv(env: Env): TencentSmsConfig {
  const missing: string[] = [];
  const need = (name: string) => {
    const v = value(env, name);
    if (!v) missing.push(name);
    return v ?? '';
  };
  const sdkAppId = need('TENCENT_SMS_SDK_APP_ID');
  if (sdkAppId && !/^\d{5,20}$/.test(sdkAppId)) missing.push('TENCENT_SMS_SDK_APP_ID (digits)');
  const signName = need('TENCENT_SMS_SIGN_NAME');
  const templates = {
    login: need('TENCENT_SMS_TEMPLATE_LOGIN'),
    bind: need('TENCENT_SMS_TEMPLATE_BIND'),
    register: need('TENCENT_SMS_TEMPLATE_REGISTER'),
    // optional: without it activations are not announced by SMS (the send fails, is logged and retried)
    ...(value(env, 'TENCENT_SMS_TEMPLATE_INVITATION') ? { invitation: value(env, 'TENCENT_SMS_TEMPLATE_INVITATION') ?? '' } : {}),
  };
  const ownId = value(env, 'TENCENT_SMS_SECRET_ID');
  const ownKey = value(env, 'TENCENT_SMS_SECRET_KEY');
  let credential: TencentCredential | undefined;
  if (ownId || ownKey) {
    if (!ownId) missing.push('TENCENT_SMS_SECRET_ID');
    if (!ownKey) missing.push('TENCENT_SMS_SECRET_KEY');
    credential = { secretId: ownId ?? '', secretKey: ownKey ?? '' };
  } else {
    const roleId = value(env, 'TENCENTCLOUD_SECRETID');
    const roleKey = value(env, 'TENCENTCLOUD_SECRETKEY');
    if (!roleId || !roleKey) missing.push('TENCENT_SMS_SECRET_ID/TENCENT_SMS_SECRET_KEY (or the role credentials TENCENTCLOUD_SECRETID/SECRETKEY)');
    const token = value(env, 'TENCENTCLOUD_SESSIONTOKEN');
    credential = { secretId: roleId ?? '', secretKey: roleKey ?? '', ...(token ? { token } : {}) };
  }
  if (missing.length) throw new SmsConfigError(missing);
  return { sdkAppId, signName, region: value(env, 'TENCENT_SMS_REGION') ?? 'ap-guangzhou', templates, credential };
}
