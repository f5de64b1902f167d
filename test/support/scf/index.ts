/**
 * Runs a bundled function (dist/functions/<name>/index.js) the way CloudBase does: in its own Node
 * process with the instance's environment variables, invoked as `main(event, context)` with an SCF
 * context whose `environ` carries the caller's variables (WX_OPENID, WX_APPID, …). One instance serves
 * many invocations, as a warm SCF instance does.
 *
 * As the platform does for a mini program call (WX_OPENID in the context), the event gets `userInfo`
 * ({appId, openId}) and `tcbContext` beside the client's data, and the context's WX_API_TOKEN is the
 * function's own cloud-call token (`apiToken`), by which the open-API stand-in knows who calls.
 * Each answer carries the stubbed bundle parts the invocation reached (scripts/build/stubs.ts): none, or
 * the build left out something it needs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export interface Invocation {
  ok: boolean;
  result?: any;
  error?: string;
  /** stubbed-out parts of the bundle reached so far by this instance */
  stubHits?: string[];
}

export interface ScfInstance {
  name: string;
  /** invokes main(event, context); `vars` become the context's environ (and so process.env) */
  invoke(event: unknown, vars?: Record<string, string>): Promise<Invocation>;
  /** what the function wrote to stderr / stdout (its logs) */
  logs(): string;
  stop(): Promise<void>;
}

export interface ScfOptions {
  /** the deploy folder holding index.js */
  dir: string;
  name: string;
  /** the instance's environment: CloudBase's own variables and the function's configured ones */
  env: Record<string, string>;
  namespace: string;
  timeoutMs?: number;
  /** the cloud-call token CloudBase gives this function's mini program invocations (WX_API_TOKEN) */
  apiToken?: string;
}

export async function startScfInstance(opts: ScfOptions): Promise<ScfInstance> {
  // only what CloudBase would set: nothing of the test process's environment leaks in
  const child: ChildProcess = fork(join(__dirname, 'instance.cjs'), [opts.dir], { env: opts.env, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let logs = '';
  child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const pending = new Map<string, (r: Invocation) => void>();
  await new Promise<void>((resolve, reject) => {
    child.once('message', (m: { type?: string; error?: string }) => (m.type === 'ready' ? resolve() : reject(new Error(`${opts.name} did not load: ${m.error}`))));
    child.once('exit', (code) => reject(new Error(`${opts.name} exited (${code}) while loading: ${logs}`)));
  });
  child.on('message', (m: Invocation & { id?: string }) => {
    const done = m.id ? pending.get(m.id) : undefined;
    if (done) {
      pending.delete(m.id!);
      done({ ok: m.ok, result: m.result, error: m.error, stubHits: m.stubHits ?? [] });
    }
  });
  child.on('exit', () => {
    for (const done of pending.values()) done({ ok: false, error: `instance exited; logs: ${logs}` });
    pending.clear();
  });
  const timeLimit = opts.timeoutMs ?? 10_000;
  return {
    name: opts.name,
    invoke(rawEvent, given = {}) {
      const id = randomUUID();
      const fromMiniProgram = !!given['WX_OPENID'];
      const vars = fromMiniProgram && opts.apiToken ? { ...given, WX_API_TOKEN: opts.apiToken } : given;
      const event =
        fromMiniProgram && rawEvent && typeof rawEvent === 'object' && !Array.isArray(rawEvent)
          ? { ...rawEvent, userInfo: { appId: vars['WX_APPID'], openId: vars['WX_OPENID'] }, tcbContext: { env: opts.namespace, requestId: id } }
          : rawEvent;
      const context = {
        memory_limit_in_mb: 256,
        time_limit_in_ms: timeLimit,
        request_id: id,
        environ: Object.entries(vars)
          .map(([k, v]) => `${k}=${v}`)
          .join(';'),
        function_version: '$LATEST',
        function_name: opts.name,
        namespace: opts.namespace,
      };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ id, event, context });
      });
    },
    logs: () => logs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
