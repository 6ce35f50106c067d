/**
 * Small pieces the coach's referral screens share: the code spelled out for screen readers, the
 * days without an update, the needs a "Vermitteln" button hands to the form.
 *
 * The referral code is a pseudonym of a person: it is shown, copied and — only when the coach asks
 * for it — put on the shortlist in this browser for the hand-out. It is never logged, never put in
 * a URL, never sent anywhere but the referral API.
 */

/** "7KQM-X4TB-9HZD" → "7 K Q M – X 4 T B – 9 H Z D" (a screen reader reads it sign by sign) */
export function spellCode(code: string): string {
  return code
    .split('-')
    .map((group) => [...group].join(' '))
    .join(' – ');
}

/** the code's groups, for showing them apart */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}

/** whole days since `iso` (at least 0) */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / (24 * 3600 * 1000)));
}

/** "de, UK ,ar" → ["de", "uk", "ar"] (the API checks the codes) */
export function parseLanguages(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean))];
}

/**
 * What a "Vermitteln" button on a match result preselects in the form — the matched needs and the
 * languages asked for in that match: kept in memory for this tab only (never in the URL, never in
 * storage — needs are health data), keyed by the listing; the next button replaces it.
 */
let preselected: { key: string; needs: string[]; languages: string[] } | undefined;
let matchLanguages: string[] = [];

export const referralStart = {
  /** the match form says which languages the participant asked for (FindPage, on every match) */
  noteMatchLanguages(languages: string[]) {
    matchLanguages = languages;
  },
  set(serviceId: string, locationId: string, needs: string[]) {
    preselected = { key: `${serviceId}@${locationId}`, needs, languages: matchLanguages };
  },
  /** the needs preselected for this listing, if a button set them */
  get(serviceId: string, locationId: string): string[] | undefined {
    return preselected?.key === `${serviceId}@${locationId}` ? preselected.needs : undefined;
  },
  /** the languages of the match the button came from, for this listing */
  languages(serviceId: string, locationId: string): string[] {
    return preselected?.key === `${serviceId}@${locationId}` ? preselected.languages : [];
  },
  clear() {
    preselected = undefined;
    matchLanguages = [];
  },
};

/** where the form for a listing is (ids only: nothing about the person) */
export function referHref(serviceId: string, locationId: string): string {
  return `/vermittlungen/neu?angebot=${encodeURIComponent(serviceId)}&standort=${encodeURIComponent(locationId)}`;
}

export function referralHref(id: string): string {
  return `/vermittlungen/vermittlung?id=${encodeURIComponent(id)}`;
}

export function serviceHref(serviceId: string, locationId?: string): string {
  return `/angebote/angebot?id=${encodeURIComponent(serviceId)}${locationId ? `&standort=${encodeURIComponent(locationId)}` : ''}`;
}
