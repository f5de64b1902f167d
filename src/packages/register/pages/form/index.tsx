import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

import { useCall } from '../../../../hooks/useCall';
import { useSession } from '../../../../hooks/useSession';
import { call, CallError } from '../../../../services/client';
import type { AccountNameCheck, RegistrationForm, SubmitRegistrationIn, SubmitRegistrationOut } from '../../../../services/contracts';
import { CandidateConfirm, type Candidate } from '../../components/CandidateConfirm';
import { CompanyPicker, type ChosenCompany } from '../../components/CompanyPicker';
import { Consent } from '../../components/Consent';
import { FieldInput } from '../../components/FieldInput';
import { MobileVerify } from '../../components/MobileVerify';
import { Result } from '../../components/Result';
import { useRegisterText } from '../../lib/text';
import { filled, sectionErrors } from '../../lib/validate';

import '../../lib/register.css';
import { askToBeTold } from '../../../../services/subscribe';
import { RESUBMIT_KEY, type EarlierAnswers } from '../../../../services/resubmit';

type Values = Record<string, string>;
type Decision = { confirmCandidateId: string } | { declinedCandidateId: string } | Record<string, never>;

/**
 * Self-registration: the form is the method's layout (`registration.getForm`), checked here and again on
 * the server; the mobile is proved by SMS code or WeChat; consent is explicit; a similar existing company
 * is put to the person ("Is this your company?") before anything is created.
 */
