import { describe, expect, it } from 'vitest';
import { countText, coverageHref, outcomesCsv, pivotOutcomes, type OutcomeCell } from './aggregates';

const cell = (over: Partial<OutcomeCell>): OutcomeCell => ({
  districtAgs: '14627',
  needCode: 'addiction',
  status: 'DECLINED',
  statusLabel: 'Abgelehnt',
  reason: null,
  reasonLabel: null,
  count: 6,
  suppressed: false,
  ...over,
});
const districts: Record<string, string> = { '14627': 'Meißen', '14612': 'Dresden' };
const needs: Record<string, string> = { addiction: 'Sucht', back_pain: 'Rücken' };
const districtName = (ags: string | null) => (ags ? districts[ags] : 'ohne Gebiet');
const needLabel = (code: string) => needs[code] ?? code;

describe('referral aggregates', () => {
  it('pivot district × need rows and one column per outcome, withheld counts kept apart from none', () => {
    const { columns, rows } = pivotOutcomes(
      [
        cell({}),
        cell({ status: 'COMPLETED', statusLabel: 'Abgeschlossen', count: null, suppressed: true }),
        cell({ districtAgs: '14612', needCode: 'back_pain', status: 'COMPLETED', statusLabel: 'Abgeschlossen', count: 12 }),
      ],
      districtName,
      needLabel,
    );
    expect(columns.map((c) => c.label)).toEqual(['Abgeschlossen', 'Abgelehnt']);
    expect(rows.map((r) => [districtName(r.districtAgs), needLabel(r.needCode)])).toEqual([
      ['Dresden', 'Rücken'],
      ['Meißen', 'Sucht'],
    ]);
    const [dresden, meissen] = rows;
    expect(columns.map((c) => countText(dresden.cells.get(c.key)))).toEqual(['12', '–']);
    expect(columns.map((c) => countText(meissen.cells.get(c.key)))).toEqual(['< 5', '6']);
  });

  it('name the reason beside the outcome when split by reasons', () => {
    const { columns } = pivotOutcomes([cell({ reason: 'NO_CAPACITY', reasonLabel: 'Keine Kapazität' }), cell({ reason: 'OTHER', reasonLabel: 'Anderer Grund' })], districtName, needLabel);
    expect(columns.map((c) => c.label)).toEqual(['Abgelehnt: Keine Kapazität', 'Abgelehnt: Sonstiges']);
  });

  it('write CSV for German spreadsheets: BOM, semicolons, "<5" for withheld counts', () => {
    const csv = outcomesCsv([cell({}), cell({ status: 'COMPLETED', statusLabel: 'Abgeschlossen', count: null, suppressed: true })], districtName, needLabel);
    expect(csv.startsWith('\uFEFFGebiet (AGS);Gebiet;')).toBe(true);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['14627;Meißen;addiction;Sucht;Abgelehnt;;6', '14627;Meißen;addiction;Sucht;Abgeschlossen;;<5']);
  });

  it('link unmet demand to the coverage of its need and district', () => {
    expect(coverageHref('addiction', '14627')).toBe('/koordination/abdeckung?bedarf=addiction&gebiet=14627');
    expect(coverageHref('addiction', null)).toBe('/koordination/abdeckung?bedarf=addiction');
  });
});
