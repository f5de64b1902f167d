import { Tag, type TagProps } from 'tdesign-react/es/tag';
import type { UserStatus } from '../contracts';
import { useI18n, type MessageKey } from '../i18n';

export const STATUS_LABEL: Record<UserStatus, MessageKey> = {
  active: 'users.status.active',
  pending: 'users.status.pending',
  disabled: 'users.status.disabled',
};
const STATUS_THEME: Record<UserStatus, TagProps['theme']> = { active: 'success', pending: 'warning', disabled: 'default' };

/** A terminal user's status; `data-status` for tests. Unknown statuses (a newer server) show raw. */
export function UserStatusTag({ status }: { status: UserStatus }) {
  const { t } = useI18n();
  return (
    <Tag theme={STATUS_THEME[status] ?? 'default'} variant="light" data-status={status}>
      {STATUS_LABEL[status] ? t(STATUS_LABEL[status]) : status}
    </Tag>
  );
}
