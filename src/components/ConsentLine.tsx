import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useI18n } from '../i18n';

interface Props {
  /** prefix of the element ids (`{id}-box`, `{id}-terms`, `{id}-privacy`) */
  id: string;
  agreed: boolean;
  onChange: (agreed: boolean) => void;
}

/** The terms and the privacy policy, as pages of the mini program (subpackage `packages/legal`). */
export const LEGAL_URL = { terms: '/packages/legal/terms/index', privacy: '/packages/legal/privacy/index' } as const;

/**
 * Explicit agreement to the service terms and the privacy policy, unticked until the person ticks it.
 * The links open the terms and privacy pages (which show the admin's web address, if any).
 */
export function ConsentLine({ id, agreed, onChange }: Props) {
  const { t } = useI18n();
  const open = (which: keyof typeof LEGAL_URL) => void Taro.navigateTo({ url: LEGAL_URL[which] }).catch(() => undefined);
  const toggle = () => onChange(!agreed);
  return (
    <View id={id} className="consent-line">
      <Text id={`${id}-box`} className={`consent-line__box${agreed ? ' consent-line__box--on' : ''}`} onClick={toggle}>
        {agreed ? '✓' : ''}
      </Text>
      <Text className="consent-line__text" onClick={toggle}>
        {t.smsLogin.agreePrefix}
      </Text>
      <Text id={`${id}-terms`} className="consent-line__link" onClick={() => open('terms')}>
        {t.smsLogin.terms}
      </Text>
      <Text className="consent-line__text">{t.smsLogin.and}</Text>
      <Text id={`${id}-privacy`} className="consent-line__link" onClick={() => open('privacy')}>
        {t.smsLogin.privacy}
      </Text>
    </View>
  );
}
