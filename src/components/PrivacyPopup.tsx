import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { useI18n } from '../i18n';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

export const PRIVACY_AGREE_ID = 'privacy-agree';

/**
 * WeChat's privacy flow (`__usePrivacyCheck__` in app.config.ts): the first time a page uses something the
 * privacy guide declares — the phone number button — WeChat holds it and asks through
 * `onNeedPrivacyAuthorization`. This popup shows the guide and answers with the person's choice; the held
 * button then goes on, or fails if they decline. Mounted by the page that renders the phone button.
 */
export function PrivacyPopup() {
  const { t } = useI18n();
  const [pending, setPending] = useState<Resolve | null>(null);
  useEffect(() => {
    // h5 has no privacy check to answer (its Taro stubs would only complain); older WeChat lacks the API
    if (process.env.TARO_ENV === 'h5') return;
    const listen = (Taro as { onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void }).onNeedPrivacyAuthorization;
    if (typeof listen !== 'function') return;
    listen((resolve) => {
      resolve({ event: 'exposureAuthorization' });
      setPending(() => resolve);
    });
  }, []);
  if (!pending) return null;
  const answer = (event: 'agree' | 'disagree') => {
    pending(event === 'agree' ? { event, buttonId: PRIVACY_AGREE_ID } : { event });
    setPending(null);
  };
  return (
    <View id="privacy-popup" className="privacy-popup">
      <Text className="privacy-popup__title">{t.privacy.title}</Text>
      <Text className="privacy-popup__body">{t.privacy.body}</Text>
      <Text id="privacy-guide" className="link" onClick={() => Taro.openPrivacyContract({})}>
        {t.privacy.guide}
      </Text>
      <View className="privacy-popup__actions">
        <Button id="privacy-disagree" className="btn btn--plain" onClick={() => answer('disagree')}>
          {t.privacy.disagree}
        </Button>
        <Button id={PRIVACY_AGREE_ID} className="btn btn--primary" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => answer('agree')}>
          {t.privacy.agree}
        </Button>
      </View>
    </View>
  );
}
