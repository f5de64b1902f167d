/**
 * CORS for the `admin` function's HTTP access path. In production the console is a static site on
 * CloudBase hosting (`https://<env>….tcloudbaseapp.com`) and the function answers on the HTTP access
 * domain (`https://<env>….app.tcloudbase.com`): another origin, and its JSON + Authorization requests are
 * preflighted. Only origins listed in HULIAN_CONSOLE_ORIGINS (comma-separated, set by `npm run deploy`)
 * get CORS headers; any other origin gets none, so the browser refuses to hand it the answer.
 */

export type HeaderMap = Record<string, string>;

export function allowedOrigin(origin: string | undefined, allowed: string | undefined = process.env['HULIAN_CONSOLE_ORIGINS']): string | undefined {
  if (!origin || !allowed) return undefined;
  const list = allowed
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.includes(origin) ? origin : undefined;
}

/** Headers for an actual response. */
export function corsHeaders(origin: string | undefined): HeaderMap {
  const ok = allowedOrigin(origin);
  return ok ? { 'access-control-allow-origin': ok, vary: 'Origin' } : { vary: 'Origin' };
}

/** Headers for the answer to a preflight (OPTIONS) request. */
export function preflightHeaders(origin: string | undefined): HeaderMap {
  const ok = allowedOrigin(origin);
  if (!ok) return { vary: 'Origin' };
  return {
    ...corsHeaders(ok),
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, accept-language',
    'access-control-max-age': '600',
  };
}
