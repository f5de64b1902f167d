import { useI18n } from '../i18n';

export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <div className="console-card console-placeholder" id="page-placeholder">
      <h2>{t('placeholder.title')}</h2>
      <p>{t('placeholder.description', { page: title })}</p>
    </div>
  );
}
