// `npm test`: type check, the dependency rule, jest (node + mini program pages), then the browser e2e suite.
import { bin, run } from './lib.mjs';

run('type check (mini program, cloud functions, server, tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('type check (console)', bin('tsc'), ['--noEmit', '-p', 'console/tsconfig.json']);
run('dependency rule', bin('tsx'), ['scripts/check-boundaries.ts']);
run('jest: core, adapters, functions, runtime, pages', bin('jest'), ['--selectProjects', 'node', 'miniprogram', '--ci']);
run('browser end-to-end', process.execPath, ['scripts/e2e.mjs']);
