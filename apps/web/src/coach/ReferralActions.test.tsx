import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gql } from '../api/client';
import { CoachReferralDocument, type CoachReferralDetailFragment } from '../graphql/generated/graphql';
import { ReferralActions } from './ReferralActions';
import { CODE, fakeApi, gqlError, referralFixture } from './referralFixtures';
import { shortlist } from './shortlist';

afterEach(() => vi.unstubAllGlobals());
beforeEach(() => shortlist.reset());

function Harness({ initial }: { initial: CoachReferralDetailFragment }) {
  const [r, setR] = useState(initial);
  return (
    <>
      <p data-testid="status">
        {r.statusLabel} v{r.version}
      </p>
      <ReferralActions referral={r} onChange={setR} reload={async () => (await gql(CoachReferralDocument, { id: r.id })).referral} />
    </>
  );
}

const withdrawn = (version: number, consentWithdrawn: boolean) =>
  referralFixture({ status: 'WITHDRAWN', statusLabel: 'Zurückgezogen', version, nextStatuses: [], reason: consentWithdrawn ? 'CONSENT_WITHDRAWN' : 'BY_COACH' });

describe('ReferralActions', () => {
  it('withdraws after a confirmation, with the consent withdrawn, and takes the code off the hand-out', async () => {
    shortlist.add({ key: 's1@l1', serviceName: 'Rückenschule', organizationName: 'Verein', address: 'Hauptstraße 1', phones: [], hours: [], cost: 'kostenlos', travel: '–', fictitious: true, addedAt: '2026-11-30T09:00:00Z', referralCode: CODE });
    const calls = fakeApi({ CoachWithdrawReferral: { data: { withdrawReferral: withdrawn(2, true) } } });
    render(<Harness initial={referralFixture()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung zurückziehen' }));
    expect(screen.getByText(/lässt sich nicht rückgängig machen/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText(/Einwilligung widerrufen/));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, zurückziehen' }));
    expect(await screen.findByText('Die Vermittlung ist zurückgezogen.')).toBeTruthy();
    expect(calls).toEqual([{ op: 'CoachWithdrawReferral', variables: { id: 'r1', expectedVersion: 1, consentWithdrawn: true } }]);
    expect(screen.getByTestId('status').textContent).toBe('Zurückgezogen v2');
    expect(shortlist.entries()[0].referralCode).toBeUndefined();
    expect(window.localStorage.getItem('lotse.merkliste')).not.toContain(CODE);
    expect(screen.getByText(/es gibt nichts mehr zu tun/)).toBeTruthy();
  });

  it('on CONFLICT shows the current state beside the step, and repeats it on the new version', async () => {
    const accepted = referralFixture({ status: 'ACCEPTED', statusLabel: 'Angenommen', version: 3, nextStatuses: ['WITHDRAWN'] });
    const calls = fakeApi({
      CoachWithdrawReferral: (_v: unknown, n: number) => (n === 0 ? gqlError('CONFLICT', { reason: 'VERSION_CONFLICT', currentVersion: 3 }) : { data: { withdrawReferral: withdrawn(4, false) } }),
      CoachReferral: { data: { referral: accepted } },
    });
    render(<Harness initial={referralFixture()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung zurückziehen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, zurückziehen' }));
    expect(await screen.findByText('Die Vermittlung hat sich inzwischen geändert')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Status Angenommen Vermittlung zurückziehen/ })).toBeTruthy();
    expect(screen.getByTestId('status').textContent).toBe('Angenommen v3');
    await userEvent.click(screen.getByRole('button', { name: 'Schritt mit dem neuen Stand wiederholen' }));
    expect(await screen.findByText('Die Vermittlung ist zurückgezogen.')).toBeTruthy();
    expect(calls.filter((c) => c.op === 'CoachWithdrawReferral').map((c) => c.variables.expectedVersion)).toEqual([1, 3]);
  });

  it('after a CONFLICT says when the step is no longer possible', async () => {
    const closed = referralFixture({ status: 'DECLINED', statusLabel: 'Abgelehnt', version: 2, nextStatuses: [] });
    fakeApi({ CoachWithdrawReferral: gqlError('CONFLICT', { reason: 'MOVE_NOT_ALLOWED' }), CoachReferral: { data: { referral: closed } } });
    render(<Harness initial={referralFixture()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung zurückziehen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, zurückziehen' }));
    expect(await screen.findByText('Mit dem neuen Stand ist dieser Schritt nicht mehr möglich.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Schritt mit dem neuen Stand wiederholen' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Nicht wiederholen' }));
    expect(screen.getByText(/es gibt nichts mehr zu tun/)).toBeTruthy();
  });

  it('sends a draft: records the consent first when it is missing', async () => {
    const draft = referralFixture({ status: 'DRAFT', statusLabel: 'Entwurf', consent: null, nextStatuses: ['SENT', 'WITHDRAWN'] });
    const consented = { ...draft, version: 2, consent: { scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] as never, givenAt: '2026-11-30T10:00:00Z', withdrawnAt: null } };
    const calls = fakeApi({
      CoachRecordReferralConsent: { data: { recordReferralConsent: consented } },
      CoachSendReferral: { data: { sendReferral: { ...consented, version: 3, status: 'SENT', statusLabel: 'Gesendet', nextStatuses: ['WITHDRAWN'] } } },
    });
    render(<Harness initial={draft} />);
    await userEvent.click(screen.getByRole('button', { name: 'Jetzt senden' }));
    expect(screen.getByText(/Ohne beide Einwilligungen/)).toBeTruthy();
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByLabelText(/dass die Partnerorganisation diese Vermittlung erhält/));
    await userEvent.click(screen.getByLabelText(/mir den Stand zurückmeldet/));
    await userEvent.click(screen.getByRole('button', { name: 'Jetzt senden' }));
    expect(await screen.findByText('Die Vermittlung ist gesendet.')).toBeTruthy();
    expect(calls.map((c) => [c.op, c.variables.expectedVersion])).toEqual([
      ['CoachRecordReferralConsent', 1],
      ['CoachSendReferral', 2],
    ]);
    expect(screen.getByTestId('status').textContent).toBe('Gesendet v3');
  });
});
