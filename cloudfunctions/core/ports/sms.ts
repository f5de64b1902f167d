/** Sends text messages. Locally the dev outbox; in production Tencent Cloud SMS. */
export interface SmsSender {
  /** sends a verification code; the adapter maps `purpose` to its template */
  sendCode(phone: string, code: string, minutes: number, purpose: string): Promise<void>;
  /** tells an activated Contact that the portal is open to them: its name and how to open it */
  sendInvitation(phone: string, portalName: string, howToOpen: string): Promise<void>;
}
