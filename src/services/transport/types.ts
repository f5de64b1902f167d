import type { CallBody } from '../contracts';

/**
 * Sends one `{action, data, locale}` body to a cloud function and resolves with whatever came back
 * (normally the envelope). It rejects only when nothing usable came back (network, platform error);
 * envelope validation and error mapping live in the client, once for every transport.
 */
export type Transport = (fn: string, body: CallBody) => Promise<unknown>;
