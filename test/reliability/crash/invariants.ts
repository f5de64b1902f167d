import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface InvariantResult {
  name: string;
  violations: string[];
}

type Row = Record<string, any>;

/** Reads the runtime's SQLite file (the process is stopped) and checks what must hold after any crash. */
export function checkInvariants(dataDir: string): InvariantResult[] {
  const db = new Database(join(dataDir, 'hulian.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const all = (coll: string): Row[] => db.prepare(`SELECT id, doc FROM "${coll}"`).all().map((r: any) => ({ _id: r.id, ...JSON.parse(r.doc) }));
    const ids = (rows: Row[]) => new Set(rows.map((r) => r._id));
    const users = all('ic_users');
    const enterprises = all('ic_enterprises');
    const accounts = all('accounts');
    const contacts = all('contacts');
    const bindings = all('ic_bindings');
    const orders = all('orders');
    const audit = all('audit_log');
    const counters = all('counters');
    // seats live in blocks (core/licences/seats.ts): the licence is their sum
    const licence = all('licences')
      .filter((l) => l._id === 'terminal-user' || l._id.startsWith('terminal-user_b'))
      .reduce((s, l) => ({ total: s.total + l.total, used: s.used + l.used }), { total: 0, used: 0 });
    const [userIds, entIds, accIds, conIds] = [ids(users), ids(enterprises), ids(accounts), ids(contacts)];
    const results: InvariantResult[] = [];
    const check = (name: string, violations: string[]) => results.push({ name, violations });

    check('every Interconnection user has its enterprise', users.filter((u) => !entIds.has(u.enterprise_id)).map((u) => u._id));
    check(
      'every Account/Contact link resolves',
      [
        ...users.filter((u) => u.account_id && !accIds.has(u.account_id)).map((u) => `user ${u._id} → account ${u.account_id}`),
        ...users.filter((u) => u.contact_id && !conIds.has(u.contact_id)).map((u) => `user ${u._id} → contact ${u.contact_id}`),
        ...contacts.filter((c) => !accIds.has(c.account_id)).map((c) => `contact ${c._id} → account ${c.account_id}`),
        ...enterprises.filter((e) => e.account_id && !accIds.has(e.account_id)).map((e) => `enterprise ${e._id} → account ${e.account_id}`),
      ],
    );
    const wx = bindings.filter((b) => b._id.startsWith('wx:'));
    const perUser = new Map<string, number>();
    for (const b of wx) perUser.set(`${b.user_id}|${b._id.split(':')[1]}`, (perUser.get(`${b.user_id}|${b._id.split(':')[1]}`) ?? 0) + 1);
    check(
      'no OpenID bound twice, every binding has its user',
      [...wx.filter((b) => !userIds.has(b.user_id)).map((b) => `binding ${b._id} → missing user`), ...[...perUser].filter(([, n]) => n > 1).map(([k]) => `user|app ${k} has several OpenIDs`)],
    );
    const seatHolders = users.filter((u) => u.holds_seat === true && u.kind !== 'guest' && u.status !== 'disabled').length;
    check('seats used = active non-guest users holding one', seatHolders === licence.used && licence.used <= licence.total ? [] : [`used ${licence.used}, holders ${seatHolders}, total ${licence.total}`]);

    const credits = new Map<string, number>();
    for (const a of audit.filter((x) => x.action === 'licences.purchased')) credits.set(a.target, (credits.get(a.target) ?? 0) + 1);
    const paid = orders.filter((o) => o.state === 'paid');
    const granted = audit.filter((x) => x.action === 'licences.granted').reduce((s, x) => s + Number(x.details?.seats ?? 0), 0);
    const bought = paid.reduce((s, o) => s + o.seats, 0);
    check('every paid order credited exactly once', [
      ...paid.filter((o) => credits.get(o._id) !== 1).map((o) => `order ${o._id} credited ${credits.get(o._id) ?? 0}×`),
      ...orders.filter((o) => o.state !== 'paid' && credits.has(o._id)).map((o) => `unpaid order ${o._id} credited`),
      ...(licence.total === granted + bought ? [] : [`licence total ${licence.total} ≠ granted ${granted} + bought ${bought}`]),
    ]);
    check(
      'round-robin counters match the Accounts they assigned',
      counters
        .filter((c) => c._id.startsWith('owner-rr_'))
        // one counter per owner (core/registration/owners.ts)
        .filter((c) => c.count !== accounts.filter((a) => a.method_id === c.method_id && a.owner === c.owner).length)
        .map((c) => `counter ${c._id} = ${c.count}, accounts ${accounts.filter((a) => a.method_id === c.method_id && a.owner === c.owner).length}`),
    );
    return results;
  } finally {
    db.close();
  }
}
