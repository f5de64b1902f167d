import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { LoginPrompt } from '../../../components/LoginPrompt';
import type { CallError } from '../../../services/client';
import { LOGIN_ENTRY, REGISTRATION_ENTRY } from '../../../services/permissions';
import { useRecordsText } from '../lib/text';

export function Loading({ id }: { id: string }) {
  const t = useRecordsText();
  return (
    <View id={id} className="card">
      <Text className="muted">{t.loading}</Text>
    </View>
  );
}

export function Empty({ id, text }: { id: string; text: string }) {
  return (
    <View id={id} className="card">
      <Text className="muted">{text}</Text>
    </View>
  );
}

export const goRegister = () => void Taro.navigateTo({ url: REGISTRATION_ENTRY });

/**
 * A failed call. "Register / be activated first" is not an error to people: it becomes the login
 * prompt (which can always be declined); anything else shows the server's message and a retry.
 */
export function Failure({ id, error, onRetry }: { id: string; error: CallError; onRetry?: () => void }) {
  const t = useRecordsText();
  const [declined, setDeclined] = useState(false);
  if (error.code === 'registration/required' || error.code === 'auth/not-activated') {
    if (declined) return <Empty id={id} text={error.message} />;
    const register = error.code === 'registration/required';
    return <LoginPrompt next={register ? 'register' : 'sms-login'} onGo={register ? goRegister : () => void Taro.navigateTo({ url: LOGIN_ENTRY })} onCancel={() => setDeclined(true)} />;
  }
  return (
    <View id={id} className="card card--error">
      <Text className="error-text">{error.message}</Text>
      {onRetry && error.code !== 'access/denied' && (
        <Button className="btn btn--plain" size="mini" onClick={onRetry}>
          {t.retry}
        </Button>
      )}
    </View>
  );
}

/** A status as a coloured pill; the raw value rides along in `data-status` for tests and support. */
export function StatusBadge({ id, status, label }: { id?: string; status: string; label: string }) {
  return (
    <Text id={id} className={`badge status status--${status}`} data-status={status}>
      {label}
    </Text>
  );
}

export function MoreButton({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const t = useRecordsText();
  if (!hasMore) return null;
  return (
    <Button id="load-more" className={`btn btn--plain${loading ? ' btn--off' : ''}`} loading={loading} disabled={loading} onClick={onMore}>
      {t.more}
    </Button>
  );
}

/** Chips that pick one value (priority, category, device): big tap targets, no native picker needed. */
export function Choice<V extends string>({ idPrefix, value, options, onChange }: { idPrefix: string; value: V; options: Array<{ value: V; label: string }>; onChange: (v: V) => void }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <Text key={o.value} id={`${idPrefix}-${o.value}`} className={`chip${o.value === value ? ' chip--on' : ''}`} onClick={() => onChange(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  );
}
