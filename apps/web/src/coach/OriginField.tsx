import { useEffect, useId, useRef, useState } from 'react';
import { gql } from '../api/client';
import { FieldError } from '../components/Field';
import { PlacesDocument, type PlacesQuery } from '../graphql/generated/graphql';
import { t } from '../texts';

/** A point the coach clicked on the map, with the words the field shows for it. */
export interface OriginPoint {
  latitude: number;
  longitude: number;
  label: string;
}

/** What the coach chose: a postcode, a place from the list, a point on the map, or a name as typed (the API forgives typos). */
export type Origin =
  | { kind: 'postcode'; postcode: string }
  | { kind: 'place'; id: string; label: string }
  | { kind: 'point'; latitude: number; longitude: number }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

/** The field's text decides: while it still shows the chosen place or map point, that is the origin; once edited, the text is. */
export function originOf(text: string, chosen?: { id: string; label: string }, point?: OriginPoint): Origin {
  const v = text.trim();
  if (!v) return { kind: 'none' };
  if (/^\d{5}$/.test(v)) return { kind: 'postcode', postcode: v };
  if (point && point.label === v) return { kind: 'point', latitude: point.latitude, longitude: point.longitude };
  if (chosen && chosen.label === v) return { kind: 'place', id: chosen.id, label: chosen.label };
  return { kind: 'text', text: v };
}

type Hit = PlacesQuery['places'][number];

interface Props {
  value: string;
  chosen?: { id: string; label: string };
  onChange(text: string, chosen?: { id: string; label: string }): void;
  error?: string;
  /** a point chosen on the map: while the field shows its words, no places are looked up */
  point?: OriginPoint;
  /** replaceable in tests */
  lookup?: (text: string) => Promise<Hit[]>;
}

const defaultLookup = async (text: string) => (await gql(PlacesDocument, { text, first: 8 })).places;

/**
 * Origin by postcode or place name, with completion (WAI-ARIA combobox with a listbox): typing two
 * letters asks `places` (debounced); arrow keys move through the suggestions, Enter takes one,
 * Escape closes. Five digits are a postcode and need no list. What is typed is never stored.
 */
export function OriginField({ value, chosen, onChange, error, point, lookup = defaultLookup }: Props) {
  const id = useId();
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const text = value.trim();
    if (text.length < 2 || /^\d+$/.test(text) || (chosen && chosen.label === text) || (point && point.label === text)) {
      setHits([]);
      setSearched(false);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      lookup(text)
        .then((h) => {
          if (mine !== seq.current) return;
          setHits(h);
          setSearched(true);
          setActive(-1);
        })
        .catch(() => mine === seq.current && setHits([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [value, chosen, point, lookup]);

  const choose = (hit: Hit) => {
    onChange(hit.place.label, { id: hit.place.id, label: hit.place.label });
    setOpen(false);
    setHits([]);
  };
  const expanded = open && hits.length > 0;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <div className={`kern-form-input lotse-combobox${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {t.find.originLabel}
      </label>
      <div className="kern-hint" id={`${id}-hint`}>
        {t.find.originHint}
      </div>
      <input
        id={id}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => {
          onChange(e.target.value, chosen);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && hits.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === 'ArrowUp' && hits.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          } else if (e.key === 'Enter' && expanded && active >= 0) {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t.find.originSuggestions} className="lotse-combobox__list" hidden={!expanded}>
        {hits.map((h, i) => (
          <li
            key={h.place.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'lotse-combobox__option--active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
          >
            {h.place.label}
            {h.place.postcodes.length > 0 && <span className="lotse-muted"> · {h.place.postcodes.slice(0, 3).join(', ')}</span>}
          </li>
        ))}
      </ul>
      <p className="kern-sr-only" aria-live="polite">
        {open && searched ? (hits.length ? t.find.originSuggestionCount(hits.length) : t.find.originNoSuggestion) : ''}
      </p>
      {open && searched && hits.length === 0 && (
        <p className="kern-hint" aria-hidden="true">
          {t.find.originNoSuggestion}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}
