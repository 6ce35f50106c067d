import type { CoordinatorReferralOutcomesQuery, ReferralStatus } from '../../graphql/generated/graphql';
import { t } from '../../texts';

export type OutcomeCell = CoordinatorReferralOutcomesQuery['referralOutcomes'][number];
export type UnmetCell = CoordinatorReferralOutcomesQuery['unmetReferralDemand'][number];

/** closed statuses in the order a reader expects: helped first, then what did not work out */
const STATUS_ORDER: ReferralStatus[] = ['COMPLETED', 'NOT_COME_ABOUT', 'DECLINED', 'WITHDRAWN'];

export interface OutcomeColumn {
  key: string;
  label: string;
}

export interface OutcomeRow {
  districtAgs: string | null;
  needCode: string;
  /** column key → count; null = withheld (under 5); absent = none */
  cells: Map<string, number | null>;
}

const columnKey = (c: Pick<OutcomeCell, 'status' | 'reason'>) => `${c.status}|${c.reason ?? ''}`;
const reasonText = (c: Pick<OutcomeCell, 'reason' | 'reasonLabel'>) => (c.reason ? (t.inbox.reasons[c.reason] ?? c.reasonLabel ?? c.reason) : '');
export const outcomeLabel = (c: Pick<OutcomeCell, 'status' | 'statusLabel' | 'reason' | 'reasonLabel'>) =>
  c.reason ? t.aggregates.outcomeWithReason(c.statusLabel, reasonText(c)) : c.statusLabel;

/**
 * The API's cells (district × need × outcome) as a table: one row per district and need, one
 * column per outcome that occurs. Rows ordered by district name, then need label.
 */
export function pivotOutcomes(cells: OutcomeCell[], districtName: (ags: string | null) => string, needLabel: (code: string) => string): { columns: OutcomeColumn[]; rows: OutcomeRow[] } {
  const columns = new Map<string, OutcomeColumn & { order: number }>();
  const rows = new Map<string, OutcomeRow>();
  for (const c of cells) {
    const key = columnKey(c);
    if (!columns.has(key)) columns.set(key, { key, label: outcomeLabel(c), order: STATUS_ORDER.indexOf(c.status) * 100 + (c.reason ? 1 : 0) });
    const rowKey = `${c.districtAgs ?? ''}|${c.needCode}`;
    const row = rows.get(rowKey) ?? { districtAgs: c.districtAgs, needCode: c.needCode, cells: new Map() };
    row.cells.set(key, c.suppressed ? null : c.count);
    rows.set(rowKey, row);
  }
  return {
    columns: [...columns.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'de')).map(({ key, label }) => ({ key, label })),
    rows: [...rows.values()].sort(
      (a, b) => districtName(a.districtAgs).localeCompare(districtName(b.districtAgs), 'de') || needLabel(a.needCode).localeCompare(needLabel(b.needCode), 'de'),
    ),
  };
}

/** "< 5" for a withheld count, "–" for none */
export const countText = (n: number | null | undefined): string => (n === undefined ? '–' : n === null ? t.aggregates.suppressed : String(n));

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV as German spreadsheets open it: UTF-8 with BOM, semicolons, CRLF; withheld counts as "<5". */
export function toCsv(header: string[], lines: string[][]): string {
  return `\uFEFF${[header, ...lines].map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

export function outcomesCsv(cells: OutcomeCell[], districtName: (ags: string | null) => string, needLabel: (code: string) => string): string {
  return toCsv(
    t.aggregates.csvHeaderOutcomes,
    cells.map((c) => [c.districtAgs ?? '', districtName(c.districtAgs), c.needCode, needLabel(c.needCode), c.statusLabel, reasonText(c), c.suppressed ? '<5' : String(c.count)]),
  );
}

export function unmetCsv(cells: UnmetCell[], districtName: (ags: string | null) => string, needLabel: (code: string) => string): string {
  return toCsv(
    t.aggregates.csvHeaderUnmet,
    cells.map((c) => [c.districtAgs ?? '', districtName(c.districtAgs), c.needCode, needLabel(c.needCode), c.suppressed ? '<5' : String(c.declinedForCapacity)]),
  );
}

/** Offers a text as a file to save (a blob: link, nothing leaves the browser). */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** the coverage page for a need (and a district), where unmet demand is read next to reach */
export function coverageHref(needCode: string, districtAgs: string | null): string {
  const q = new URLSearchParams({ bedarf: needCode });
  if (districtAgs) q.set('gebiet', districtAgs);
  return `/koordination/abdeckung?${q.toString()}`;
}