export default function RegisterFormPage() {
  const t = useRegisterText();
  const session = useSession();
  const s = session.session;
  const form = useCall('registration', 'getForm', {}, { enabled: !session.loading, key: s?.user?.id ?? '' });
  const [account, setAccount] = useState<Values>({});
  const [contact, setContact] = useState<Values>({});
  const [chosen, setChosen] = useState<ChosenCompany | null>(null);
  const [smsCode, setSmsCode] = useState('');
  const [verified, setVerified] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [nameHint, setNameHint] = useState(false);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  // the last name check's answer: its reasons explain the offer submit then makes
  const lastCheck = useRef<AccountNameCheck | null>(null);
  const [result, setResult] = useState<SubmitRegistrationOut | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t.title }).catch(() => undefined);
  }, [t]);

  // Sent back after a rejection: what the person typed last time, to correct rather than retype.
  useEffect(() => {
    const earlier = Taro.getStorageSync(RESUBMIT_KEY) as EarlierAnswers | '';
    if (!earlier) return;
    Taro.removeStorageSync(RESUBMIT_KEY);
    if (earlier.accountName) setAccount((a) => ({ ...a, name: earlier.accountName ?? '' }));
    setContact((c) => ({ ...c, ...(earlier.contactName ? { name: earlier.contactName } : {}), ...(earlier.mobile ? { mobile1: earlier.mobile } : {}) }));
  }, []);

  // Someone who already belongs to an Account (or asked to join one) sees where they stand, not the form.
  const user = s?.user;
  const joined = s && user && (s.state === 'member' || s.state === 'pending') && (user.accountId || user.joinRequest);
  if (result || joined) {
    const state = result?.state ?? (s?.state === 'pending' ? 'pending' : 'member');
    const name = result?.account.name ?? s?.account?.name ?? user?.joinRequest?.accountName ?? '';
    return (
      <View id="register-page" className="page">
        <Result state={state} accountName={name} />
      </View>
    );
  }

  if (form.loading || session.loading) {
    return (
      <View id="register-page" className="page">
        <View id="reg-loading" className="card">
          <Text className="muted">{t.loading}</Text>
        </View>
      </View>
    );
  }
  if (form.error || !form.data) {
    return (
      <View id="register-page" className="page">
        <View id="reg-unavailable" className="card card--error">
          <Text className="error-text">{form.error?.message}</Text>
          <Button className="btn btn--plain" size="mini" onClick={form.reload}>
            {t.retry}
          </Button>
        </View>
      </View>
    );
  }

  const f: RegistrationForm = form.data;
  const mobile = (contact['mobile1'] ?? '').trim();
  const contactFields = f.fields.contact;

  const validate = (): boolean => {
    const errs: Record<string, string> = { ...sectionErrors('contact', contactFields, contact, t) };
    if (f.accountRule === 'user-defined') Object.assign(errs, sectionErrors('account', f.fields.account, account, t));
    else if (!chosen) errs['account.company'] = t.errors.pickCompany;
    if (!errs['contact.mobile1'] && verified !== mobile && !/^\d{6}$/.test(smsCode)) errs['smsCode'] = t.errors.verify;
    setErrors(errs);
    if (!agreed) setProblem(t.errors.consent);
    else if (Object.keys(errs).length) setProblem(null);
    return agreed && Object.keys(errs).length === 0;
  };

  const accountInput = (): SubmitRegistrationIn['account'] => {
    if (chosen?.kind === 'existing') return { id: chosen.id };
    if (chosen?.kind === 'registry') return { creditCode: chosen.creditCode };
    return filled(account);
  };

  const submit = async (decision: Decision = {}) => {
    if (!validate()) return;
    // inside the tap, as WeChat requires: one-time consent to hear how the registration is decided
    void askToBeTold(s, ['registration.approved', 'registration.rejected']);
    setSubmitting(true);
    setProblem(null);
    try {
      const input: SubmitRegistrationIn = {
        account: accountInput(),
        contact: filled(contact),
        consent: { agreed: true, termsVersion: f.terms.version },
        ...(verified !== mobile && smsCode ? { smsCode } : {}),
        ...decision,
      };
      const out = await call('registration', 'submit', input);
      setCandidate(null);
      setResult(out);
      void session.refresh();
    } catch (e) {
      if (e instanceof CallError && e.code === 'registration/confirm-candidate') {
        const id = String(e.params?.['candidateId'] ?? '');
        const checked = lastCheck.current?.candidate?.id === id ? lastCheck.current.candidate : undefined;
        setCandidate({ id, name: String(e.params?.['candidateName'] ?? ''), kind: String(e.params?.['candidateKind'] ?? ''), typed: String(e.params?.['typed'] ?? ''), reasons: checked?.reasons ?? [] });
      } else if (e instanceof CallError && e.code === 'registration/already-registered') {
        void session.refresh();
      } else {
        setProblem(e instanceof CallError ? e.message : String(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  // An exact match is worth saying before submitting: the join will wait for an administrator.
  const checkName = async () => {
    const name = (account['name'] ?? '').trim();
    if (name.length < 2) return setNameHint(false);
    try {
      const r = await call('registration', 'checkAccountName', { name });
      lastCheck.current = r;
      setNameHint(r.match === 'exact');
    } catch {
      setNameHint(false); // a hint only: rate limits or errors simply leave it out
    }
  };

  const notNow = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: '/pages/index/index' });
  };

  return (
    <View id="register-page" className="page">
      <Text className="page-title block">{t.title}</Text>
      <Text className="muted block intro">{t.intro}</Text>

      <View className="card">
        <Text className="card__title">{t.company}</Text>
        {f.accountRule === 'user-defined' ? (
          f.fields.account.map((field) => (
            <FieldInput
              key={field.name}
              section="account"
              field={field}
              value={account[field.name] ?? ''}
              error={errors[`account.${field.name}`]}
              onChange={(v) => setAccount((a) => ({ ...a, [field.name]: v }))}
              onBlur={field.name === 'name' ? () => void checkName() : undefined}
            />
          ))
        ) : (
          <CompanyPicker rule={f.accountRule} chosen={chosen} error={errors['account.company']} onChoose={setChosen} />
        )}
        {nameHint && f.accountRule === 'user-defined' && (
          <Text id="reg-name-hint" className="hint">
            {t.nameHint}
          </Text>
        )}
      </View>

      <View className="card">
        <Text className="card__title">{t.person}</Text>
        {contactFields.map((field) => (
          <FieldInput
            key={field.name}
            section="contact"
            field={field}
            value={contact[field.name] ?? ''}
            error={errors[`contact.${field.name}`]}
            disabled={field.name === 'mobile1' && !!verified && verified === mobile}
            onChange={(v) => setContact((c) => ({ ...c, [field.name]: v }))}
          />
        ))}
        <MobileVerify
          phone={mobile}
          verified={verified}
          code={smsCode}
          agreed={agreed}
          termsVersion={f.terms.version}
          error={errors['smsCode']}
          onCode={setSmsCode}
          onVerified={(phone) => {
            setVerified(phone);
            setContact((c) => ({ ...c, mobile1: phone }));
            setProblem(null);
          }}
          onProblem={setProblem}
        />
      </View>

      <Consent agreed={agreed} onChange={setAgreed} />

      {candidate && (
        <CandidateConfirm candidate={candidate} busy={submitting} onYes={() => void submit({ confirmCandidateId: candidate.id })} onNo={() => void submit({ declinedCandidateId: candidate.id })} />
      )}
      {problem && (
        <Text id="reg-problem" className="error-text">
          {problem}
        </Text>
      )}
      {!candidate && (
        <Button id="reg-submit" className={`btn btn--primary${submitting ? ' btn--off' : ''}`} disabled={submitting} onClick={() => void submit()}>
          {submitting ? t.submitting : t.submit}
        </Button>
      )}
      <Button id="reg-not-now" className="btn btn--plain" onClick={notNow}>
        {t.notNow}
      </Button>
    </View>
  );
}
