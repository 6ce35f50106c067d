import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoordinatorHome } from './CoordinatorHome';
import { CoveragePage, coverageQuery } from './CoveragePage';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const lookups = { districts: [{ ags: '14612', name: 'Dresden' }], needs: [{ code: 'addiction', labelDe: 'Sucht', group: 'Gesundheit' }] };
const org = (id: string, name: string, status = 'ACTIVE') => ({ id, version: 2, name, kind: 'COUNSELLING_SERVICE', status, verification: { verifiedAt: null } });
const queue = {
  totalCount: 2,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: [
    { cursor: 'a', node: { kind: 'ORGANIZATION', reasons: ['AWAITING_ADMISSION'], changedFields: [], organization: org('o1', 'Neuland', 'PENDING'), service: null } },
    {
      cursor: 'b',
      node: {
        kind: 'SERVICE',
        reasons: ['CHANGED_SINCE_VERIFICATION'],
        changedFields: ['openingHours', 'location.street'],
        organization: org('o2', 'Diakonie'),
        service: { id: 's1', name: 'Suchtberatung', category: 'ADDICTION_COUNSELLING', verification: { verifiedAt: '2026-01-05T10:00:00Z' }, capacity: { updatedAt: '2026-01-05T10:00:00Z' }, locations: [{ town: 'Dresden', approximate: true }] },
      },
    },
  ],
};

