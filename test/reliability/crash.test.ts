import { runCrashTest } from './crash/run';

/**
 * Crash consistency, short: a real runtime under mixed load is SIGKILLed several times and restarted;
 * afterwards every invariant holds. `npm run crash` runs the long version.
 */
test('given a runtime killed at random moments under mixed load, then every invariant holds afterwards', async () => {
  const report = await runCrashTest({ kills: 3, workers: 6, minRunMs: 800, maxRunMs: 2500 });
  const total = Object.values(report.operations).reduce((s, o) => s + o.ok, 0);
  console.log(`crash test: ${report.kills} kills, ${total} operations completed`, report.operations, report.invariants.map((i) => `${i.name}: ${i.violations.length ? 'VIOLATED' : 'ok'}`));
  expect(report.kills).toBe(3);
  for (const [name, o] of Object.entries(report.operations)) expect({ name, ok: o.ok > 0 }).toEqual({ name, ok: true });
  for (const inv of report.invariants) expect({ invariant: inv.name, violations: inv.violations }).toEqual({ invariant: inv.name, violations: [] });
  expect(report.invariants).toHaveLength(6);
}, 180_000);
