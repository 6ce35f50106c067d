/** German dates and numbers for the screens (Europe/Berlin, as the people using Lotse read them). */
const date = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' });
const dateTime = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
const number = new Intl.NumberFormat('de-DE');

export const formatDate = (iso: string | Date): string => date.format(new Date(iso));
export const formatDateTime = (iso: string | Date): string => dateTime.format(new Date(iso));
export const formatNumber = (n: number): string => number.format(n);
export const formatPercent = (share: number): string => `${number.format(Math.round(share * 1000) / 10)} %`;

/**
 * Capacity older than this is stale — the API's default CAPACITY_STALE_DAYS, after which the
 * listing lands in the coordinators' queue; the partner is reminded at the same point.
 */
export const CAPACITY_STALE_DAYS = 30;

export function isStale(updatedAt: string, now: Date = new Date(), days = CAPACITY_STALE_DAYS): boolean {
  return now.getTime() - new Date(updatedAt).getTime() > days * 24 * 3600 * 1000;
}
