import { render, screen } from '@testing-library/react';
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
