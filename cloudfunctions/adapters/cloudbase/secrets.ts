/**
 * Values too large for a function's variables (SCF caps them at 4 KB in total: WeChat Pay's PEM key and
 * certificates alone exceed it) live in one document of the `secrets` collection, which `npm run deploy`
 * writes and creates ADMINONLY like every collection: no client rule reads it, only the functions' admin
 * SDK. A function reads it on the first call that needs it and keeps it for a while, so rotating a key
 * reaches warm instances without a redeploy.
 */
import type { TcbDb } from './sdk-types';

export const SECRETS_COLLECTION = 'secrets';
/** one document: `{_id: 'env', values: {NAME: value}}`, merged over process.env by the config readers */
export const SECRETS_DOC = 'env';
const TTL_MS = 10 * 60_000;

export type SecretValues = Record<string, string>;

export interface SecretsReader {
  /** the stored values (empty when none were deployed); a failed read is retried on the next call */
  load(): Promise<SecretValues>;
}

export function secretsReader(db: () => Pick<TcbDb, 'collection'>, now: () => number = Date.now): SecretsReader {
  let cached: { at: number; values: Promise<SecretValues> } | undefined;
  const read = async (): Promise<SecretValues> => {
    const res = (await db().collection(SECRETS_COLLECTION).doc(SECRETS_DOC).get()) as { data?: Array<{ values?: unknown }> };
    const values = res.data?.[0]?.values;
    if (!values || typeof values !== 'object') return {};
    return Object.fromEntries(Object.entries(values as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  };
  return {
    load() {
      if (cached && now() - cached.at < TTL_MS) return cached.values;
      const values = read();
      cached = { at: now(), values };
      values.catch(() => {
        if (cached?.values === values) cached = undefined;
      });
      return values;
    },
  };
}
