import type { Consent } from '../contracts/registration';
import type { SettingsDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

/** What is stored on the user: which terms they agreed to, and when (PIPL; WeChat's privacy flow). */
export interface ConsentRecord {
  terms_version: string;
  agreed_at: string;
}

/**
 * Registration and phone binding need explicit agreement to the terms and privacy policy in force. An
 * agreement to an older version (the page was open while the admin published new terms) is refused, so
 * the person sees and accepts the current text.
 */
export function acceptedConsent(settings: SettingsDoc, consent: Consent, now: string): ConsentRecord {
  if (consent.agreed !== true) throw new AppError('input/invalid', { field: 'consent.agreed', reason: 'required' });
  if (consent.termsVersion !== settings.terms.version) throw new AppError('input/invalid', { field: 'consent.termsVersion', reason: 'outdated' });
  return { terms_version: consent.termsVersion, agreed_at: now };
}
