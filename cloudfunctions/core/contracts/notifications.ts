/** What people are told (DESIGN §3 "People are told"): in-app entries and WeChat subscribe messages. */

export type NotificationKind = 'registration.approved' | 'registration.rejected' | 'user.activated' | 'serviceRequest.updated';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['registration.approved', 'registration.rejected', 'user.activated', 'serviceRequest.updated'];

/** A template this app sends, from the settings: the mini program asks consent for these ids. */
export interface MessageTemplate {
  kind: NotificationKind;
  templateId: string;
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  time: string;
  read: boolean;
  /** a rejected registration: what the person submitted, so they can correct it and send it again */
  resubmit?: { accountName: string; contactName: string; mobile: string };
}

export interface NotificationsOut {
  items: NotificationItem[];
  unread: number;
}

export interface AcceptSubscriptionsOut {
  /** the templates consent was recorded for */
  accepted: string[];
}
