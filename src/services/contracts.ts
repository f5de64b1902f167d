/**
 * The wire contract, shared with the cloud functions. Type-only on purpose: `export type` is erased
 * by Babel/SWC, so no server code can end up in the mini program bundle.
 */
export type {
  ActionIn,
  ActionName,
  ActionOut,
  ArticleView,
  CallBody,
  Envelope,
  ErrorBody,
  ErrorCode,
  FunctionActions,
  FunctionName,
  Locale,
  NextStep,
  SessionState,
  SessionView,
} from '../../cloudfunctions/core/contracts';
