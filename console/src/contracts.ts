/**
 * The console's window on the wire contract. Type-only: nothing from cloudfunctions/ is bundled
 * (verbatimModuleSyntax makes a value import here a compile error).
 */
export type {
  ActionIn,
  ActionOut,
  AdminActions,
  AdminUsersListIn,
  AdminView,
  CallBody,
  Envelope,
  ErrorBody,
  ErrorCode,
  Locale,
  Page,
  UserStatus,
  UserView,
} from '../../cloudfunctions/core/contracts';
