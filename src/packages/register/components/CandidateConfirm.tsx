import { Button, Text, View } from '@tarojs/components';

import type { MatchReason } from '../../../services/contracts';
import { fill, useRegisterText } from '../lib/text';

/** What submit offered: the Account, how it matched (`typo`, `variant`), the registrant's own text, and why. */
export interface Candidate {
  id: string;
  name: string;
  kind: string;
  typed: string;
  reasons: MatchReason[];
}

/**
 * "Is this your company?" — or, for a typo, "Did you mean …?" — the fuzzy duplicate check asks; the
 * person answers. Their own text stays on screen and "no" registers it as typed.
 * Hooks: `#reg-candidate[data-kind]`, `#reg-candidate-name`, `#reg-candidate-typed`, `#reg-candidate-why` (`[data-why]`).
 */
export function CandidateConfirm({ candidate, busy, onYes, onNo }: { candidate: Candidate; busy: boolean; onYes: () => void; onNo: () => void }) {
  const t = useRegisterText();
  const typo = candidate.kind === 'typo';
  const why = candidate.reasons.map((r) => ({ code: r.code, text: reasonText(t.confirm.why, t.confirm.how, r) })).filter((r) => r.text);
  return (
    <View id="reg-candidate" className="card candidate" data-kind={candidate.kind}>
      <Text className="card__title">{typo ? t.confirm.typoTitle : t.confirm.title}</Text>
      <Text className="block">{typo ? t.confirm.typoBody : t.confirm.body}</Text>
      <Text id="reg-candidate-name" className="strong block candidate__name">
        {candidate.name}
      </Text>
      {why.length > 0 && (
        <View id="reg-candidate-why" className="candidate__why">
          {why.map((r, i) => (
            <Text key={i} className="block muted" data-why={r.code}>
              {r.text}
            </Text>
          ))}
        </View>
      )}
      {candidate.typed && (
        <Text id="reg-candidate-typed" className="block muted">
          {fill(t.confirm.typed, { typed: candidate.typed })}
        </Text>
      )}
      <Button id="reg-candidate-yes" className="btn btn--primary" disabled={busy} onClick={onYes}>
        {t.confirm.yes}
      </Button>
      <Button id="reg-candidate-no" className="btn btn--plain" disabled={busy} onClick={onNo}>
        {candidate.typed ? fill(t.confirm.keepMine, { typed: candidate.typed }) : t.confirm.no}
      </Button>
    </View>
  );
}

type Why = ReturnType<typeof useRegisterText>['confirm']['why'];
type How = ReturnType<typeof useRegisterText>['confirm']['how'];

/** The reasons a registrant is shown (what matched and what they left out); others are for admins. */
function reasonText(why: Why, how: How, r: MatchReason): string {
  switch (r.code) {
    case 'typo':
      return fill(why.typo, { typed: r.typed, existing: r.existing, how: how[r.how] });
    case 'same-brand':
      return fill(why.sameBrand, { words: r.words });
    case 'region-missing':
      return fill(why.regionMissing, { region: r.region });
    case 'words-missing':
      return fill(why.wordsMissing, { words: r.words });
    case 'words-extra':
      return fill(why.wordsExtra, { words: r.words });
    case 'abbreviation':
      return fill(why.abbreviation, { typed: r.typed, existing: r.existing });
    case 'legal-form-missing':
      return why.legalFormMissing;
    default:
      return '';
  }
}
