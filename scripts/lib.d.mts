/** Types of scripts/lib.mjs (the plain-JS helpers the npm scripts share), for the TypeScript scripts that import it. */
export const ROOT: string;
export function run(label: string, cmd: string, args: string[], env?: Record<string, string>): void;
export const bin: (name: string) => string;
export function stale(output: string, inputs: string[]): boolean;
export function ensureBuilds(options?: { force?: boolean }): void;
