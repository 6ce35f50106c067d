import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferralActions, type InboxReferralDetail } from './ReferralActions';

afterEach(() => vi.unstubAllGlobals());

const answer = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const bodyOf = (fetch: ReturnType<typeof vi.fn>, call: number) => JSON.parse((fetch.mock.calls[call] as [string, RequestInit])[1].body as string);

function referral(over: Partial<InboxReferralDetail> = {}): InboxReferralDetail {
  return {
    id: 'r1',
    code: '7KQM-X4TB-9HZD',
    status: 'SEEN',
    statusLabel: 'Vom Partner gesehen',
    reason: null,
    reasonLabel: null,
    reasonText: null,
    needs: ['addiction'],
    urgency: 'URGENT',
    contactRoute: 'PARTICIPANT_CALLS',
    languages: ['de', 'uk'],
    note: null,
    viewerSide: 'PARTNER',
    nextStatuses: ['ACCEPTED', 'WAITING_LIST', 'DECLINED'],
    sentAt: '2026-06-10T08:00:00Z',
    seenAt: '2026-06-10T09:00:00Z',
    closedAt: null,
    updatedAt: '2026-06-10T09:00:00Z',
    version: 2,
    target: { organizationId: 'o1', organizationName: 'Beratung (fiktiv)', serviceId: 's1', serviceName: 'Suchtberatung', locationAddress: 'Markt 1, 01662 Meißen' },
    coachContact: null,
    history: [],
    ...over,
  } as InboxReferralDetail;
}

