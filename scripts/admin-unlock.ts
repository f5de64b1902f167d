import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { openSqliteStore } from '../cloudfunctions/adapters/sqlite';
import { nodeCrypto } from '../cloudfunctions/adapters/node/crypto';
import { COLLECTIONS } from '../cloudfunctions/core/schema/collections';
import { clearLoginAttempts } from '../cloudfunctions/core/admin/login-guard';
import { adminIdFor } from '../cloudfunctions/core/admin/admin-auth';
import type { AdminDoc } from '../cloudfunctions/core/kernel/docs';

/**
 * `npm run admin:unlock -- <username> [--enable]`: the recovery for a console admin shut out by failed
 * logins. Works on the local runtime's SQLite store in DATA_DIR (it may be running): every login budget
 * of that name, from every address, starts afresh; `--enable` also re-enables a disabled admin.
 */
async function main(argv: string[]): Promise<number> {
  const username = argv.find((a) => !a.startsWith('--'));
  if (!username) {
    console.error('usage: npm run admin:unlock -- <username> [--enable]');
    return 2;
  }
  const config = loadConfig();
  const store = openSqliteStore({ file: join(config.dataDir, 'hulian.sqlite'), collections: COLLECTIONS });
  try {
    const cleared = await clearLoginAttempts({ store, crypto: nodeCrypto(config.secret) }, username);
    const admin = await store.get<AdminDoc>('admins', adminIdFor(username));
    console.log(`${username}: ${cleared} login budget(s) cleared${admin ? '' : ' (no admin has this name)'}`);
    if (admin?.disabled) {
      if (argv.includes('--enable')) {
        await store.update('admins', admin._id, { set: { disabled: false, updated_at: new Date().toISOString() } });
        console.log(`${username}: enabled again`);
      } else console.log(`${username} is disabled: add --enable to enable it again`);
    }
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
