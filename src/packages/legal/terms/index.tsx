import { LegalPage } from '../lib/LegalPage';

/** The terms the login and registration consent lines link to. */
export default function TermsPage() {
  return <LegalPage kind="terms" />;
}
