import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferralAggregatesPage } from './ReferralAggregatesPage';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const lookups = { districts: [{ ags: '14627', name: 'Meißen' }], needs: [{ code: 'addiction', labelDe: 'Sucht', group: 'Gesundheit' }] };
const outcomes = {
  referralOutcomes: [
    { districtAgs: '14627', needCode: 'addiction', status: 'DECLINED', statusLabel: 'Abgelehnt', reason: null, reasonLabel: null, count: 7, suppressed: false },
    { districtAgs: '14627', needCode: 'addiction', status: 'COMPLETED', statusLabel: 'Abgeschlossen', reason: null, reasonLabel: null, count: null, suppressed: true },
  ],
  unmetReferralDemand: [{ districtAgs: '14627', needCode: 'addiction', declinedForCapacity: 5, suppressed: false }],
};

function api() {
  const calls: { op: string; variables: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(init.body as string);
      const op = /(?:query|mutation) (\w+)/.exec(query)![1];
      calls.push({ op, variables });
      return json({ data: op === 'CoordinatorLookups' ? lookups : outcomes });
    }),
  );
  return calls;
}

describe('ReferralAggregatesPage', () => {
  it('shows district × need × outcome with withheld counts as "< 5", explained, and unmet demand linked to coverage', async () => {
    const calls = api();
    render(<ReferralAggregatesPage />);
    const table = await screen.findByRole('region', { name: 'Ergebnisse' });
    await within(table).findByText('Meißen');
    const [header, row] = within(table).getAllByRole('row');
    expect(within(header).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Gebiet', 'Bedarf', 'Abgeschlossen', 'Abgelehnt']);
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Sucht', '< 5', '7']);
    expect(within(row).getByTitle('weniger als 5')).toBeTruthy();
    expect(screen.getByText(/Werte unter 5 werden nicht genannt/)).toBeTruthy();
    const unmet = screen.getByRole('region', { name: /Ungedeckter Bedarf/ });
    expect(within(unmet).getByRole('link', { name: 'Abdeckung anzeigen: „Sucht“ in Meißen' }).getAttribute('href')).toBe('/koordination/abdeckung?bedarf=addiction&gebiet=14627');
    expect(calls.find((c) => c.op === 'CoordinatorReferralOutcomes')!.variables).toEqual({ districtAgs: null, needs: null, withReasons: false });

    await userEvent.selectOptions(screen.getByLabelText('Gebiet'), '14627');
    await userEvent.click(screen.getByLabelText(/Nach Gründen aufschlüsseln/));
    await userEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    await screen.findByRole('region', { name: 'Ergebnisse' });
    expect(calls.filter((c) => c.op === 'CoordinatorReferralOutcomes').at(-1)!.variables).toEqual({ districtAgs: ['14627'], needs: null, withReasons: true });
  });
});