/** answers by operation name, records the variables */
function api(answers: Record<string, unknown>) {
  const calls: { op: string; variables: any }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    if (url !== '/graphql') return Promise.resolve(new Response('<svg xmlns="http://www.w3.org/2000/svg"/>', { status: 200 }));
    const { query, variables } = JSON.parse(init.body as string);
    const op = /(?:query|mutation) (\w+)/.exec(query)![1];
    calls.push({ op, variables });
    return json(answers[op]);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('verification queue', () => {
  it('says why each item is there, in German, and verifies a listing', async () => {
    const calls = api({
      CoordinatorLookups: { data: lookups },
      VerificationQueue: { data: { verificationQueue: queue } },
      VerifyService: { data: { verifyService: { id: 's1', verification: { verifiedAt: '2026-06-01T00:00:00Z' } } } },
    });
    render(<CoordinatorHome />);
    expect(await screen.findByText('2 Einträge')).toBeTruthy();
    const list = within(screen.getAllByRole('list').at(-1)!);
    expect(list.getByText('Wartet auf Freischaltung')).toBeTruthy();
    expect(list.getByText('Geändert: Öffnungszeiten, Straße')).toBeTruthy();
    expect(list.getByText('Punkt ungefähr')).toBeTruthy(); // an imported listing placed at its postcode
    await userEvent.click(screen.getByRole('button', { name: '„Suchtberatung“ als geprüft bestätigen' }));
    expect(await screen.findByText('„Suchtberatung“ ist als geprüft bestätigt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '„Suchtberatung“ als geprüft bestätigen' })).toBeNull();
    expect(calls.find((c) => c.op === 'VerifyService')!.variables).toEqual({ id: 's1' });
  });

  it('admits a pending organisation with the version it saw, and sends the filters', async () => {
    const calls = api({
      CoordinatorLookups: { data: lookups },
      VerificationQueue: { data: { verificationQueue: queue } },
      ActivateOrganization: { data: { activateOrganization: { id: 'o1', status: 'ACTIVE', version: 3 } } },
    });
    render(<CoordinatorHome />);
    await userEvent.click(await screen.findByRole('button', { name: '„Neuland“ freischalten' }));
    expect(await screen.findByText(/„Neuland“ ist freigeschaltet/)).toBeTruthy();
    expect(calls.find((c) => c.op === 'ActivateOrganization')!.variables).toEqual({ id: 'o1', expectedVersion: 2 });
    await screen.findByRole('option', { name: 'Dresden' });
    await userEvent.selectOptions(screen.getByLabelText('Landkreis oder Kreisfreie Stadt'), '14612');
    await userEvent.click(screen.getByLabelText('Noch nie geprüft'));
    await userEvent.click(screen.getByRole('button', { name: 'Filter anwenden' }));
    await vi.waitFor(() => expect(calls.filter((c) => c.op === 'VerificationQueue').at(-1)!.variables).toMatchObject({ districtAgs: '14612', reasons: ['NEVER_VERIFIED'] }));
  });

  it('has an empty state', async () => {
    api({ CoordinatorLookups: { data: lookups }, VerificationQueue: { data: { verificationQueue: { ...queue, totalCount: 0, edges: [] } } } });
    render(<CoordinatorHome />);
    expect(await screen.findByText('Nichts zu prüfen – für diese Filter ist die Liste leer.')).toBeTruthy();
  });
});

describe('coverage', () => {
  it('builds the query of the map and data downloads', () => {
    expect(coverageQuery({ need: 'addiction', mode: 'PUBLIC_TRANSPORT', threshold: '30', district: '14612' })).toBe('need=addiction&mode=public_transport&threshold=30&district=14612');
    expect(coverageQuery({ need: 'addiction', mode: 'CAR', threshold: '20', district: '' }, 'needs')).toBe('needs=addiction&mode=car&threshold=20');
  });

  it('shows a wrong threshold in German next to the field', async () => {
    api({
      CoordinatorLookups: { data: lookups },
      NetworkCoverageView: { errors: [{ message: 'thresholdMinutes must be at most 240', extensions: { code: 'BAD_USER_INPUT', field: 'input.thresholdMinutes' } }] },
    });
    render(<CoveragePage />);
    await screen.findByRole('option', { name: 'Sucht' });
    const threshold = screen.getByLabelText(/Schwelle in Minuten/);
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '999');
    await userEvent.click(screen.getByRole('button', { name: 'Abdeckung anzeigen' }));
    expect(await screen.findByText('Bitte eine Schwelle zwischen 1 und 240 Minuten angeben.')).toBeTruthy();
    expect(threshold.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/must be/)).toBeNull();
  });

  it('shows the map, the gap list, network size and freshness', async () => {
    api({
      CoordinatorLookups: { data: lookups },
      NetworkCoverageView: {
        data: {
          networkCoverage: {
            mode: 'PUBLIC_TRANSPORT',
            thresholdMinutes: 30,
            districtAgs: null,
            method: { estimated: true },
            summary: [{ need: { code: 'addiction', labelDe: 'Sucht' }, municipalities: 3, coveredMunicipalities: 2, uncoveredMunicipalities: 1, municipalitiesWithoutPartner: 0, population: 1000, populationCovered: 900, coveredPopulationShare: 0.9, medianNearestMinutes: 12, maxNearestMinutes: 44 }],
            gapList: [{ municipalityAgs: '14521010', municipalityName: 'Bärenstein', districtName: 'Erzgebirgskreis', covered: false, population: 100, populationUncovered: 100, need: { labelDe: 'Sucht' }, nearest: { serviceName: 'Suchtberatung', organizationName: 'Diakonie', town: 'Annaberg', travelMinutes: 44.2, travelMode: 'PUBLIC_TRANSPORT' } }],
            networkSize: [{ districtAgs: '14521', category: 'ADDICTION_COUNSELLING', services: 4, organizations: 2 }],
            freshness: { freshDays: 365, overall: { services: 10, verifiedWithin: 8, share: 0.8 } },
          },
        },
      },
    });
    render(<CoveragePage />);
    await screen.findByRole('option', { name: 'Sucht' });
    await userEvent.click(screen.getByRole('button', { name: 'Abdeckung anzeigen' }));
    expect(await screen.findByRole('img', { name: /Karte der Abdeckung für „Sucht“ in Ganz Sachsen/ })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Bärenstein' })).toBeTruthy();
    expect(screen.getByText('Suchtberatung, Annaberg')).toBeTruthy();
    expect(screen.getByText('90 %')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Suchtberatung' })).toBeTruthy();
    expect(screen.getByText(/8 von 10 sichtbaren Angeboten \(80 %\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Karte als PNG' })).toBeTruthy();
  });
});
