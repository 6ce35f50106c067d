import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { PartnerHome } from './PartnerHome';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const now = new Date().toISOString();
const location = (version: number, over: Record<string, unknown> = {}) => ({
  id: 'l1',
  version,
  name: 'Beratungsstelle am Markt',
  street: 'Markt 1',
  postcode: '01587',
  town: 'Riesa',
  latitude: 51.3,
  longitude: 13.29,
  districtAgs: '14627',
  geocodePrecision: 'EXACT',
  municipality: { name: 'Riesa' },
  ...over,
});
const service = (version: number, over: Record<string, unknown> = {}) => ({
  id: 's1',
  version,
  name: 'Suchtberatung',
  description: 'Beratung für Betroffene.',
  category: 'ADDICTION_COUNSELLING',
  status: 'ACTIVE',
  updatedAt: now,
  accessibility: [],
  deliveryModes: ['IN_PERSON'],
  cost: { type: 'FREE', feeAmountEuro: null, note: null },
  eligibility: { minAge: null, maxAge: null, insuranceRequirement: 'NONE', note: null },
  capacity: { acceptingNewClients: true, freeSeats: 2, waitingDays: 7, updatedAt: now },
  verification: { verifiedAt: now },
  locations: [{ id: 'l1', name: 'Beratungsstelle am Markt', street: 'Markt 1', town: 'Riesa' }],
  openingHours: [],
  sessions: [],
  ...over,
});
const organizations = (services: unknown[], locations: unknown[]) => ({
  data: { myOrganizations: [{ id: 'o1', version: 1, name: 'Diakonie Riesa', kind: 'COUNSELLING_SERVICE', status: 'ACTIVE', verification: { verifiedAt: now }, services, locations }] },
});

/** answers by operation: the test names what each call returns, in order per operation */
function api(answers: Record<string, ((variables: any) => unknown)[]>) {
  const calls: { query: string; variables: any }[] = [];
  const seen: Record<string, number> = {};
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      calls.push(body);
      const op = Object.keys(answers).find((name) => body.query.includes(name))!;
      const list = answers[op];
      const i = Math.min(seen[op] ?? 0, list.length - 1);
      seen[op] = (seen[op] ?? 0) + 1;
      return json(list[i](body.variables));
    }),
  );
  return calls;
}

function renderHome() {
  window.history.pushState(null, '', '/partner');
  render(
    <RouterProvider>
      <PartnerHome />
    </RouterProvider>,
  );
}

describe('PartnerHome', () => {
  it('links to the organisation editor', async () => {
    api({ myOrganizations: [() => organizations([service(2)], [location(1)])] });
    renderHome();
    const link = await screen.findByRole('link', { name: 'Name und Kontakt bearbeiten: Diakonie Riesa' });
    expect(link.getAttribute('href')).toBe('/partner/organisation?id=o1');
  });

  it('retires a service after a confirmation that says what happens; the overview updates', async () => {
    const calls = api({
      myOrganizations: [() => organizations([service(2)], [location(1)]), () => organizations([service(3, { status: 'INACTIVE' })], [location(1)])],
      retireService: [() => ({ data: { retireService: { id: 's1', version: 3, status: 'INACTIVE' } } })],
    });
    renderHome();
    await userEvent.click(await screen.findByRole('button', { name: 'Nicht mehr anbieten: Suchtberatung' }));
    const dialog = screen.getByRole('dialog', { name: '„Suchtberatung“ nicht mehr anbieten?' });
    expect(dialog.textContent).toContain('für Coaches nicht mehr sichtbar');
    expect(dialog.textContent).toContain('Im Änderungsprotokoll bleibt festgehalten');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, nicht mehr anbieten' }));
    expect(await screen.findByText('„Suchtberatung“ wird nicht mehr angeboten. Coaches sehen es nicht mehr.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // the partner still sees it, marked, and cannot retire it twice
    expect(await screen.findByText('Nicht mehr angeboten – für Coaches nicht sichtbar')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nicht mehr anbieten: Suchtberatung' })).toBeNull();
    expect(calls.find((c) => c.query.includes('retireService'))!.variables).toEqual({ id: 's1', expectedVersion: 2 });
  });

  it('cancelling changes nothing', async () => {
    const calls = api({ myOrganizations: [() => organizations([service(2)], [location(1)])] });
    renderHome();
    await userEvent.click(await screen.findByRole('button', { name: 'Nicht mehr anbieten: Suchtberatung' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.query.includes('retire'))).toBe(false);
  });

  it('closing a location: names its services; a conflict shows what changed and closes it on the new version', async () => {
    const calls = api({
      myOrganizations: [() => organizations([service(2)], [location(1)]), () => organizations([service(2)], [location(4, { name: 'Beratung im Rathaus' })]), () => organizations([service(2)], [])],
      retireLocation: [
        () => ({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT', currentVersion: 4, expectedVersion: 1 } }] }),
        () => ({ data: { retireLocation: true } }),
      ],
      'location(id': [() => ({ data: { location: { ...location(4, { name: 'Beratung im Rathaus' }), organization: { id: 'o1', name: 'Diakonie Riesa' } } } })],
    });
    renderHome();
    await userEvent.click(await screen.findByRole('button', { name: 'Standort schließen: Beratungsstelle am Markt' }));
    const dialog = screen.getByRole('dialog', { name: 'Standort „Beratungsstelle am Markt“ schließen?' });
    expect(dialog.textContent).toContain('Angebote an diesem Standort: „Suchtberatung“');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, Standort schließen' }));
    expect(await within(dialog).findByText('Jemand anderes hat diesen Standort inzwischen geändert')).toBeTruthy();
    const row = within(dialog).getByRole('row', { name: /Bezeichnung/ });
    expect(row.textContent).toMatch(/Beratung im Rathaus.*Beratungsstelle am Markt/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trotzdem schließen' }));
    expect(await screen.findByText('Der Standort „Beratungsstelle am Markt“ ist geschlossen. Coaches sehen ihn nicht mehr.')).toBeTruthy();
    expect(await screen.findByText('Diese Organisation hat noch keinen Standort.')).toBeTruthy();
    const retires = calls.filter((c) => c.query.includes('retireLocation'));
    expect(retires.map((c) => c.variables.expectedVersion)).toEqual([1, 4]);
  });

  it('a location someone else already closed: says so', async () => {
    api({
      myOrganizations: [() => organizations([], [location(1)]), () => organizations([], [])],
      retireLocation: [() => ({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })],
      'location(id': [() => ({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })],
    });
    renderHome();
    await userEvent.click(await screen.findByRole('button', { name: 'Standort schließen: Beratungsstelle am Markt' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ja, Standort schließen' }));
    expect(await within(screen.getByRole('dialog')).findByText('Der Standort „Beratungsstelle am Markt“ ist bereits geschlossen.')).toBeTruthy();
  });
});
