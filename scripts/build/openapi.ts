/**
 * Which WeChat open APIs a function calls, read from the code esbuild put in its bundle: every
 * `wechat.<method>(` in a bundled source file of ours, mapped through OPEN_API_OF. The result, with what
 * scripts/deploy/functions.ts declares ahead of time, becomes the function's config.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPEN_API_OF } from '../../cloudfunctions/adapters/wechat/open-apis';

const CALL = /\bwechat\??\.(\w+)\s*\(/g;

/** `inputs`: the metafile inputs of one output with the bytes each put in it. */
export function openApisOf(root: string, inputs: Record<string, { bytesInOutput: number }>): string[] {
  const apis = new Set<string>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    if (!bytesInOutput || !file.startsWith('cloudfunctions/') || !file.endsWith('.ts')) continue;
    const text = readFileSync(resolve(root, file), 'utf8');
    for (const [, method] of text.matchAll(CALL)) {
      const api = OPEN_API_OF[method];
      if (!api) throw new Error(`${file} calls wechat.${method}(): name its open API in cloudfunctions/adapters/wechat/open-apis.ts`);
      apis.add(api);
    }
  }
  return [...apis].sort();
}

/** config.json beside index.js: what CloudBase reads for the function's open-API permissions. */
export const functionConfigJson = (openapi: readonly string[]) => JSON.stringify({ permissions: { openapi: [...openapi] } }, null, 2) + '\n';
