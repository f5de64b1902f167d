import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Deps } from '../cloudfunctions/core/ports';
import { COLLECTIONS } from '../cloudfunctions/core/schema/collections';
import { applyCollections, openSqliteStore, type SqliteStore } from '../cloudfunctions/adapters/sqlite';
import { nodeCrypto } from '../cloudfunctions/adapters/node/crypto';
import { memoryCache } from '../cloudfunctions/adapters/node/cache';
import { systemClock } from '../cloudfunctions/adapters/node/clock';
import { devSmsOutbox } from '../cloudfunctions/adapters/sms/dev-outbox';
import { devWechatApi } from '../cloudfunctions/adapters/wechat/dev-phone';
import { officialAccountApi } from '../cloudfunctions/adapters/wechat/oa-http';
import { unconfiguredPay } from '../cloudfunctions/adapters/wxpay/unconfigured';
import { sampleRegistry } from '../cloudfunctions/adapters/registry';
import { normaliseCompanyName, type CompanyName } from '../cloudfunctions/core/accounts/company-name';
import { matchAccountName } from '../cloudfunctions/core/accounts/name-match';
import { gramDocId, nameKeyId } from '../cloudfunctions/core/accounts/name-index';
import { indexedGrams } from '../cloudfunctions/core/accounts/name-similarity';
import { canonicalText } from '../cloudfunctions/core/accounts/confusables';
import { compareNames, offered } from '../cloudfunctions/core/accounts/name-compare';
import { labelledPairs } from '../test/registration/fixtures/labelled-names';
import { qualityOf } from '../test/registration/fixtures/quality';
import { prng, syntheticName } from '../scripts/lib/synthetic-companies';
import type { BenchRow } from './table';

/**
 * Account duplicate check at 100k and 1M Accounts (`BENCH_DUP_SIZES=100000,1000000`): p50/p95 of the
 * indexed exact and fuzzy checks (what `registration.submit` runs) against a naive scan of every Account
 * in the same run and the same file. Fixtures are bulk-loaded with raw SQL in the adapter's own layout.
 */
const QUERIES = Number(process.env['BENCH_DUP_QUERIES'] ?? 200);

interface Loaded {
  store: SqliteStore;
  names: string[];
}

export function bulkLoad(file: string, size: number): Loaded {
  const store = openSqliteStore({ file, collections: COLLECTIONS });
  const db = store.db;
  // Indexes are dropped for the load and rebuilt once after it: far faster than maintaining them per row.
  const ours = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('accounts', 'account_grams') AND (name LIKE 'ix\\_%' ESCAPE '\\' OR name LIKE 'ux\\_%' ESCAPE '\\')`).pluck().all() as string[];
  for (const name of ours) db.exec(`DROP INDEX "${name}"`);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const insAccount = db.prepare('INSERT INTO "accounts" (id, doc) VALUES (?, ?)');
  const insKey = db.prepare('INSERT INTO "account_keys" (id, doc) VALUES (?, ?)');
  const insGram = db.prepare('INSERT INTO "account_grams" (id, doc) VALUES (?, ?)');
  const rnd = prng(size);
  const seen = new Set<string>();
  const names: string[] = [];
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  db.transaction(() => {
    while (names.length < size) {
      const { name } = syntheticName(rnd);
      const n = normaliseCompanyName(name);
      if (seen.has(n.key)) continue;
      seen.add(n.key);
      const id = `acc_${names.length.toString(36).padStart(8, '0')}`;
      names.push(name);
      insAccount.run(id, JSON.stringify({ _id: id, name, name_key: n.key, name_core: n.core, name_region: n.region, name_branch: n.branch, name_canon: canonicalText(n.core), created_at: at }));
      insKey.run(nameKeyId(n.key), JSON.stringify({ _id: nameKeyId(n.key), account_id: id, kind: 'name', value: n.key }));
      for (const gram of indexedGrams(n.core)) insGram.run(gramDocId(gram, id), JSON.stringify({ _id: gramDocId(gram, id), gram, account_id: id }));
    }
  })();
  // Only the indexes the duplicate check reads are rebuilt (the console's name and date indexes are not).
  applyCollections(db, COLLECTIONS.filter((c) => c.name === 'account_grams' || c.name === 'accounts').map((c) => (c.name === 'accounts' ? { name: c.name, indexes: c.indexes.filter((i) => i.fields[0] === 'name_key' || i.fields[0] === 'name_core' || i.fields[0] === 'name_canon') } : c)));
  db.pragma('journal_mode = WAL');
  return { store, names };
}

export function depsOver(store: SqliteStore): Deps {
  return {
    store,
    clock: systemClock,
    crypto: nodeCrypto('bench-secret-'.padEnd(40, 'x')),
    cache: memoryCache(60_000),
    sms: devSmsOutbox(),
    wechat: devWechatApi(() => 'wxbench00000001'),
    officialAccount: officialAccountApi({ apps: [], http: async () => ({ errcode: -1 }) }),
    pay: unconfiguredPay(),
    registry: sampleRegistry(),
    log: () => undefined,
  };
}

/** What registrants type: half variants of existing names (bracketed region, no suffix), half new names. */
export function queriesFor(names: string[], count: number): string[] {
  const rnd = prng(4242);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const existing = names[Math.floor(rnd() * names.length)];
      const n = normaliseCompanyName(existing);
      out.push(i % 4 === 0 && n.region ? `${n.core}（${n.region}）股份有限公司` : n.core);
    } else {
      out.push(`${syntheticName(rnd).name.replace('有限公司', '')}新创`);
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`);

