import { useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Steps } from 'tdesign-react/es/steps';
import type { AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { DEFAULT_ROLE_ID, useRoles } from '../../components/roles';
import type { ActivationPreview, ActivationResult } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { AccountsStep } from './AccountsStep';
import { ContactsStep, defaultChoice, type ContactChoice } from './ContactsStep';
import { ManualSwitch } from './ManualSwitch';
import { ResultStep } from './ResultStep';
import { ReviewStep } from './ReviewStep';
import './activation.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

type Step = 0 | 1 | 2 | 3;

/**
 * Manual activation, as a wizard: Accounts → Contacts → roles and seats → result. Every step asks the
 * server (`users.previewActivation`) rather than guessing, so what the review shows is what `users.activate`
 * will do.
 * Test hooks: `#activation-steps`, `#activation-next`, `#activation-back`, `#activation-submit`,
 * `#activation-error` (the server's message), plus those of each step and of ManualSwitch.
 */
export default function ActivationPage() {
  const { t } = useI18n();
  const { roles } = useRoles();
  const [step, setStep] = useState<Step>(0);
  const [accounts, setAccounts] = useState<AccountOption[]>([]);
  const [full, setFull] = useState<ActivationPreview | null>(null);
  const [choice, setChoice] = useState<ContactChoice>({});
  const [review, setReview] = useState<ActivationPreview | null>(null);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [result, setResult] = useState<ActivationResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (roleIds.length === 0 && roles.some((r) => r.id === DEFAULT_ROLE_ID)) setRoleIds([DEFAULT_ROLE_ID]);
    // only when the roles arrive (not on every pick): an admin who clears the picker keeps it cleared
  }, [roles]);

  /** The request as `users.activate` takes it: Accounts with at least one chosen Contact. */
  const request = useMemo(
    () => Object.entries(choice).filter(([, ids]) => ids.length > 0).map(([accountId, contactIds]) => ({ accountId, contactIds })),
    [choice],
  );
  const contactNames = useMemo(() => new Map((full?.accounts ?? []).flatMap((a) => a.contacts.map((c) => [c.id, c.name] as const))), [full]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toContacts = () =>
    run(async () => {
      const preview = await adminCall('users.previewActivation', { accounts: accounts.map((a) => ({ accountId: a.id })) });
      setFull(preview);
      setChoice(defaultChoice(preview));
      setStep(1);
    });

  const toReview = () =>
    run(async () => {
      setReview(await adminCall('users.previewActivation', { accounts: request }));
      setStep(2);
    });

  const submit = () =>
    run(async () => {
      setResult(await adminCall('users.activate', { accounts: request, roleIds }));
      setStep(3);
    });

  const again = () => {
    setStep(0);
    setAccounts([]);
    setFull(null);
    setChoice({});
    setReview(null);
    setResult(null);
    setError(null);
  };

  const canSubmit = !!review && review.canActivate && review.enoughSeats && review.seatsNeeded > 0 && roleIds.length > 0;

  return (
    <div className="console-card activation-page">
      <PageHeading title={t('activation.title')} description={t('activation.description')} actions={<ManualSwitch onChanged={() => step === 2 && void toReview()} />} />
      <div id="activation-steps" data-step={step}>
        <Steps current={step} readOnly>
          <Steps.StepItem title={t('activation.step.accounts')} />
          <Steps.StepItem title={t('activation.step.contacts')} />
          <Steps.StepItem title={t('activation.step.review')} />
          <Steps.StepItem title={t('activation.step.result')} />
        </Steps>
      </div>

      {error ? <ErrorNotice id="activation-error" error={error} /> : null}

      {step === 0 ? <AccountsStep selected={accounts} onChange={setAccounts} /> : null}
      {step === 1 && full ? <ContactsStep preview={full} choice={choice} onChange={setChoice} /> : null}
      {step === 2 && review ? <ReviewStep preview={review} roles={roles} roleIds={roleIds} onRoleIds={setRoleIds} /> : null}
      {step === 3 && result ? <ResultStep result={result} contactNames={contactNames} onAgain={again} /> : null}

      {step < 3 ? (
        <div className="wizard-footer">
          {step > 0 ? (
            <Button id="activation-back" variant="outline" disabled={busy} onClick={() => (setError(null), setStep((step - 1) as Step))}>
              {t('common.back')}
            </Button>
          ) : (
            <span />
          )}
          {step === 0 ? (
            <Button id="activation-next" theme="primary" loading={busy} disabled={accounts.length === 0} onClick={() => void toContacts()}>
              {t('activation.nextContacts', { count: accounts.length })}
            </Button>
          ) : step === 1 ? (
            <Button id="activation-next" theme="primary" loading={busy} disabled={request.length === 0} onClick={() => void toReview()}>
              {t('activation.nextReview')}
            </Button>
          ) : (
            <Button id="activation-submit" theme="primary" loading={busy} disabled={!canSubmit} onClick={() => void submit()}>
              {t('activation.submit', { count: review?.seatsNeeded ?? 0 })}
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
