const BERLIN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
const BERLIN_WEEKDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short' });
const BERLIN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** 'YYYY-MM-DD' of the day in Germany (opening hours, course dates and "today" are local). */
export function berlinDate(at: Date): string {
  return BERLIN_DATE.format(at);
}

/** ISO weekday (1 = Monday) in Germany. */
export function berlinWeekday(at: Date): number {
  return WEEKDAYS[BERLIN_WEEKDAY.format(at)];
}

/** 'HH:MM' in Germany. */
export function berlinTime(at: Date): string {
  return BERLIN_TIME.format(at);
}
