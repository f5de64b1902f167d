import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { call, CallError } from '../../../services/client';
import type { RegistrySummary } from '../../../services/contracts';
import { fill, useRegisterText } from '../lib/text';

export type ChosenCompany = { kind: 'existing'; id: string; name: string } | { kind: 'registry'; creditCode: string; name: string };

interface Props {
  rule: 'select-existing' | 'registry';
  chosen: ChosenCompany | null;
  error?: string;
  onChoose: (c: ChosenCompany | null) => void;
}

type Hit = { key: string; name: string; detail?: string; status?: RegistrySummary['status']; pick: ChosenCompany };

const MIN_EXISTING = 4;
const MIN_REGISTRY = 2;

/**
 * The company, when the method does not take a typed name: one of the existing Accounts (`select-existing`,
 * 4+ characters, at most 5 answers) or an official name from the business registry (`registry`).
 */
export function CompanyPicker({ rule, chosen, error, onChoose }: Props) {
  const t = useRegisterText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = rule === 'select-existing' ? MIN_EXISTING : MIN_REGISTRY;

  const search = async () => {
    const q = query.trim();
    if (Array.from(q).length < min) return setProblem(fill(t.search.tooShort, { min }));
    setProblem(null);
    setBusy(true);
    try {
      if (rule === 'select-existing') {
        const r = await call('registration', 'searchAccounts', { query: q });
        setHits(r.items.map((a) => ({ key: a.id, name: a.name, pick: { kind: 'existing', id: a.id, name: a.name } })));
      } else {
        const r = await call('registration', 'searchRegistry', { query: q });
        setHits(r.items.map((c) => ({ key: c.creditCode, name: c.name, detail: c.creditCode, status: c.status, pick: { kind: 'registry', creditCode: c.creditCode, name: c.name } })));
      }
    } catch (e) {
      setProblem(e instanceof CallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (chosen) {
    return (
      <View id="reg-company-chosen" className="field">
        <Text className="muted small">{t.search.chosen}</Text>
        <Text id="reg-company-chosen-name" className="strong block">
          {chosen.name}
        </Text>
        {chosen.kind === 'registry' && <Text className="muted small block">{`${t.search.code} ${chosen.creditCode}`}</Text>}
        <Button id="reg-company-change" className="btn btn--plain" size="mini" onClick={() => onChoose(null)}>
          {t.search.change}
        </Button>
      </View>
    );
  }
  return (
    <View className="field">
      <View className="code-row">
        <Input
          id="reg-company-query"
          className="field__input code-row__input"
          value={query}
          maxlength={50}
          placeholder={rule === 'select-existing' ? t.search.existingPlaceholder : t.search.registryPlaceholder}
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={search}
        />
        <Button id="reg-company-search" className={`btn btn--plain code-row__button${busy ? ' btn--off' : ''}`} size="mini" disabled={busy} onClick={search}>
          {busy ? t.search.searching : t.search.button}
        </Button>
      </View>
      {(problem || error) && <Text className="field__error">{problem ?? error}</Text>}
      {hits && hits.length === 0 && <Text id="reg-company-none" className="muted block">{t.search.none}</Text>}
      {hits?.map((h) => {
        const inactive = h.status !== undefined && h.status !== 'active';
        return (
          <View key={h.key} className={`card company-hit${inactive ? ' company-hit--inactive' : ''}`} onClick={() => !inactive && onChoose(h.pick)}>
            <Text className="company-hit__name">{h.name}</Text>
            {h.detail && <Text className="muted small block">{`${t.search.code} ${h.detail}`}</Text>}
            {h.status && <Text className="muted small">{t.search.status[h.status]}</Text>}
          </View>
        );
      })}
    </View>
  );
}