async function timed(queries: string[], run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await run(q);
    out.push(performance.now() - t0);
  }
  return out;
}

/** The naive baselines: every Account read and compared, as code without the key and bigram indexes would. */
function naive(store: SqliteStore) {
  const all = store.db.prepare(`SELECT id, json_extract(doc, '$.name_key'), json_extract(doc, '$.name_core'), json_extract(doc, '$.name_region'), json_extract(doc, '$.name_branch') FROM "accounts"`).raw(true);
  const keys = store.db.prepare(`SELECT id, json_extract(doc, '$.name_key') FROM "accounts"`).raw(true);
  return {
    exact(q: string): string | null {
      const key = normaliseCompanyName(q).key;
      for (const row of keys.iterate() as Iterable<[string, string]>) if (row[1] === key) return row[0];
      return null;
    },
    fuzzy(q: string): string | null {
      const wanted = normaliseCompanyName(q);
      let best: [string, number] | null = null;
      for (const [id, key, core, region, branch] of all.iterate() as Iterable<[string, string, string, string, string]>) {
        const c = compareNames(wanted, { key, core, region, branch } satisfies CompanyName);
        if (offered(c) && (!best || c.score > best[1])) best = [id, c.score];
      }
      return best?.[0] ?? null;
    },
  };
}

export async function duplicateCheck(): Promise<BenchRow[]> {
  const sizes = (process.env['BENCH_DUP_SIZES'] ?? '100000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  const rows: BenchRow[] = [];
  // the quality of what is timed, from the labelled set (test/registration/fixtures/labelled-names.ts)
  const pairs = labelledPairs();
  const judge = (p: { typed: string; existing: string }) => compareNames(normaliseCompanyName(p.typed), normaliseCompanyName(p.existing));
  for (const part of ['tuning', 'held-out'] as const) {
    const q = qualityOf(pairs.filter((p) => p.part === part), judge);
    rows.push({ area: 'dup check quality', metric: `${part}: precision / recall / false offers`, value: `${q.precision.toFixed(3)} / ${q.recall.toFixed(3)} / ${(q.falseOfferRate * 100).toFixed(1)} %`, baseline: 'targets: recall ≥ 0.95, false offers ≤ 3 %', ratio: '', note: q.summary });
  }
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'hulian-bench-dup-'));
    try {
      const t0 = performance.now();
      const { store, names } = bulkLoad(join(dir, 'dup.sqlite'), size);
      const loadSeconds = (performance.now() - t0) / 1000;
      const grams = store.db.prepare('SELECT count(*) FROM "account_grams"').pluck().get() as number;
      const deps = depsOver(store);
      const queries = queriesFor(names, QUERIES);
      // The naive scans take seconds each at 1M: a smaller sample of the same queries.
      const naiveQueries = queries.slice(0, size >= 500_000 ? 3 : 20);
      await timed(queries.slice(0, 10), (q) => matchAccountName(deps, q, 'fuzzy')); // warm caches and statements

      const exact = await timed(queries, (q) => matchAccountName(deps, q, 'exact'));
      const fuzzy = await timed(queries, (q) => matchAccountName(deps, q, 'fuzzy'));
      const scan = naive(store);
      const naiveExact = await timed(naiveQueries, (q) => scan.exact(q));
      const naiveFuzzy = await timed(naiveQueries, (q) => scan.fuzzy(q));

      // The indexed checks must find what the scans find (the exact one always; fuzzy: how often).
      let exactAgree = 0;
      let fuzzyAgree = 0;
      for (const q of naiveQueries) {
        const e = await matchAccountName(deps, q, 'exact');
        if ((e.kind === 'exact' ? e.account._id : null) === scan.exact(q)) exactAgree++;
        const f = await matchAccountName(deps, q, 'fuzzy');
        if ((f.kind === 'none' ? null : f.account._id) === (scan.exact(q) ?? scan.fuzzy(q))) fuzzyAgree++;
      }
      const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
      const note = `${QUERIES} queries (naive: ${naiveQueries.length}); load ${loadSeconds.toFixed(0)} s, ${grams.toLocaleString('en')} bigram postings`;
      rows.push(
        { area: `dup check ${label}`, metric: 'exact p50 / p95', value: `${ms(pct(exact, 50))} / ${ms(pct(exact, 95))}`, baseline: `naive ${ms(pct(naiveExact, 50))} / ${ms(pct(naiveExact, 95))}`, ratio: `${(pct(naiveExact, 50) / pct(exact, 50)).toFixed(0)}× faster`, note: `${note}; agrees with scan ${exactAgree}/${naiveQueries.length}` },
        { area: `dup check ${label}`, metric: 'fuzzy p50 / p95', value: `${ms(pct(fuzzy, 50))} / ${ms(pct(fuzzy, 95))}`, baseline: `naive ${ms(pct(naiveFuzzy, 50))} / ${ms(pct(naiveFuzzy, 95))}`, ratio: `${(pct(naiveFuzzy, 50) / pct(fuzzy, 50)).toFixed(0)}× faster`, note: `same best match as scan ${fuzzyAgree}/${naiveQueries.length}; machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (other work skews p95)` },
      );
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
