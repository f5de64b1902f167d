import type { Locale } from '../contracts/envelope';
import type { NotificationKind } from '../contracts/notifications';

/** The facts an entry is worded from; stored with it so each reader gets their own language. */
export interface NotificationFacts {
  accountName?: string;
  reason?: string;
  subject?: string;
  /** service request status, as stored */
  status?: string;
  portalName?: string;
}

const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': { submitted: '已提交', processing: '正在处理', done: '已办结', cancelled: '已取消' },
  en: { submitted: 'submitted', processing: 'being handled', done: 'done', cancelled: 'cancelled' },
};

const statusWord = (locale: Locale, s: string | undefined) => STATUS[locale][s ?? 'submitted'] ?? STATUS[locale]['submitted']!;

/** Title and body of an entry, in the reader's language. */
export function wordingOf(kind: NotificationKind, f: NotificationFacts, locale: Locale): { title: string; body: string } {
  const zh = locale === 'zh-CN';
  switch (kind) {
    case 'registration.approved':
      return zh
        ? { title: '注册已通过', body: `您加入「${f.accountName ?? ''}」的申请已通过，现在可以使用全部服务。` }
        : { title: 'Registration approved', body: `Your request to join ${f.accountName ?? 'the company'} was approved. All services are open to you now.` };
    case 'registration.rejected':
      return zh
        ? { title: '注册未通过', body: `您加入「${f.accountName ?? ''}」的申请未通过。原因：${f.reason ?? '未说明'}。您可以修改后重新提交。` }
        : { title: 'Registration not approved', body: `Your request to join ${f.accountName ?? 'the company'} was not approved. Reason: ${f.reason ?? 'none given'}. You can correct it and send it again.` };
    case 'user.activated':
      return zh
        ? { title: '账号已开通', body: `您已被开通为「${f.accountName ?? ''}」的用户。用手机号短信登录即可使用。` }
        : { title: 'Account activated', body: `You were activated as a user of ${f.accountName ?? 'your company'}. Sign in with an SMS code to your mobile.` };
    case 'serviceRequest.updated':
      return zh
        ? { title: '服务申请有更新', body: `您的服务申请「${f.subject ?? ''}」${statusWord(locale, f.status)}。` }
        : { title: 'Service request updated', body: `Your service request “${f.subject ?? ''}” is ${statusWord(locale, f.status)}.` };
  }
}
