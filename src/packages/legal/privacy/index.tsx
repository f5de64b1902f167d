import { LegalPage } from '../lib/LegalPage';

/** The privacy the login and registration consent lines link to. */
export default function PrivacyPage() {
  return <LegalPage kind="privacy" />;
}
