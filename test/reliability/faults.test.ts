import { rmSync } from 'node:fs';
import { InjectedFault } from './faults/injector';
import { SCENARIOS } from './faults/scenarios';
import { makeTemplate, openWorld } from './faults/world';

/**
 * Fault injection at the ports: for each action, every call it makes to the store (transaction
 * operations included), SMS, WeChat and WeChat Pay is made to fail — and to time out — in turn. Each
 * time the action answers a clear error (or, if the fault hit a read after everything landed, success),
 * and the data is either exactly as before or exactly as a successful run leaves it: never half-written.
 */
describe('fault injection at the ports', () => {
  let template: string;
  beforeAll(async () => {
    template = await makeTemplate();
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));

  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    // a healthy run: how many port calls the action makes, and what a complete change looks like
    const clean = await openWorld(template);
    let calls: string[];
    let complete: Record<string, number>;
    let before: Record<string, number>;
    try {
      const act = await scenario.prepare(clean);
      before = clean.signature(scenario.checkpoints);
      const { deps, counter } = clean.faultyDeps({ at: 0, mode: 'fail' });
      expect(await act(deps)).toEqual({ ok: true });
      calls = counter.calls;
      complete = clean.signature(scenario.checkpoints);
    } finally {
      clean.close();
    }
    expect(calls.length).toBeGreaterThan(0);

    for (const mode of ['fail', 'timeout'] as const) {
      for (let at = 1; at <= calls.length; at++) {
        const w = await openWorld(template);
        try {
          const act = await scenario.prepare(w);
          const digest = w.digest(scenario.checkpoints);
          const { deps } = w.faultyDeps({ at, mode });
          let answer: { ok: boolean; code?: string };
          try {
            answer = await act(deps);
          } catch (e) {
            // an injected fault must never escape the function as an exception
            throw new Error(`${calls[at - 1]} (${mode} at call ${at}) escaped: ${e instanceof InjectedFault ? e.message : String(e)}`);
          }
          const after = w.signature(scenario.checkpoints);
          const unchanged = w.digest(scenario.checkpoints) === digest;
          const whole = JSON.stringify(after) === JSON.stringify(complete);
          const label = `${mode} at call ${at}/${calls.length} (${calls[at - 1]}) → ${JSON.stringify(answer)}`;
          expect({ label, state: unchanged ? 'unchanged' : whole ? 'complete' : 'PARTIAL', before, after }).toEqual(
            expect.objectContaining({ label, state: expect.stringMatching(/^(unchanged|complete)$/) }),
          );
          if (!answer.ok) expect({ label, code: answer.code }).not.toEqual({ label, code: undefined });
        } finally {
          w.close();
        }
      }
    }
  }, 300_000);
});
