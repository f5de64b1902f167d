import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadConfig } from '../../../server/config';
import { createRuntime, type Runtime } from '../../../server/runtime';
import { COLLECTIONS } from '../../../cloudfunctions/core/schema/collections';
import type { Deps } from '../../../cloudfunctions/core/ports';
import { FaultCounter, faulty, faultyStore, type FaultPlan } from './injector';

/**
 * Rate budgets count attempts — a call that spent one and then failed at a later port still counted — so
 * they are left out of "unchanged or complete".
 */
const COMPARED = COLLECTIONS.filter((c) => c.name !== 'rate_limits');

const ENV = { HULIAN_SECRET: 'fault-test-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: 'fault-admin-password' };

/** A seeded database, made once; every fault run starts from a copy of it. */
export async function makeTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hulian-fault-template-'));
  const rt = await createRuntime(loadConfig({ ...ENV, DATA_DIR: dir }));
  rt.close();
  return dir;
}

export interface World {
  rt: Runtime;
  /** the runtime's ports, with the planned call broken */
  faultyDeps(plan: FaultPlan): { deps: Deps; counter: FaultCounter };
  /** rows per collection (and the seat counter): what a complete or an absent change looks like */
  signature(skip?: string[]): Record<string, number>;
  digest(skip?: string[]): string;
  close(): void;
}

export async function openWorld(template: string): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'hulian-fault-'));
  for (const f of ['hulian.sqlite', 'secret', 'admin-password']) {
    try {
      copyFileSync(join(template, f), join(dir, f));
    } catch {
      // optional file
    }
  }
  const rt = await createRuntime(loadConfig({ ...ENV, DATA_DIR: dir }));
  const rows = (coll: string) => rt.store.db.prepare(`SELECT id, doc FROM "${coll}" ORDER BY id`).all() as Array<{ id: string; doc: string }>;
  return {
    rt,
    faultyDeps(plan) {
      const counter = new FaultCounter(plan);
      const d = rt.deps;
      const deps: Deps = {
        ...d,
        // the injected faults surface as logged `internal` errors; the test reads the answers instead
        log: () => undefined,
        store: faultyStore(d.store, counter),
        sms: faulty('sms', d.sms, counter, ['sendCode']),
        wechat: faulty('wechat', d.wechat, counter, ['phoneNumberFromCode']),
        pay: faulty('pay', d.pay, counter, ['createNativeOrder', 'queryOrder', 'closeOrder', 'openNotification']),
      };
      return { deps, counter };
    },
    signature(skip = []) {
      const sig: Record<string, number> = {};
      for (const c of COMPARED) if (!skip.includes(c.name)) sig[c.name] = rows(c.name).length;
      const lic = rt.store.db.prepare(`SELECT doc FROM "licences" WHERE id = 'terminal-user'`).get() as { doc: string } | undefined;
      const l = lic ? (JSON.parse(lic.doc) as { used: number; total: number }) : { used: 0, total: 0 };
      sig['licence.used'] = l.used;
      sig['licence.total'] = l.total;
      return sig;
    },
    digest(skip = []) {
      const h = createHash('sha256');
      for (const c of COMPARED) if (!skip.includes(c.name)) for (const r of rows(c.name)) h.update(c.name + r.id + r.doc);
      return h.digest('hex');
    },
    close() {
      rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
