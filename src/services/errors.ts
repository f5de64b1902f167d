import type { ErrorBody, ErrorCode } from './contracts';

/**
 * `oa/state-mismatch` (the OAuth `state` that came back is not this browser session's) and
 * `oa/logged-out` are the portal's own. `transport/failed` is client-only: the call never produced an envelope (offline, function
 * missing on the platform, unreadable response). Everything else is a server code from the contract.
 */
export type ClientErrorCode = ErrorCode | 'transport/failed' | 'oa/state-mismatch' | 'oa/logged-out' | 'oa/declined';

export interface CallErrorInit {
  code: ClientErrorCode;
  message: string;
  params?: ErrorBody['params'];
  requestId?: string;
}

/** An `ok:false` envelope (or a failed transport) as an exception. UI branches on `code` only. */
export class CallError extends Error {
  readonly code: ClientErrorCode;
  readonly params?: ErrorBody['params'];
  readonly requestId?: string;

  constructor(init: CallErrorInit) {
    super(init.message);
    // The weapp build compiles classes to ES5, where extending Error loses the prototype chain.
    Object.setPrototypeOf(this, CallError.prototype);
    this.name = 'CallError';
    this.code = init.code;
    this.params = init.params;
    this.requestId = init.requestId;
  }
}

export function isCallError(e: unknown): e is CallError {
  return e instanceof CallError;
}

/** Codes meaning "this caller may not browse yet": show whom the portal is for, not a bare error. */
export const GATED_CODES: readonly ClientErrorCode[] = ['auth/not-activated', 'registration/required'];

export function isGated(e: unknown): boolean {
  return isCallError(e) && GATED_CODES.includes(e.code);
}
