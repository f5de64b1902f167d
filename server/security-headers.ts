import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Headers every answer of the local runtime carries. Scripts only from our own origin — no inline
 * script, no eval — except an inline script of a served page named by its hash (Taro's h5 page sizes
 * its root font inline). Styles may be inline: TDesign and Taro set style attributes at run time, and
 * a style cannot run code. Nobody may frame us (clickjacking), sniff a type, or read our URLs as referrer.
 */
const policy = (scriptHashes: readonly string[] = []) =>
  [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': policy(),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Set before anything is written, so every answer has them whichever route writes it. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The policy for an HTML page: its own inline scripts, exactly as written, are allowed by hash. */
export function policyForHtml(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].filter((m) => m[1]!.length > 0).map((m) => `sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}`);
  return policy(hashes);
}
