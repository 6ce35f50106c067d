import type { ReferralReason, ReferralStatus } from '../../graphql/generated/graphql';

/** The inbox's three views: new (not yet opened), open (answered, still running), closed. */
export type InboxFilter = 'NEW' | 'OPEN' | 'CLOSED';
export const INBOX_FILTERS: InboxFilter[] = ['NEW', 'OPEN', 'CLOSED'];

export const STATUSES_OF: Record<InboxFilter, ReferralStatus[]> = {
  NEW: ['SENT'],
  OPEN: ['SEEN', 'ACCEPTED', 'WAITING_LIST', 'IN_PROGRESS'],
  CLOSED: ['DECLINED', 'COMPLETED', 'NOT_COME_ABOUT', 'WITHDRAWN'],
};

/** the filter in the address (?ansicht=offen), so a reload or the back button keeps it */
export const FILTER_PARAM: Record<InboxFilter, string> = { NEW: 'neu', OPEN: 'offen', CLOSED: 'abgeschlossen' };

export function filterFromSearch(search: string): InboxFilter {
  const value = new URLSearchParams(search).get('ansicht');
  return INBOX_FILTERS.find((f) => FILTER_PARAM[f] === value) ?? 'NEW';
}

/** The reasons a partner chooses from for a move to this status (the API's table, REASONS_FOR). */
export const REASONS_FOR_MOVE: Partial<Record<ReferralStatus, ReferralReason[]>> = {
  DECLINED: ['NO_CAPACITY', 'NOT_RESPONSIBLE', 'OUTSIDE_SERVICE_AREA', 'REQUIREMENTS_NOT_MET', 'OTHER'],
  COMPLETED: ['GOT_HELP', 'REFERRED_ON'],
  NOT_COME_ABOUT: ['NOT_REACHABLE', 'MISSED_APPOINTMENT', 'NO_LONGER_INTERESTED'],
};

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['de'], { type: 'language' });
  } catch {
    return undefined;
  }
})();

/** "uk" → "Ukrainisch"; a code the browser does not know stays as it is. */
export function languageName(code: string): string {
  try {
    const name = languageNames?.of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : code;
  } catch {
    return code;
  }
}

/** Twelve symbols of Crockford's base 32 (as the API accepts them: any case, spaces, dashes). */
export function looksLikeReferralCode(typed: string): boolean {
  return /^[0-9A-Z]{12}$/i.test(typed.replace(/[\s-]/g, ''));
}
