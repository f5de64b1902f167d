import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInvariants, type InvariantResult } from './invariants';
import { OPERATIONS, type OperationName, type Target } from './load';
import { RuntimeProcess } from './runtime-process';

export interface CrashReport {
  kills: number;
  operations: Record<OperationName, { ok: number; failed: number }>;
  invariants: InvariantResult[];
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the runtime, drives the mixed load with `workers` concurrent clients, SIGKILLs the process at
 * random moments `kills` times (restarting it each time), then stops it and checks the invariants.
 */
export async function runCrashTest(opts: { kills: number; workers: number; minRunMs: number; maxRunMs: number; log?: (s: string) => void }): Promise<CrashReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-crash-'));
  const rt = new RuntimeProcess(await freePort(), dataDir, { HULIAN_SECRET: 'crash-test-secret-'.padEnd(40, 'x'), HULIAN_ADMIN_PASSWORD: 'crash-admin-password' });
  const operations = Object.fromEntries(Object.keys(OPERATIONS).map((k) => [k, { ok: 0, failed: 0 }])) as CrashReport['operations'];
  try {
    await rt.start();
    const admin = await (await fetch(`${rt.url}/api/functions/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { username: 'admin', password: 'crash-admin-password' } }) })).json();
    const member = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"oDemoZhangWei001"}' })).json();
    // tokens are signed with the secret in DATA_DIR: they stay valid across restarts
    const target: Target = { url: rt.url, adminToken: admin.data.token, memberToken: member.data.token };
    let running = true;
    const names = Object.keys(OPERATIONS) as OperationName[];
    const worker = async () => {
      while (running) {
        const name = names[Math.floor(Math.random() * names.length)];
        try {
          (await OPERATIONS[name](target)) ? operations[name].ok++ : operations[name].failed++;
        } catch {
          operations[name].failed++;
          await sleep(20);
        }
      }
    };
    const workers = Array.from({ length: opts.workers }, worker);
    for (let k = 0; k < opts.kills; k++) {
      await sleep(opts.minRunMs + Math.random() * (opts.maxRunMs - opts.minRunMs));
      await rt.kill();
      opts.log?.(`kill ${k + 1}/${opts.kills}`);
      await sleep(50);
      await rt.start();
    }
    await sleep(opts.minRunMs);
    running = false;
    await Promise.all(workers);
    await rt.stop();
    return { kills: opts.kills, operations, invariants: checkInvariants(dataDir) };
  } finally {
    await rt.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
