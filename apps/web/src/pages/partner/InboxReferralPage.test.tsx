import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { InboxReferralPage } from './InboxReferralPage';

afterEach(() => vi.unstubAllGlobals());
beforeEach(() => window.history.replaceState(null, '', '/eingang/vermittlung?id=r1'));

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const base = {
  id: 'r1',
  code: '7KQM-X4TB-9HZD',
  reason: null,
  reasonLabel: null,
  reasonText: null,
  needs: ['addiction'],
  urgency: 'URGENT',
  contactRoute: 'PARTNER_CALLS_COACH',
  languages: ['uk'],
  note: 'Bitte vormittags.',
  viewerSide: 'PARTNER',
  sentAt: '2026-06-10T08:00:00Z',
  seenAt: null,
  closedAt: null,
  updatedAt: '2026-06-10T08:00:00Z',
  target: { organizationId: 'o1', organizationName: 'Beratung (fiktiv)', serviceId: 's1', serviceName: 'Suchtberatung', locationAddress: 'Markt 1, 01662 Meißen' },
  coachContact: { displayName: 'Coach Riesa', email: 'coach@jobcenter.example' },
  history: [{ version: 1, occurredAt: '2026-06-10T08:00:00Z', fromStatus: null, toStatus: 'SENT', toStatusLabel: 'Gesendet', side: 'COACH', reason: null, reasonLabel: null, reasonText: null }],
};
const sent = { ...base, status: 'SENT', statusLabel: 'Gesendet', version: 1, nextStatuses: ['SEEN', 'ACCEPTED', 'WAITING_LIST', 'DECLINED'] };
const seen = { ...base, status: 'SEEN', statusLabel: 'Vom Partner gesehen', version: 2, nextStatuses: ['ACCEPTED', 'WAITING_LIST', 'DECLINED'] };
const declined = { ...base, status: 'DECLINED', statusLabel: 'Abgelehnt', reason: 'NO_CAPACITY', reasonLabel: 'Keine Kapazität', version: 3, nextStatuses: [] };

describe('InboxReferralPage', () => {
  it('marks a new referral seen on opening, shows what the coach passed on, and after a decline for lack of capacity links to the free places', async () => {
    const moves: any[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        const { query, variables } = JSON.parse(init.body as string);
        if (query.includes('mutation InboxMoveReferral')) {
          moves.push(variables);
          const to = variables.move.to;
          return json({ data: { moveReferral: { referral: to === 'SEEN' ? seen : declined, capacityPrompt: to === 'SEEN' ? null : { serviceId: 's1' } } } });
        }
        return json({ data: { referral: sent, needs: [{ code: 'addiction', labelDe: 'Sucht' }] } });
      }),
    );
    render(
      <RouterProvider>
        <InboxReferralPage />
      </RouterProvider>,
    );
    await screen.findAllByText('Vom Partner gesehen');
    expect(moves[0]).toEqual({ id: 'r1', expectedVersion: 1, move: { to: 'SEEN' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vermittlung 7KQM-X4TB-9HZD');
    expect(screen.getByText('Sucht')).toBeTruthy();
    expect(screen.getByText('Ukrainisch')).toBeTruthy();
    expect(screen.getByText(/Rückruf über die Fachkraft/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'coach@jobcenter.example' })).toBeTruthy();
    expect(screen.getByText('Bitte vormittags.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen …' }));
    await userEvent.selectOptions(screen.getByLabelText('Grund der Ablehnung'), 'NO_CAPACITY');
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen' }));
    const link = await screen.findByRole('link', { name: 'Freie Plätze für „Suchtberatung“ aktualisieren' });
    expect(link.getAttribute('href')).toBe('/partner/plaetze?angebot=s1');
    expect(moves[1]).toEqual({ id: 'r1', expectedVersion: 2, move: { to: 'DECLINED', reason: 'NO_CAPACITY', reasonText: null } });
    expect(screen.getByText(/kein Schritt mehr möglich/)).toBeTruthy();
  });
});
