import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { LEGAL_URL } from '../../../components/ConsentLine';
import { useRegisterText } from '../lib/text';

/**
 * Explicit agreement to the terms and the privacy policy (PIPL; WeChat's privacy flow for phone
 * numbers): unticked until the person ticks it. The links open the terms and privacy pages
 * (subpackage `packages/legal`, which shows the admin's web address, if any).
 */
export function Consent({ agreed, onChange }: { agreed: boolean; onChange: (agreed: boolean) => void }) {
  const t = useRegisterText();
  const open = (which: keyof typeof LEGAL_URL) => void Taro.navigateTo({ url: LEGAL_URL[which] }).catch(() => undefined);
  return (
    <View id="reg-consent" className="consent">
      <Text id="reg-consent-box" className={`consent__box${agreed ? ' consent__box--on' : ''}`} onClick={() => onChange(!agreed)}>
        {agreed ? '✓' : ''}
      </Text>
      <Text className="consent__text" onClick={() => onChange(!agreed)}>
        {t.consent.prefix}
      </Text>
      <Text id="reg-terms-link" className="link" onClick={() => open('terms')}>
        {t.consent.terms}
      </Text>
      <Text className="consent__text">{t.consent.and}</Text>
      <Text id="reg-privacy-link" className="link" onClick={() => open('privacy')}>
        {t.consent.privacy}
      </Text>
    </View>
  );
}
