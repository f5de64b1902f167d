// `npm run fuzz`: the long fuzz run (FUZZ_RUNS per action, default 2000; FUZZ_SEED to replay a failure).
import { bin, run } from './lib.mjs';

run('fuzz every action', bin('jest'), ['--selectProjects', 'node', '--testPathPatterns', 'reliability/fuzz', '--ci'], { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000' });
