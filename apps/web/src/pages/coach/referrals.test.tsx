import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetNeedLabels } from '../../coach/needLabels';
import { referralStart } from '../../coach/referral';
import { CODE, fakeApi, referralFixture, serviceFixture } from '../../coach/referralFixtures';
import { shortlist } from '../../coach/shortlist';
import { RouterProvider } from '../../router';
import { MyReferralsPage } from './MyReferralsPage';
import { PrintPage } from './PrintPage';
import { ReferPage } from './ReferPage';
import { ReferralPage } from './ReferralPage';
import { ServicePage } from './ServicePage';

afterEach(() => vi.unstubAllGlobals());
beforeEach(() => {
  shortlist.reset();
  resetNeedLabels();
  referralStart.clear();
});

const NOW = new Date('2026-12-20T09:00:00Z');
const needs = { data: { needs: [{ code: 'musculoskeletal', labelDe: 'Muskel-Skelett-Erkrankungen' }, { code: 'addiction', labelDe: 'Sucht' }] } };
const connection = (nodes: unknown[]) => ({ data: { myReferrals: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node, i) => ({ cursor: String(i), node })) } } });

function at(url: string, ui: ReactElement) {
  window.history.pushState(null, '', url);
  return render(<RouterProvider>{ui}</RouterProvider>);
}

describe('Vermitteln (the referral page)', () => {
  it('takes the needs from the match, sends, shows the code big and puts it on the hand-out on request', async () => {
    const calls = fakeApi({
      CoachService: { data: { service: serviceFixture() } },
      CoachNeedLabels: needs,
      CoachCreateReferral: { data: { createReferral: referralFixture() } },
    });
    referralStart.noteMatchLanguages(['uk', 'ru']);
    referralStart.set('s1', 'l1', ['musculoskeletal']);
    at('/vermittlungen/neu?angebot=s1&standort=l1', <ReferPage />);
    expect(await screen.findByRole('heading', { level: 1, name: '„Rückenschule (fiktiv)“ vermitteln' })).toBeTruthy();
    expect(window.location.search).not.toMatch(/musculoskeletal/);
    expect((screen.getByLabelText('Muskel-Skelett-Erkrankungen') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Sprachen, die die Person bevorzugt/) as HTMLInputElement).value).toBe('uk, ru');
    await userEvent.click(screen.getByLabelText(/dass die Partnerorganisation diese Vermittlung erhält/));
    await userEvent.click(screen.getByLabelText(/mir den Stand zurückmeldet/));
    await userEvent.click(screen.getByRole('button', { name: 'Vermittlung senden' }));
    expect(await screen.findByRole('heading', { name: 'Die Vermittlung ist gesendet' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Vermittlungscode' }).textContent).toContain('7KQM');
    expect(screen.getByText(/Notieren Sie den Code in Ihrer eigenen Akte/)).toBeTruthy();
    expect(window.localStorage.getItem('lotse.merkliste')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Code auf den Ausdruck setzen' }));
    expect(await screen.findByText(/Der Code steht auf dem Ausdruck/)).toBeTruthy();
    const stored = JSON.parse(window.localStorage.getItem('lotse.merkliste')!);
    expect(stored).toEqual([expect.objectContaining({ key: 's1@l1', referralCode: CODE, phones: ['Kursanmeldung: 03525 000 5678'] })]);
    // the code on the shortlist holds nothing about the need
    expect(window.localStorage.getItem('lotse.merkliste')).not.toMatch(/musculoskeletal|Muskel/);
    expect(calls.map((c) => c.op)).toEqual(expect.arrayContaining(['CoachService', 'CoachCreateReferral']));
  });
});

describe('the hand-out', () => {
  it('prints the referral code of a referred entry', () => {
    shortlist.add({ key: 's1@l1', serviceName: 'Rückenschule', organizationName: 'Verein', address: 'Hauptstraße 1', phones: [], hours: [], cost: 'kostenlos', travel: '–', fictitious: true, addedAt: '2026-11-30T09:00:00Z', referralCode: CODE });
    shortlist.add({ key: 's2@l2', serviceName: 'Suchtberatung', organizationName: 'Diakonie', address: 'Markt 2', phones: [], hours: [], cost: 'kostenlos', travel: '–', fictitious: true, addedAt: '2026-11-30T09:00:00Z' });
    at('/merkliste/druck', <PrintPage />);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]).getByText(CODE)).toBeTruthy();
    expect(within(items[0]).getByText(/Ihr Vermittlungscode/)).toBeTruthy();
    expect(within(items[1]).queryByText(/Vermittlungscode/)).toBeNull();
  });
});

