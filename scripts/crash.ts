/**
 * `npm run crash`: the long crash-consistency run. CRASH_KILLS (default 10) SIGKILLs of the local runtime
 * under mixed load from CRASH_WORKERS (default 8) clients; prints the kills, the operations and every
 * invariant; exits 1 on any violation.
 */
import { runCrashTest } from '../test/reliability/crash/run';

async function main(): Promise<void> {
  const report = await runCrashTest({
    kills: Number(process.env['CRASH_KILLS'] ?? 10),
    workers: Number(process.env['CRASH_WORKERS'] ?? 8),
    minRunMs: 1000,
    maxRunMs: 5000,
    log: (s) => console.log(s),
  });
  console.log(`kills: ${report.kills}`);
  for (const [name, o] of Object.entries(report.operations)) console.log(`  ${name.padEnd(11)} completed ${o.ok}, cut off or refused ${o.failed}`);
  let violated = 0;
  for (const inv of report.invariants) {
    console.log(`${inv.violations.length ? '✖' : '✔'} ${inv.name}`);
    for (const v of inv.violations.slice(0, 10)) console.log(`    ${v}`);
    violated += inv.violations.length;
  }
  console.log(`${report.invariants.length} invariants checked, ${violated} violations`);
  process.exit(violated ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
