import type { ErrorCode } from './errors';

export type Locale = 'zh-CN' | 'en';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number | boolean>;
  requestId?: string;
}

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The body every function call carries: `{action, data}` (plus an optional locale). */
export interface CallBody {
  action: string;
  data?: unknown;
  locale?: Locale;
}
