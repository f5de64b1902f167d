import type { ErrorCode } from '../contracts/errors';

export type ErrorParams = Record<string, string | number | boolean>;

/** The one error type of Hulian: a stable code, optional parameters for the localised message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;

  constructor(code: ErrorCode, params?: ErrorParams, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
