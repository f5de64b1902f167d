import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { policyForHtml } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

function fileAt(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root + sep)) return null; // no climbing out of the root
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

/** Serves a built single-page app from `root`, falling back to its index.html. */
export function serveStatic(res: ServerResponse, root: string, urlPath: string, missingHint: string): void {
  const file = fileAt(root, urlPath) ?? fileAt(root, '/index.html');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(missingHint);
    return;
  }
  const immutable = /\.[0-9a-f]{8,}\./.test(file);
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (extname(file) === '.html') {
    const page = htmlPage(file);
    res.writeHead(200, { ...headers, 'content-security-policy': page.policy, 'content-length': page.body.length });
    res.end(page.body);
    return;
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}

const pages = new Map<string, { mtimeMs: number; body: Buffer; policy: string }>();

/** A page and its policy (its inline scripts' hashes), read again only when the build changes it. */
function htmlPage(file: string): { body: Buffer; policy: string } {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = pages.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const body = readFileSync(file);
  const page = { mtimeMs, body, policy: policyForHtml(body.toString('utf8')) };
  pages.set(file, page);
  return page;
}