describe('ReferralActions', () => {
  it('offers exactly the moves the API allows from here', () => {
    render(<ReferralActions referral={referral({ status: 'ACCEPTED', statusLabel: 'Angenommen', nextStatuses: ['IN_PROGRESS', 'NOT_COME_ABOUT'] })} onChanged={() => undefined} />);
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Betreuung begonnen', 'Nicht zustande gekommen …']);
  });

  it('says so when no move is left', () => {
    render(<ReferralActions referral={referral({ status: 'COMPLETED', nextStatuses: [] })} onChanged={() => undefined} />);
    expect(screen.getByText(/kein Schritt mehr möglich/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('accepts in one click with the version it saw', async () => {
    const moved = referral({ status: 'ACCEPTED', statusLabel: 'Angenommen', version: 3, nextStatuses: ['IN_PROGRESS', 'NOT_COME_ABOUT'] });
    const fetch = vi.fn(() => answer({ data: { moveReferral: { referral: moved, capacityPrompt: null } } }));
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    render(<ReferralActions referral={referral()} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Annehmen' }));
    expect(bodyOf(fetch, 0).variables).toEqual({ id: 'r1', expectedVersion: 2, move: { to: 'ACCEPTED' } });
    expect(onChanged).toHaveBeenCalledWith(moved, { moved: 'ACCEPTED', capacityPrompt: false });
  });

  it('declines only with a reason; "Sonstiges" needs a few words', async () => {
    const moved = referral({ status: 'DECLINED', statusLabel: 'Abgelehnt', reason: 'OTHER', version: 3, nextStatuses: [] });
    const fetch = vi.fn(() => answer({ data: { moveReferral: { referral: moved, capacityPrompt: null } } }));
    vi.stubGlobal('fetch', fetch);
    const onChanged = vi.fn();
    render(<ReferralActions referral={referral()} onChanged={onChanged} />);
    const open = screen.getByRole('button', { name: 'Ablehnen …' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(await screen.findByText('Bitte wählen Sie einen Grund.')).toBeTruthy();
    expect(screen.getByLabelText('Grund der Ablehnung').getAttribute('aria-invalid')).toBe('true');
    await userEvent.selectOptions(screen.getByLabelText('Grund der Ablehnung'), 'OTHER');
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(await screen.findByText('Bitte nennen Sie den Grund in wenigen Worten.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Sonstiger Grund'), 'Kurs ruht im Dezember');
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(bodyOf(fetch, 0).variables.move).toEqual({ to: 'DECLINED', reason: 'OTHER', reasonText: 'Kurs ruht im Dezember' });
    expect(onChanged).toHaveBeenCalledWith(moved, { moved: 'DECLINED', capacityPrompt: false });
  });

  it('passes the capacity prompt on after a decline for lack of capacity', async () => {
    const full = referral({ status: 'DECLINED', statusLabel: 'Abgelehnt', reason: 'NO_CAPACITY', version: 3, nextStatuses: [] });
    vi.stubGlobal('fetch', vi.fn(() => answer({ data: { moveReferral: { referral: full, capacityPrompt: { serviceId: 's1' } } } })));
    const onChanged = vi.fn();
    render(<ReferralActions referral={referral()} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen …' }));
    await userEvent.selectOptions(screen.getByLabelText('Grund der Ablehnung'), 'NO_CAPACITY');
    expect(screen.queryByLabelText('Sonstiger Grund')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(onChanged).toHaveBeenCalledWith(full, { moved: 'DECLINED', capacityPrompt: true });
  });

  it('completes with an outcome', async () => {
    const fetch = vi.fn(() => answer({ data: { moveReferral: { referral: referral({ status: 'COMPLETED', nextStatuses: [] }), capacityPrompt: null } } }));
    vi.stubGlobal('fetch', fetch);
    render(<ReferralActions referral={referral({ status: 'IN_PROGRESS', nextStatuses: ['COMPLETED', 'NOT_COME_ABOUT'] })} onChanged={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Abschließen …' }));
    await userEvent.selectOptions(screen.getByLabelText('Ergebnis'), 'REFERRED_ON');
    await userEvent.click(screen.getByRole('button', { name: 'Abschließen' }));
    expect(bodyOf(fetch, 0).variables.move).toEqual({ to: 'COMPLETED', reason: 'REFERRED_ON', reasonText: null });
  });

  it('on a conflict shows the new state beside the wanted step and offers it again while it is still allowed', async () => {
    const theirs = referral({ status: 'WAITING_LIST', statusLabel: 'Warteliste', version: 3, nextStatuses: ['ACCEPTED', 'DECLINED', 'NOT_COME_ABOUT'] });
    const accepted = referral({ status: 'ACCEPTED', statusLabel: 'Angenommen', version: 4, nextStatuses: ['IN_PROGRESS', 'NOT_COME_ABOUT'] });
    const fetch = vi
      .fn()
      .mockImplementationOnce(() => answer({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT', currentVersion: 3 } }] }))
      .mockImplementationOnce(() => answer({ data: { referral: theirs, needs: [] } }))
      .mockImplementationOnce(() => answer({ data: { moveReferral: { referral: accepted, capacityPrompt: null } } }));
    vi.stubGlobal('fetch', fetch);
    let current = referral();
    const onChanged = vi.fn((r: InboxReferralDetail) => (current = r));
    const { rerender } = render(<ReferralActions referral={current} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Annehmen' }));
    await screen.findByText('Jemand anderes hat diese Vermittlung inzwischen geändert');
    rerender(<ReferralActions referral={current} onChanged={onChanged} />);
    const row = screen.getByRole('row', { name: /Stand/ });
    expect(row.textContent).toMatch(/Warteliste.*Annehmen/);
    await userEvent.click(screen.getByRole('button', { name: 'Meine Eingabe erneut speichern' }));
    expect(bodyOf(fetch, 2).variables).toEqual({ id: 'r1', expectedVersion: 3, move: { to: 'ACCEPTED' } });
    expect(onChanged).toHaveBeenLastCalledWith(accepted, { moved: 'ACCEPTED', capacityPrompt: false });
  });

  it('on a conflict says when the wanted step is no longer possible (the coach withdrew it)', async () => {
    const withdrawn = referral({ status: 'WITHDRAWN', statusLabel: 'Zurückgezogen', version: 3, nextStatuses: [] });
    const fetch = vi
      .fn()
      .mockImplementationOnce(() => answer({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] }))
      .mockImplementationOnce(() => answer({ data: { referral: withdrawn, needs: [] } }));
    vi.stubGlobal('fetch', fetch);
    let current = referral();
    const onChanged = vi.fn((r: InboxReferralDetail) => (current = r));
    const { rerender } = render(<ReferralActions referral={current} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Auf die Warteliste' }));
    await screen.findByText('Jemand anderes hat diese Vermittlung inzwischen geändert');
    rerender(<ReferralActions referral={current} onChanged={onChanged} />);
    expect(screen.getByText(/„Auf die Warteliste“ ist vom neuen Stand aus nicht mehr möglich/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Meine Eingabe erneut speichern' })).toBeNull();
  });
});