describe('Meine Vermittlungen', () => {
  it('lists status, target, needs, last update and the stale flag; filters by status', async () => {
    const stale = referralFixture({ id: 'r2', code: 'AAAA-BBBB-CCCC', stale: true, updatedAt: '2026-11-30T09:00:00Z', needs: ['addiction'], target: { ...referralFixture().target, serviceName: 'Suchtberatung (fiktiv)' } });
    const calls = fakeApi({
      CoachNeedLabels: needs,
      CoachReferrals: (v: { staleOnly?: boolean }) => connection(v.staleOnly ? [stale] : [referralFixture({ status: 'ACCEPTED', statusLabel: 'Angenommen', updatedAt: '2026-12-19T09:00:00Z' }), stale]),
    });
    at('/vermittlungen', <MyReferralsPage now={NOW} />);
    expect(await screen.findByRole('heading', { name: '2 Vermittlungen' })).toBeTruthy();
    const [first, second] = screen.getAllByRole('article');
    expect(within(first).getByRole('link', { name: 'Rückenschule (fiktiv)' }).getAttribute('href')).toBe('/vermittlungen/vermittlung?id=r1');
    expect(within(first).getByText('Angenommen')).toBeTruthy();
    expect(await within(first).findByText('Muskel-Skelett-Erkrankungen')).toBeTruthy();
    expect(within(first).queryByText(/keine Rückmeldung/)).toBeNull();
    expect(within(second).getByText('seit 20 Tagen keine Rückmeldung')).toBeTruthy();
    expect(within(second).getByText('AAAA-BBBB-CCCC')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Ohne Rückmeldung (markiert)');
    expect(await screen.findByRole('heading', { name: '1 Vermittlung' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Warteliste');
    await vi.waitFor(() => expect(calls.filter((c) => c.op === 'CoachReferrals').at(-1)!.variables).toMatchObject({ statuses: ['WAITING_LIST'] }));
    expect(calls.filter((c) => c.op === 'CoachReferrals').map((c) => c.variables.staleOnly)).toEqual([undefined, true, undefined]);
  });

  it('opens a referral by the code from the file, and says when there is none', async () => {
    fakeApi({
      CoachNeedLabels: needs,
      CoachReferrals: connection([]),
      CoachReferralByCode: (v: { code: string }) => (v.code === '7kqm x4tb 9hzd' ? { data: { referralByCode: { id: 'r1' } } } : { errors: [{ message: 'nf', extensions: { code: 'NOT_FOUND' } }] }),
    });
    at('/vermittlungen', <MyReferralsPage now={NOW} />);
    expect(await screen.findByText('Keine Vermittlungen für diesen Filter.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Vermittlungscode suchen'), 'XXXX');
    await userEvent.click(screen.getByRole('button', { name: 'Öffnen' }));
    expect(await screen.findByText(/Zu diesem Code gibt es keine Vermittlung/)).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Vermittlungscode suchen'));
    await userEvent.type(screen.getByLabelText('Vermittlungscode suchen'), '7kqm x4tb 9hzd');
    await userEvent.click(screen.getByRole('button', { name: 'Öffnen' }));
    await vi.waitFor(() => expect(window.location.pathname + window.location.search).toBe('/vermittlungen/vermittlung?id=r1'));
  });
});

describe('a referral’s page', () => {
  it('shows the code, what was agreed, and the full history with side and reason', async () => {
    const r = referralFixture({
      status: 'DECLINED',
      statusLabel: 'Abgelehnt',
      reason: 'OTHER',
      reasonLabel: 'Anderer Grund',
      reasonText: 'Kurs ausgebucht',
      nextStatuses: [],
      version: 3,
      history: [
        { version: 1, occurredAt: '2026-11-30T09:00:00Z', fromStatus: null, toStatus: 'SENT', toStatusLabel: 'Gesendet', side: 'COACH', reason: null, reasonLabel: null, reasonText: null },
        { version: 2, occurredAt: '2026-12-01T09:00:00Z', fromStatus: 'SENT', toStatus: 'SEEN', toStatusLabel: 'Vom Partner gesehen', side: 'PARTNER', reason: null, reasonLabel: null, reasonText: null },
        { version: 3, occurredAt: '2026-12-02T09:00:00Z', fromStatus: 'SEEN', toStatus: 'DECLINED', toStatusLabel: 'Abgelehnt', side: 'PARTNER', reason: 'OTHER', reasonLabel: 'Anderer Grund', reasonText: 'Kurs ausgebucht' },
      ],
    });
    fakeApi({ CoachNeedLabels: needs, CoachReferral: { data: { referral: r } } });
    at('/vermittlungen/vermittlung?id=r1', <ReferralPage now={NOW} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Vermittlung: Rückenschule (fiktiv)' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Vermittlungscode' })).toBeTruthy();
    expect(screen.getByText(/Eingewilligt am .*Weitergabe an den Partner und Rückmeldung des Stands/)).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(1).map((c) => c.textContent))).toEqual([
      ['Gesendet', 'Coach', '–'],
      ['Vom Partner gesehen', 'Partner', '–'],
      ['Abgelehnt', 'Partner', 'Anderer Grund („Kurs ausgebucht“)'],
    ]);
    expect(screen.getByText(/es gibt nichts mehr zu tun/)).toBeTruthy();
    // a closed referral's code is not offered for the hand-out
    expect(screen.queryByRole('button', { name: 'Code auf den Ausdruck setzen' })).toBeNull();
  });

  it('says plainly when the referral is not (or no longer) the coach’s', async () => {
    fakeApi({ CoachNeedLabels: needs, CoachReferral: { errors: [{ message: 'nf', extensions: { code: 'NOT_FOUND' } }] } });
    at('/vermittlungen/vermittlung?id=zz', <ReferralPage now={NOW} />);
    expect(await screen.findByText(/Diese Vermittlung gibt es nicht \(mehr\)/)).toBeTruthy();
  });
});

describe('a service’s page', () => {
  it('lists every location with its own phone and the shortlist button; the preferred location first', async () => {
    fakeApi({ CoachService: { data: { service: serviceFixture() } } });
    at('/angebote/angebot?id=s1&standort=l2', <ServicePage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rückenschule (fiktiv)' })).toBeTruthy();
    const [first, second] = screen.getAllByRole('article');
    expect(within(first).getByRole('heading').textContent).toBe('Nebenstelle, Markt 2, 01662 Meißen');
    // a location without phones of its own shows the organisation's
    expect(within(first).getByText('Anmeldung: 03525 000 1234')).toBeTruthy();
    expect(within(second).getByText('Kursanmeldung: 03525 000 5678')).toBeTruthy();
    // "Vermitteln" is for coaches only (no session here)
    expect(screen.queryByRole('link', { name: /Vermitteln/ })).toBeNull();
    await userEvent.click(within(second).getByRole('button', { name: /Zur Merkliste/ }));
    expect(shortlist.entries()).toEqual([expect.objectContaining({ key: 's1@l1', address: 'Hauptstraße 1, 01589 Riesa', phones: ['Kursanmeldung: 03525 000 5678'] })]);
  });
});
