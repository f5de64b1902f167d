import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { useSession } from '../../../hooks/useSession';
import { call, CallError } from '../../../services/client';
import { useMeText } from '../lib/text';

import '../lib/me.css';

/** Which user this WeChat account signs in as, and a way to let go of it. */
export default function MyBindingsPage() {
  const t = useMeText();
  const { session: s, loading, refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t.bindings.title }).catch(() => undefined);
  }, [t]);

  const bound = s?.user && (s.state === 'member' || s.state === 'pending');

  const unbind = async () => {
    const { confirm } = await Taro.showModal({ title: t.bindings.unbind, content: t.bindings.confirm, confirmColor: '#07803f' });
    if (!confirm) return;
    setBusy(true);
    try {
      await call('auth', 'unbindWechat', {});
      setMessage(t.bindings.done);
      await refresh();
    } catch (e) {
      setMessage(e instanceof CallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id="my-bindings-page" className="page">
      <View className="card">
        {loading && !s ? (
          <Text className="muted">{t.loading}</Text>
        ) : bound && s?.user ? (
          <>
            <Text className="me-item__body">{t.bindings.intro}</Text>
            <View className="me-fact">
              <Text className="me-fact__label">{t.bindings.user}</Text>
              <Text id="my-binding-user" className="me-fact__value">
                {s.user.name}
              </Text>
            </View>
            {s.account && (
              <View className="me-fact">
                <Text className="me-fact__label">{t.bindings.company}</Text>
                <Text className="me-fact__value">{s.account.name}</Text>
              </View>
            )}
            {s.user.mobile && (
              <View className="me-fact">
                <Text className="me-fact__label">{t.bindings.mobile}</Text>
                <Text className="me-fact__value">{s.user.mobile}</Text>
              </View>
            )}
            <View className="me-actions">
              <Button id="my-binding-unbind" className={`btn btn--plain${busy ? ' btn--off' : ''}`} disabled={busy} onClick={() => void unbind()}>
                {t.bindings.unbind}
              </Button>
            </View>
          </>
        ) : (
          <Text id="my-binding-none" className="muted">
            {t.bindings.none}
          </Text>
        )}
        {message && <Text className="hint">{message}</Text>}
      </View>
    </View>
  );
}
