import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  dev: boolean;
  seed: boolean;
  secret: string;
  adminUser: string;
  /** set when the password came from the environment or was generated and kept in DATA_DIR */
  adminPassword: string;
  adminPasswordGenerated: boolean;
  devAppId: string;
  /** the dev Official Account the OAuth stand-in plays (the h5 portal's default) */
  devOaAppId: string;
  rootDir: string;
}

/** A file in DATA_DIR created once with a random value: local secrets survive restarts, never get committed. */
function persistentSecret(dataDir: string, name: string, make: () => string): { value: string; created: boolean } {
  const file = join(dataDir, name);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), created: false };
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return { value, created: true };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const rootDir = resolve(__dirname, '..');
  const dataDir = resolve(env['DATA_DIR'] ?? join(rootDir, '.data'));
  // the database and the secrets live here: nobody but this user may list or read it
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const secret = env['HULIAN_SECRET'] ?? persistentSecret(dataDir, 'secret', () => randomBytes(32).toString('base64url')).value;
  const envPassword = env['HULIAN_ADMIN_PASSWORD'];
  const generated = envPassword ? null : persistentSecret(dataDir, 'admin-password', () => randomBytes(9).toString('base64url'));
  return {
    port: Number(env['PORT'] ?? 8080),
    host: env['HOST'] ?? '127.0.0.1',
    dataDir,
    dev: env['HULIAN_DEV'] !== '0',
    seed: env['HULIAN_SEED'] !== '0',
    secret,
    adminUser: env['HULIAN_ADMIN_USER'] ?? 'admin',
    adminPassword: envPassword ?? generated!.value,
    adminPasswordGenerated: !envPassword,
    devAppId: env['HULIAN_DEV_APPID'] ?? 'wxdemo0000000001',
    devOaAppId: env['HULIAN_DEV_OA_APPID'] ?? 'wxdemooa00000001',
    rootDir,
  };
}
