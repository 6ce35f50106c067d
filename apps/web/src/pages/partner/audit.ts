import { t } from '../../texts';

/**
 * An audit value (JSON as the API stored it) as readable German text — never raw JSON: opening
 * hours and course runs as a schedule, yes/no, lists joined, objects as "Angabe: Wert" pairs.
 */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return t.conflict.empty;
  if (typeof value === 'boolean') return t.yesNo(value);
  if (typeof value === 'number') return new Intl.NumberFormat('de-DE').format(value);
  if (typeof value === 'string') return t.audit.values[value] ?? value;
  if (Array.isArray(value)) return value.length === 0 ? t.audit.none : value.map(readableValue).join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const day = typeof o.weekday === 'number' ? t.editor.weekdays[o.weekday - 1] : undefined;
    if (day && typeof o.opensAt === 'string') return `${day} ${o.opensAt}–${o.closesAt}`;
    if (day && typeof o.startsOn === 'string') return t.editor.sessionSummary(String(o.startsOn), String(o.endsOn), day, `${o.startTime}–${o.endTime}`, String(o.freeSeats), String(o.seats));
    return Object.entries(o)
      .map(([k, v]) => `${t.audit.fields[k] ?? k}: ${readableValue(v)}`)
      .join(', ');
  }
  return String(value);
}

export function fieldLabel(field: string | null | undefined): string {
  if (!field) return t.conflict.empty;
  return t.audit.fields[field] ?? t.queue.fields[field] ?? field;
}
