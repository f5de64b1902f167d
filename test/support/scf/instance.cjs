/**
 * One SCF (CloudBase function) instance, as the Node runtime's bootstrap runs it: load `index.js` from the
 * deploy folder once, then for every invocation copy the context's `environ` ("K=V;K=V") into process.env
 * — never deleting a key, as the bootstrap does — and call `main(event, context)`.
 * Plain JavaScript on purpose: the bundle runs in a bare `node`, no TypeScript loader, no jest.
 * Messages: parent → {id, event, context}; child → {type: 'ready'} | {id, ok, result | error}.
 */
'use strict';
const path = require('path');

const dir = process.argv[2];
process.chdir(dir);
let main;
try {
  main = require(path.join(dir, 'index.js')).main;
  if (typeof main !== 'function') throw new Error('index.js does not export main');
  process.send({ type: 'ready' });
} catch (e) {
  process.send({ type: 'load-error', error: String((e && e.stack) || e) });
}

process.on('message', async (msg) => {
  const { id, event, context } = msg;
  for (const kv of String(context.environ || '').split(';')) {
    if (!kv) continue;
    const at = kv.indexOf('=');
    if (at > 0) process.env[kv.slice(0, at)] = kv.slice(at + 1);
  }
  const ctx = Object.assign({ callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => context.time_limit_in_ms }, context);
  try {
    const result = await main(event, ctx);
    process.send({ id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)), stubHits: globalThis.__hulianStubHits || [] });
  } catch (e) {
    process.send({ id, ok: false, error: String((e && e.stack) || e), stubHits: globalThis.__hulianStubHits || [] });
  }
});
