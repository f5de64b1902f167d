// `npm start`: build what is missing or stale, then run the local runtime (server/main.ts).
import { spawn } from 'node:child_process';
import { ensureBuilds, ROOT } from './lib.mjs';

ensureBuilds();
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
