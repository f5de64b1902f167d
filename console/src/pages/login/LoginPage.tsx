import { useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Form, type SubmitContext } from 'tdesign-react/es/form';
import { Input } from 'tdesign-react/es/input';
import type { AdminView } from '../../contracts';
import { useI18n } from '../../i18n';
import { LocaleSwitch } from '../../layout/LocaleSwitch';
import { domId } from '../../domId';
import { adminCall, setToken } from '../../services/admin';

const { FormItem } = Form;

interface Credentials {
  username: string;
  password: string;
}

/**
 * Test hooks: `#login-username input`, `#login-password input`, `#login-submit`, `#login-error`
 * (the server's message, verbatim), `#login-notice` (e.g. "session expired").
 */
export function LoginPage({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (admin: AdminView) => void }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(context: SubmitContext) {
    if (context.validateResult !== true || busy) return;
    const { username, password } = form.getFieldsValue(true) as Partial<Credentials>;
    setBusy(true);
    setError(null);
    try {
      const result = await adminCall('login', { username: (username ?? '').trim(), password: password ?? '' });
      setToken(result.token);
      onLoggedIn(result.admin);
    } catch (cause) {
      setError(errorText(cause));
      form.setFieldsValue({ password: '' });
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-page__locale">
        <LocaleSwitch />
      </div>
      <section className="login-card" aria-labelledby="login-title">
        <header className="login-card__header">
          <div className="login-card__brand">{t('app.name')}</div>
          <h1 id="login-title">{t('login.title')}</h1>
          <p>{t('login.subtitle')}</p>
        </header>

        {notice && !error ? (
          <div id="login-notice" className="console-notice console-notice--info" role="status">
            {notice}
          </div>
        ) : null}
        {error ? (
          <div id="login-error" className="console-notice console-notice--error" role="alert">
            {error}
          </div>
        ) : null}

        <Form form={form} labelAlign="top" colon={false} requiredMark={false} onSubmit={handleSubmit} disabled={busy} preventSubmitDefault>
          <FormItem label={t('login.username')} name="username" initialData="" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input {...domId('login-username')} name="username" size="large" autocomplete="username" placeholder={t('login.usernamePlaceholder')} />
          </FormItem>
          <FormItem label={t('login.password')} name="password" initialData="" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input {...domId('login-password')} name="password" type="password" size="large" autocomplete="current-password" placeholder={t('login.passwordPlaceholder')} />
          </FormItem>
          <div className="login-card__actions">
            <Button id="login-submit" type="submit" theme="primary" size="large" block loading={busy}>
              {t('login.submit')}
            </Button>
          </div>
        </Form>
      </section>
    </main>
  );
}
