import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { LocationEditor, locationInput } from './LocationEditor';

vi.mock('../../components/PointPicker', () => ({ default: () => null })); // Leaflet needs a real browser

afterEach(() => vi.unstubAllGlobals());

const address = { name: '', street: 'Hauptstraße 1', postcode: '01067', town: 'Dresden', latitude: '', longitude: '' };
const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));

describe('locationInput', () => {
  it('sends an address without a point, so the API geocodes it', () => {
    expect(locationInput(address)).toEqual({ name: null, street: 'Hauptstraße 1', postcode: '01067', town: 'Dresden' });
  });

  it('sends a point set by hand; accepts a decimal comma', () => {
    expect(locationInput({ ...address, latitude: '51,05', longitude: '13.73' })).toMatchObject({ latitude: 51.05, longitude: 13.73 });
  });

  it('leaves the old point out when only the address changed, so the new address is geocoded', () => {
    const before = { ...address, latitude: '51.05', longitude: '13.73' };
    expect(locationInput({ ...before, street: 'Neue Straße 2' }, before)).not.toHaveProperty('latitude');
    expect(locationInput({ ...before, name: 'Büro' }, before)).toMatchObject({ latitude: 51.05 });
  });
});

describe('LocationEditor (new location)', () => {
  it('shows the API error in German beside the field it names', async () => {
    window.history.pushState(null, '', '/partner/standort?organisation=o1');
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        const { query } = JSON.parse(init.body as string);
        if (query.includes('myOrganizations')) return json({ data: { myOrganizations: [] } });
        return json({ errors: [{ message: 'postcode must have 5 digits', extensions: { code: 'BAD_USER_INPUT', field: 'input.postcode' } }] });
      }),
    );
    render(
      <RouterProvider>
        <LocationEditor />
      </RouterProvider>,
    );
    await userEvent.type(screen.getByLabelText('Straße und Hausnummer'), 'Hauptstraße 1');
    await userEvent.type(screen.getByLabelText('Postleitzahl'), '1067');
    await userEvent.type(screen.getByLabelText('Ort'), 'Dresden');
    await userEvent.click(screen.getByRole('button', { name: 'Standort anlegen' }));
    expect(await screen.findByText(/Diese Postleitzahl kennt Lotse nicht/)).toBeTruthy();
    expect(screen.getByLabelText('Postleitzahl').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/must have/)).toBeNull();
  });
});

describe('LocationEditor (a point the offline geocoder placed)', () => {
  const location = (geocodePrecision: string) => ({
    id: 'l1', version: 3, name: null, street: 'Markt 1', postcode: '01662', town: 'Meißen', latitude: 51.16, longitude: 13.47, districtAgs: '14627',
    geocodePrecision, municipality: { name: 'Meißen' }, organization: { name: 'Suchtberatung Meißen e. V.' },
  });
  const open = (geocodePrecision: string) => {
    window.history.pushState(null, '', '/partner/standort?id=l1');
    vi.stubGlobal('fetch', vi.fn(() => json({ data: { location: location(geocodePrecision) } })));
    render(
      <RouterProvider>
        <LocationEditor />
      </RouterProvider>,
    );
  };

  it('says "Punkt ungefähr", why, and how to move it; a moved pin is to be saved', async () => {
    open('POSTCODE');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Punkt ungefähr');
    expect(alert.textContent).toContain('Postleitzahl 01662');
    expect(alert.textContent).toMatch(/auf der Karte auf den Eingang/);
    await userEvent.clear(screen.getByLabelText(/Breitengrad/));
    await userEvent.type(screen.getByLabelText(/Breitengrad/), '51.1637');
    expect(screen.getByText('Neuer Punkt gesetzt')).toBeTruthy();
    expect(screen.queryByText('Punkt ungefähr')).toBeNull();
  });

  it('names the place when only the locality was known; says nothing of the kind for an exact point', async () => {
    open('LOCALITY');
    expect((await screen.findByRole('alert')).textContent).toContain('Ort Meißen');
    cleanup();
    open('EXACT');
    expect(await screen.findByText('Die Lage ist genau (von Hand gesetzt).')).toBeTruthy();
    expect(screen.queryByText('Punkt ungefähr')).toBeNull();
  });
});
