import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import type { RegistrationForm } from '../../../services/contracts';
import { useRegisterText } from '../lib/text';

/**
 * Explicit agreement to the terms and the privacy policy (PIPL; WeChat's privacy flow for phone
 * numbers): unticked until the person ticks it. The links open in the browser (h5) or are copied (weapp,
 * where external pages cannot be opened).
 */
export function Consent({ terms, agreed, onChange }: { terms: RegistrationForm['terms']; agreed: boolean; onChange: (agreed: boolean) => void }) {
  const t = useRegisterText();
  const open = (url: string) => {
    if (!url) return void Taro.showToast({ title: t.consent.noLink, icon: 'none' });
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank', 'noopener');
    else void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: t.consent.copied, icon: 'none' }));
  };
  return (
    <View id="reg-consent" className="consent">
      <Text id="reg-consent-box" className={`consent__box${agreed ? ' consent__box--on' : ''}`} onClick={() => onChange(!agreed)}>
        {agreed ? '✓' : ''}
      </Text>
      <Text className="consent__text" onClick={() => onChange(!agreed)}>
        {t.consent.prefix}
      </Text>
      <Text id="reg-terms-link" className="link" onClick={() => open(terms.url)}>
        {t.consent.terms}
      </Text>
      <Text className="consent__text">{t.consent.and}</Text>
      <Text id="reg-privacy-link" className="link" onClick={() => open(terms.privacyUrl)}>
        {t.consent.privacy}
      </Text>
    </View>
  );
}
