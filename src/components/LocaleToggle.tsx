import { Button } from '@tarojs/components';

import { useI18n } from '../i18n';

/** Shows the *other* language's name, the usual convention for a two-language switch. */
export function LocaleToggle() {
  const { t, toggleLocale } = useI18n();
  return (
    <Button id="locale-toggle" className="locale-toggle" size="mini" onClick={toggleLocale}>
      {t.localeToggle}
    </Button>
  );
}
