import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartnerServiceFragment } from '../../graphql/generated/graphql';
import { CapacityForm } from './CapacityForm';

afterEach(() => vi.unstubAllGlobals());

const answer = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const NOW = new Date('2026-06-15T10:00:00Z');

function service(over: Partial<PartnerServiceFragment['capacity']> = {}, version = 3): PartnerServiceFragment {
  return {
    id: 's1',
    version,
    name: 'Suchtberatung Mitte',
    description: '',
    category: 'ADDICTION_COUNSELLING',
    status: 'ACTIVE',
    updatedAt: '2026-06-10T08:00:00Z',
    capacity: { acceptingNewClients: true, freeSeats: 4, waitingDays: 10, updatedAt: '2026-06-10T08:00:00Z', ...over },
    verification: { verifiedAt: null },
    accessibility: [],
    deliveryModes: ['IN_PERSON'],
    cost: { type: 'FREE', feeAmountEuro: null, note: null },
    eligibility: { minAge: null, maxAge: null, insuranceRequirement: 'NONE', note: null },
    locations: [],
    openingHours: [],
    sessions: [],
  } as PartnerServiceFragment;
}

const bodyOf = (fetch: ReturnType<typeof vi.fn>, call: number) => JSON.parse((fetch.mock.calls[call] as [string, RequestInit])[1].body as string);

describe('CapacityForm', () => {
  it('saves "no new clients" in two clicks with the version it is based on', async () => {
    const saved = service({ acceptingNewClients: false }, 4);
    const fetch = vi.fn(() => answer({ data: { updateCapacity: saved } }));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    render(<CapacityForm service={service()} onSaved={onSaved} now={NOW} />);
    await userEvent.click(screen.getByLabelText('Nein, derzeit keine Aufnahme'));
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Gespeichert. Coaches sehen den neuen Stand.')).toBeTruthy();
    expect(bodyOf(fetch, 0).variables).toEqual({ id: 's1', expectedVersion: 3, capacity: { acceptingNewClients: false, freeSeats: 4, waitingDays: 10 } });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('reminds when the stand is stale and confirms it unchanged in one click', async () => {
    const fetch = vi.fn(() => answer({ data: { updateCapacity: service({ updatedAt: NOW.toISOString() }, 4) } }));
    vi.stubGlobal('fetch', fetch);
    render(<CapacityForm service={service({ updatedAt: '2026-04-01T08:00:00Z' })} onSaved={() => undefined} now={NOW} />);
    expect(screen.getByText(/älter als 30 Tage/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Angaben unverändert bestätigen' }));
    await screen.findByText('Gespeichert. Coaches sehen den neuen Stand.');
    expect(bodyOf(fetch, 0).variables.capacity).toEqual({ acceptingNewClients: true, freeSeats: 4, waitingDays: 10 });
  });

  it('has no reminder when the stand is fresh', () => {
    render(<CapacityForm service={service()} onSaved={() => undefined} now={NOW} />);
    expect(screen.queryByText(/älter als 30 Tage/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Angaben unverändert bestätigen' })).toBeNull();
  });

  it('shows the API error in German next to the field it names, never the English', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer({ errors: [{ message: 'freeSeats must be 0 or more', extensions: { code: 'BAD_USER_INPUT', field: 'capacity.freeSeats' } }] })));
    render(<CapacityForm service={service()} onSaved={() => undefined} now={NOW} />);
    const seats = screen.getByLabelText(/Freie Plätze/);
    await userEvent.clear(seats);
    await userEvent.type(seats, '-2');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte eine ganze Zahl ab 0 angeben (bei Kursterminen höchstens so viele wie Plätze).')).toBeTruthy();
    expect(seats.getAttribute('aria-invalid')).toBe('true');
    expect(seats.getAttribute('aria-describedby')).toContain('error');
    expect(screen.queryByText(/must be/)).toBeNull();
  });

  it('on a conflict shows what changed and saves the own input again on the new version', async () => {
    const theirs = service({ acceptingNewClients: true, freeSeats: 1, waitingDays: 10 }, 5);
    const fetch = vi
      .fn()
      .mockReturnValueOnce(answer({ errors: [{ message: 'service s1 was changed by someone else', extensions: { code: 'CONFLICT', currentVersion: 5, expectedVersion: 3 } }] }))
      .mockReturnValueOnce(answer({ data: { service: theirs } }))
      .mockReturnValueOnce(answer({ data: { updateCapacity: service({ freeSeats: 7 }, 6) } }));
    vi.stubGlobal('fetch', fetch);
    render(<CapacityForm service={service()} onSaved={() => undefined} now={NOW} />);
    const seats = screen.getByLabelText(/Freie Plätze/);
    await userEvent.clear(seats);
    await userEvent.type(seats, '7');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Jemand anderes hat dieses Angebot inzwischen gespeichert')).toBeTruthy();
    const row = screen.getByRole('row', { name: /Freie Plätze/ });
    expect(row.textContent).toContain('1');
    expect(row.textContent).toContain('7');
    expect(screen.queryByRole('row', { name: /Wartezeit/ })).toBeNull(); // unchanged fields are left out
    await userEvent.click(screen.getByRole('button', { name: 'Meine Eingabe erneut speichern' }));
    await screen.findByText('Gespeichert. Coaches sehen den neuen Stand.');
    expect(bodyOf(fetch, 2).variables).toMatchObject({ expectedVersion: 5, capacity: { freeSeats: 7 } });
  });
});
