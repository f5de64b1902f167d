import type { SmsSender } from '../../core/ports';

export interface OutboxMessage {
  phone: string;
  text: string;
  purpose: string;
  at: string;
}

/** The local runtime's SMS gateway: messages land in a bounded in-memory outbox (`GET /api/dev/sms`). */
export function devSmsOutbox(limit = 200): SmsSender & { messages(): OutboxMessage[] } {
  const box: OutboxMessage[] = [];
  return {
    async sendCode(phone, code, minutes, purpose) {
      box.push({ phone, purpose, text: `【Hulian】您的验证码是 ${code}，${minutes} 分钟内有效。如非本人操作请忽略。`, at: new Date().toISOString() });
      if (box.length > limit) box.splice(0, box.length - limit);
    },
    async sendInvitation(phone, portalName, howToOpen) {
      box.push({ phone, purpose: 'invitation', text: `【Hulian】您已开通「${portalName}」的使用权限。${howToOpen}`, at: new Date().toISOString() });
      if (box.length > limit) box.splice(0, box.length - limit);
    },
    messages: () => [...box].reverse(),
  };
}
