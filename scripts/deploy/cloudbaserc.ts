/**
 * cloudbaserc.json, written by `npm run build:functions` from the discovered functions and
 * scripts/deploy/functions.ts. It points the CloudBase CLI (`npx @cloudbase/cli fn deploy <name>`) at the
 * bundles in dist/functions. It names no variable values: `npm run deploy` sets those; a CLI deploy keeps
 * whatever variables the function already has.
 */
import { FUNCTIONS_OUT } from '../build/functions';
import { RUNTIME, settingsFor } from './functions';

export const CLOUDBASERC = 'cloudbaserc.json';

export function cloudbaserc(names: readonly string[]): string {
  const config = {
    version: '2.0',
    // resolved by the CLI from the environment; `npm run deploy` reads TCB_ENV_ID itself
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: `./${FUNCTIONS_OUT}`,
    functions: names.map((name) => {
      const { settings } = settingsFor(name);
      return {
        name,
        handler: 'index.main',
        runtime: RUNTIME,
        timeout: settings.timeout,
        memorySize: settings.memorySize,
        // bundles carry their dependencies: nothing to install in the cloud
        installDependency: false,
        ...(settings.httpPath ? { path: settings.httpPath } : {}),
      };
    }),
  };
  return JSON.stringify(config, null, 2) + '\n';
}
