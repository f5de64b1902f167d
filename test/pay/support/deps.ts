import { sandboxPay, type SandboxWechatPay } from '../../../cloudfunctions/adapters/wxpay/sandbox';
import type { LicenceDoc, OrderDoc } from '../../../cloudfunctions/core/kernel/docs';
import { licenceSummary } from '../../../cloudfunctions/core/licences/seats';
import { createTestDeps, type TestDeps } from '../../support/deps';
import { FIXTURE_APPID, fixtureKeys } from './fixtures';

export interface PayTestDeps extends TestDeps {
  sandbox: SandboxWechatPay;
  /** the seats licence as stored */
  licence(): Promise<LicenceDoc | null>;
  order(id: string): Promise<OrderDoc | null>;
  /** what was logged, newest last (rejections carry their reason) */
  logs: Array<{ level: string; msg: string; fields?: Record<string, unknown> }>;
}

/**
 * Real ports on in-memory SQLite with a manual clock, and WeChat Pay played by the sandbox through the
 * production gateway (wechatpay-node-v3 signing, our verification), keyed with the committed fixtures.
 */
export async function createPayDeps(opts: { seats?: number; notifySigner?: 'public-key' | 'platform-cert' } = {}): Promise<PayTestDeps> {
  const base = createTestDeps();
  const { gateway, service } = sandboxPay({ keys: fixtureKeys(), appid: FIXTURE_APPID, now: base.clock.now, ...(opts.notifySigner ? { notifySigner: opts.notifySigner } : {}) });
  await base.store.insert('licences', { _id: 'terminal-user', total: opts.seats ?? 0, used: opts.seats ?? 0 });
  const logs: PayTestDeps['logs'] = [];
  return {
    ...base,
    log: (level, msg, fields) => void logs.push({ level, msg, ...(fields ? { fields } : {}) }),
    logs,
    pay: gateway,
    sandbox: service,
    // the licence summed over its seat blocks (core/licences/seats.ts)
    licence: async () => {
      const { total, used } = await licenceSummary(base);
      return { _id: 'terminal-user', total, used } as LicenceDoc;
    },
    order: (id) => base.store.get<OrderDoc>('orders', id),
  };
}
