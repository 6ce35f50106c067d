import { useId, useMemo, useState } from 'react';
import { FieldError } from '../components/Field';
import type { NeedsQuery } from '../graphql/generated/graphql';
import { t } from '../texts';
import { fold } from './fold';

export type Need = NeedsQuery['needs'][number];

interface Props {
  needs: Need[];
  selected: string[];
  onChange(codes: string[]): void;
  error?: string;
}

/**
 * Needs as checkboxes grouped by the taxonomy's groups, filtered as you type (umlauts and case
 * folded; label, description and code all count). Narrower needs sit under their parent.
 */
export function NeedPicker({ needs, selected, onChange, error }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const q = fold(filter.trim());
    const hits = needs.filter((n) => !q || fold(`${n.labelDe} ${n.descriptionDe} ${n.code}`).includes(q));
    const order: string[] = [];
    const byGroup = new Map<string, Need[]>();
    for (const n of hits) {
      if (!byGroup.has(n.group)) order.push(n.group);
      byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
    }
    return order.map((g) => ({ group: g, needs: byGroup.get(g)! }));
  }, [needs, filter]);
  const labelOf = (code: string) => needs.find((n) => n.code === code)?.labelDe ?? code;
  const toggle = (code: string, on: boolean) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code));

  return (
    <fieldset className={`kern-fieldset lotse-needs${error ? ' kern-fieldset--error' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="kern-label">{t.find.needsLegend}</legend>
      <div className="kern-hint" id={`${id}-hint`}>
        {t.find.needsHint}
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <div className="kern-form-input">
        <label className="kern-label kern-label--small" htmlFor={`${id}-filter`}>
          {t.find.needsFilter}
        </label>
        <input
          id={`${id}-filter`}
          className="kern-form-input__input"
          type="search"
          autoComplete="off"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-controls={`${id}-list`}
        />
      </div>
      <p className="kern-body kern-body--small" aria-live="polite">
        {t.find.needsSelected(selected.length)}
      </p>
      {selected.length > 0 && (
        <ul className="lotse-chips" aria-label={t.find.needsLegend}>
          {selected.map((code) => (
            <li key={code}>
              <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={() => toggle(code, false)} aria-label={t.find.removeNeed(labelOf(code))}>
                <span className="kern-label">{labelOf(code)}</span>
                <span className="kern-icon kern-icon--close kern-icon--small" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div id={`${id}-list`} className="lotse-needs__groups">
        {groups.length === 0 && <p className="kern-body">{t.find.needsNoHit}</p>}
        {groups.map(({ group, needs: list }) => (
          <fieldset key={group} className="kern-fieldset lotse-needs__group">
            <legend className="kern-label kern-label--small">{t.needGroups[group] ?? group}</legend>
            <div className="kern-fieldset__body">
              {list.map((n) => (
                <div className="kern-form-check" key={n.code}>
                  <input
                    id={`${id}-${n.code}`}
                    type="checkbox"
                    className="kern-form-check__checkbox"
                    checked={selected.includes(n.code)}
                    onChange={(e) => toggle(n.code, e.target.checked)}
                    aria-describedby={`${id}-${n.code}-d`}
                  />
                  <label className="kern-label" htmlFor={`${id}-${n.code}`}>
                    {n.parentCode ? <span className="lotse-child">{n.labelDe}</span> : n.labelDe}
                  </label>
                  <span id={`${id}-${n.code}-d`} className="kern-sr-only">
                    {n.descriptionDe}
                  </span>
                </div>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
