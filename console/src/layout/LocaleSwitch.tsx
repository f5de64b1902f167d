import { Button } from 'tdesign-react/es/button';
import { useI18n } from '../i18n';

/** One button that flips between 中文 and English; the choice is remembered and sent with every call. */
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      id="locale-switch"
      variant="text"
      size="small"
      lang={next}
      title={t('header.language')}
      aria-label={`${t('header.language')}: ${t('header.switchTo')}`}
      onClick={() => setLocale(next)}
    >
      {t('header.switchTo')}
    </Button>
  );
}
