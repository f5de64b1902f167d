/** Sends text messages. Locally the dev outbox; in production Tencent Cloud SMS. */
export interface SmsSender {
  /** sends a verification code; the adapter maps `purpose` to its template */
  sendCode(phone: string, code: string, minutes: number, purpose: string): Promise<void>;
}
