import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import { RESUBMIT_KEY, useMeText, when } from '../lib/text';

import '../lib/me.css';

const REGISTER_URL = '/packages/register/pages/form/index';

function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="me-fact">
      <Text className="me-fact__label">{label}</Text>
      <Text id={id} className="me-fact__value">
        {value}
      </Text>
    </View>
  );
}

/** Where my registration stands: what I sent and its status; if it was turned down, why, and a way to send it again. */
export default function MyRegistrationPage() {
  const t = useMeText();
  const { session: s, loading, refresh } = useSession();
  const notes = useCall('auth', 'notifications', {}, { enabled: !loading, key: s?.user?.id ?? '' });

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t.registration.title }).catch(() => undefined);
  }, [t]);

  // an administrator may have decided since the app opened
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (loading || !s) {
    return (
      <View className="page">
        <View className="card">
          <Text className="muted">{t.loading}</Text>
        </View>
      </View>
    );
  }

  const join = s.user?.joinRequest;
  // turned down and not (yet) in an Account: the reason, and the way back to the form
  const rejection = s.state !== 'pending' && !s.account ? notes.data?.items.find((i) => i.kind === 'registration.rejected') : undefined;
  const canRegister = s.next === 'register' || !!rejection;
  const again = () => {
    if (rejection?.resubmit) Taro.setStorageSync(RESUBMIT_KEY, rejection.resubmit);
    void Taro.navigateTo({ url: REGISTER_URL });
  };

  return (
    <View id="my-registration-page" className="page">
      <View className="card">
        <View className="me-fact">
          <Text className="me-fact__label">{t.registration.status}</Text>
          <Text id="my-registration-status" className={`me-status me-status--${s.state}`}>
            {s.state === 'pending' ? t.registration.pending : s.state === 'member' && s.account ? t.registration.member : rejection ? t.registration.rejected : t.registration.none}
          </Text>
        </View>
        {s.state === 'pending' && <Text className="hint">{t.registration.pendingHint}</Text>}
        {join && (
          <>
            <Fact label={t.registration.company} value={join.accountName} id="my-registration-company" />
            <Fact label={t.registration.name} value={join.contactName} />
            <Fact label={t.registration.mobile} value={join.mobile} />
            <Fact label={t.registration.submittedAt} value={when(join.requestedAt)} />
          </>
        )}
        {!join && s.state === 'member' && s.account && <Fact label={t.registration.memberOf} value={s.account.name} id="my-registration-company" />}
        {rejection && (
          <>
            <Text id="my-registration-reason" className="me-item__body">
              {rejection.body}
            </Text>
            {rejection.resubmit && (
              <>
                <Fact label={t.registration.company} value={rejection.resubmit.accountName} />
                <Fact label={t.registration.name} value={rejection.resubmit.contactName} />
                <Fact label={t.registration.mobile} value={rejection.resubmit.mobile} />
              </>
            )}
          </>
        )}
        {canRegister && (
          <View className="me-actions">
            <Button id="my-registration-go" className="btn btn--primary" onClick={again}>
              {rejection ? t.registration.resubmit : t.registration.register}
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
