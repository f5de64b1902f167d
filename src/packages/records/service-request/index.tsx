import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { LoginPrompt } from '../../../components/LoginPrompt';
import { useSession } from '../../../hooks/useSession';
import { CallError } from '../../../services/client';
import type { ServiceRequestCategory } from '../../../services/contracts';
import { can } from '../../../services/permissions';
import { askToBeTold } from '../../../services/subscribe';
import { MOBILE_CN } from '../../../services/mobile';
import { Choice, Empty, goRegister } from '../components/States';
import { call } from '../lib/api';
import { useRecordsText } from '../lib/text';

import '../lib/records.css';

const CATEGORIES: ServiceRequestCategory[] = ['consultation', 'installation', 'repair', 'training', 'other'];

/**
 * A service request — open to guests. A guest shares one anonymous account, so they must say how to
 * reach them; members may leave contact details empty (their own are used).
 */
export default function ServiceRequestPage() {
  const t = useRecordsText();
  const { session, loading: sessionLoading } = useSession();
  const isGuest = session?.state === 'guest';
  const [category, setCategory] = useState<ServiceRequestCategory>('consultation');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [needsRegistration, setNeedsRegistration] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [doneId, setDoneId] = useState<string | null>(null);

  if (!sessionLoading && !can(session, 'serviceRequest', 'create')) return <View className="page"><Empty id="sr-denied" text={t.denied} /></View>;

  if (doneId) {
    return (
      <View className="page">
        <View id="sr-success" className="card" data-id={doneId}>
          <Text className="card__title">{t.service.done}</Text>
          <Text className="muted">{t.service.doneHint}</Text>
          <View className="actions">
            <Button id="sr-again" className="btn btn--plain" size="mini" onClick={() => (setDoneId(null), setSubject(''), setDescription(''))}>
              {t.service.again}
            </Button>
            <Button id="sr-home" className="btn btn--primary" size="mini" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              {t.service.home}
            </Button>
          </View>
        </View>
      </View>
    );
  }

  const submit = async () => {
    if (subject.trim().length < 2) return setProblem(t.form.titleTooShort);
    if (!description.trim()) return setProblem(t.form.descriptionMissing);
    if (isGuest && (!contactName.trim() || !contactPhone.trim())) return setProblem(t.service.contactMissing);
    if (contactPhone.trim() && !MOBILE_CN.test(contactPhone.trim())) return setPhoneError(t.service.badPhone);
    setProblem(null);
    // inside the tap, as WeChat requires: one-time consent to hear how the request goes
    if (!isGuest) void askToBeTold(session, ['serviceRequest.updated']);
    setSubmitting(true);
    try {
      const data = {
        category,
        subject: subject.trim(),
        description: description.trim(),
        ...(contactName.trim() ? { contactName: contactName.trim() } : {}),
        ...(contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
      };
      const created = await call('records', 'create', { object: 'serviceRequest', data });
      setDoneId(created.id);
    } catch (e) {
      if (e instanceof CallError && e.code === 'registration/required') setNeedsRegistration(true);
      else setProblem(e instanceof CallError ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page">
      <Text className="page-title">{t.service.title}</Text>
      <View className="card" style={{ marginTop: '24px' }}>
        <View className="field">
          <Text className="field__label">{t.service.category}</Text>
          <Choice idPrefix="sr-category" value={category} options={CATEGORIES.map((c) => ({ value: c, label: t.category[c] }))} onChange={setCategory} />
        </View>
        <View className="field">
          <Text className="field__label">{t.service.subject}</Text>
          <Input id="sr-subject" className="field__input" value={subject} maxlength={80} placeholder={t.service.subjectPlaceholder} onInput={(e) => setSubject(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">{t.service.description}</Text>
          <Textarea id="sr-description" className="field__textarea" value={description} maxlength={2000} onInput={(e) => setDescription(e.detail.value)} />
        </View>
        <Text className="hint">{isGuest ? t.service.contactHintGuest : t.service.contactHintMember}</Text>
        <View className="field">
          <Text className="field__label">{t.service.contactName}</Text>
          <Input id="sr-contact-name" className="field__input" value={contactName} maxlength={40} onInput={(e) => setContactName(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">{t.service.contactPhone}</Text>
          <Input id="sr-contact-phone" className="field__input" type="number" value={contactPhone} maxlength={11} onInput={(e) => (setContactPhone(e.detail.value.replace(/\D/g, '').slice(0, 11)), setPhoneError(null))} />
          {phoneError && (
            <Text id="sr-contact-phone-error" className="error-text">
              {phoneError}
            </Text>
          )}
        </View>
        {problem && (
          <Text id="sr-form-error" className="error-text">
            {problem}
          </Text>
        )}
        <Button id="sr-submit" className={`btn btn--primary${submitting || sessionLoading ? ' btn--off' : ''}`} loading={submitting} disabled={submitting || sessionLoading} onClick={() => void submit()}>
          {t.service.submit}
        </Button>
      </View>
      {needsRegistration && <LoginPrompt next="register" onGo={goRegister} onCancel={() => setNeedsRegistration(false)} />}
    </View>
  );
}
