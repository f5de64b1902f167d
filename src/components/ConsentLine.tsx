import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useI18n } from '../i18n';

interface Props {
  /** prefix of the element ids (`{id}-box`, `{id}-terms`, `{id}-privacy`) */
  id: string;
  agreed: boolean;
  onChange: (agreed: boolean) => void;
  termsUrl?: string;
  privacyUrl?: string;
}

/**
 * Explicit agreement to the service terms and the privacy policy, unticked until the person ticks it.
 * Links open in the browser (h5); on weapp external pages cannot be opened, so the link is copied.
 */
export function ConsentLine({ id, agreed, onChange, termsUrl, privacyUrl }: Props) {
  const { t } = useI18n();
  const open = (url: string | undefined) => {
    if (!url) return;
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank', 'noopener');
    else void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: t.smsLogin.linkCopied, icon: 'none' }));
  };
  const toggle = () => onChange(!agreed);
  return (
    <View id={id} className="consent-line">
      <Text id={`${id}-box`} className={`consent-line__box${agreed ? ' consent-line__box--on' : ''}`} onClick={toggle}>
        {agreed ? '✓' : ''}
      </Text>
      <Text className="consent-line__text" onClick={toggle}>
        {t.smsLogin.agreePrefix}
      </Text>
      <Text id={`${id}-terms`} className="consent-line__link" onClick={() => open(termsUrl)}>
        {t.smsLogin.terms}
      </Text>
      <Text className="consent-line__text">{t.smsLogin.and}</Text>
      <Text id={`${id}-privacy`} className="consent-line__link" onClick={() => open(privacyUrl)}>
        {t.smsLogin.privacy}
      </Text>
    </View>
  );
}
