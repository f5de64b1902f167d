import type { MessageTemplate, NotificationKind } from '../contracts/notifications';
import { NOTIFICATION_KINDS } from '../contracts/notifications';
import type { SettingsDoc } from '../kernel/docs';

/**
 * The subscribe-message templates this app sends, from the settings (`message_templates`: a list of
 * `{kind, template_id}`, the ids chosen in the mini program's admin; a list because store keys cannot
 * hold the dots of a kind). A kind without one is only an in-app entry.
 */
export function messageTemplatesOf(settings: SettingsDoc): MessageTemplate[] {
  const raw = settings['message_templates'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    const e = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    const kind = NOTIFICATION_KINDS.find((k) => k === e['kind']);
    const id = e['template_id'];
    return kind && typeof id === 'string' && id ? [{ kind, templateId: id }] : [];
  });
}

export function templateFor(settings: SettingsDoc, kind: NotificationKind): string | undefined {
  return messageTemplatesOf(settings).find((t) => t.kind === kind)?.templateId;
}
