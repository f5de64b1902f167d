/**
 * The wire contract, shared with the cloud functions. Type-only on purpose: `export type` is erased
 * by Babel/SWC, so no server code can end up in the mini program bundle.
 */
export type {
  ActionIn,
  ActionName,
  ActionOut,
  ArticleView,
  DeviceStatus,
  DeviceView,
  ObjectName,
  Page,
  Permission,
  PermissionAction,
  RecordCreateInputs,
  RecordViews,
  ServiceRequestCategory,
  ServiceRequestView,
  WorkOrderPriority,
  WorkOrderStatus,
  WorkOrderView,
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

/** What people are told, and service request states (the "My" subpackage). */
export type { NotificationItem, NotificationKind, ServiceRequestStatus } from '../../cloudfunctions/core/contracts';

/** Self-registration (the register subpackage). */
export type { AccountNameCheck, Field, MatchReason, NewAccountRule, RegistrationForm, RegistrySummary, SubmitRegistrationIn, SubmitRegistrationOut } from '../../cloudfunctions/core/contracts';
