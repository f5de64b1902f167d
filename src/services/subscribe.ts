import Taro from '@tarojs/taro';

import { call } from './client';
import type { SessionView } from './contracts';

type Kind = NonNullable<SessionView['messageTemplates']>[number]['kind'];

/**
 * Asks for one-time consent to the subscribe messages of `kinds` (WeChat shows its own dialog) and
 * records what the person accepted. Must start inside the tap that submits: WeChat refuses the dialog
 * outside a user gesture. Outside the WeChat client (h5) there are no subscribe messages: nothing is asked.
 */
export async function askToBeTold(session: SessionView | null, kinds: Kind[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = [...new Set((session?.messageTemplates ?? []).filter((m) => kinds.includes(m.kind)).map((m) => m.templateId))].slice(0, 3);
  if (!tmplIds.length) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
    const accepted = tmplIds.filter((id) => answer[id] === 'accept');
    if (accepted.length) await call('auth', 'acceptSubscriptions', { templateIds: accepted });
  } catch {
    // declined, or the dialog unavailable: the in-app notifications still tell them
  }
}
