import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider } from '../../router';
import { contactPatch, normalizeWebsite, OrganizationEditor } from './OrganizationEditor';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const organization = (version: number, over: Record<string, unknown> = {}) => ({
  id: 'o1',
  version,
  name: 'Suchtberatung Riesa',
  status: 'ACTIVE',
  email: 'info@sucht.example',
  website: null,
  phones: [{ label: 'Sekretariat', number: '+49 3525 1111' }],
  identifiers: [],
  ...over,
});

function api(answers: ((variables: any) => unknown)[]) {
  const calls: { query: string; variables: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      calls.push(body);
      return json(answers[Math.min(calls.length - 1, answers.length - 1)](body.variables));
    }),
  );
  return calls;
}

function renderEditor() {
  window.history.pushState(null, '', '/partner/organisation?id=o1');
  render(
    <RouterProvider>
      <OrganizationEditor />
    </RouterProvider>,
  );
}

describe('contactPatch', () => {
  it('clears empty optional fields and completes a website without a scheme', () => {
    expect(contactPatch({ name: ' Praxis ', email: ' ', website: 'www.praxis.example', phones: [{ label: '', number: ' 0351 1234 ' }] })).toEqual({
      name: 'Praxis',
      email: null,
      website: 'https://www.praxis.example',
      phones: [{ number: '0351 1234', label: null }],
    });
    expect(normalizeWebsite('http://alt.example')).toBe('http://alt.example');
    expect(normalizeWebsite('')).toBeNull();
  });
});

describe('OrganizationEditor', () => {
  it('saves name and contact with the version; a wrong phone number is said in German beside it', async () => {
    const calls = api([
      () => ({ data: { myOrganizations: [organization(3)] } }),
      () => ({ errors: [{ message: 'number must be a phone number', extensions: { code: 'BAD_USER_INPUT', field: 'patch.phones.1.number' } }] }),
      (v) => ({ data: { updateOrganization: organization(4, v.patch) } }),
    ]);
    renderEditor();
    await screen.findByRole('heading', { level: 1, name: 'Organisation bearbeiten: Suchtberatung Riesa' });
    const contact = screen.getByRole('region', { name: 'Name und Kontakt' });
    await userEvent.type(within(contact).getByLabelText(/Website/), 'sucht-riesa.example');
    await userEvent.click(within(contact).getByRole('button', { name: 'Telefonnummer hinzufügen' }));
    const second = within(contact).getByRole('listitem', { name: 'Telefonnummer 2' });
    await userEvent.type(within(second).getByLabelText(/Wofür/), 'Beratung');
    await userEvent.type(within(second).getByLabelText('Nummer'), 'abc');
    await userEvent.click(within(contact).getByRole('button', { name: 'Speichern' }));
    expect(await within(second).findByText('Bitte eine Telefonnummer angeben, z. B. +49 351 123456.')).toBeTruthy();
    expect(within(second).getByLabelText('Nummer').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/must be/)).toBeNull();

    await userEvent.clear(within(second).getByLabelText('Nummer'));
    await userEvent.type(within(second).getByLabelText('Nummer'), '+49 3525 2222');
    await userEvent.click(within(contact).getByRole('button', { name: 'Speichern' }));
    expect(await within(contact).findByText('Gespeichert.')).toBeTruthy();
    expect(calls[2].variables).toEqual({
      id: 'o1',
      expectedVersion: 3,
      patch: {
        name: 'Suchtberatung Riesa',
        email: 'info@sucht.example',
        website: 'https://sucht-riesa.example',
        phones: [
          { number: '+49 3525 1111', label: 'Sekretariat' },
          { number: '+49 3525 2222', label: 'Beratung' },
        ],
      },
    });
  });

  it('identifiers: a conflict shows what is stored now and saves the own input on the new version', async () => {
    const calls = api([
      () => ({ data: { myOrganizations: [organization(3)] } }),
      () => ({ errors: [{ message: 'changed', extensions: { code: 'CONFLICT', currentVersion: 5, expectedVersion: 3 } }] }),
      () => ({ data: { myOrganizations: [organization(5, { identifiers: [{ scheme: 'BSNR', value: '123456700' }] })] } }),
      (v) => ({ data: { updateOrganization: organization(6, v.patch) } }),
    ]);
    renderEditor();
    await screen.findByRole('heading', { level: 1, name: /Suchtberatung Riesa/ });
    const ids = screen.getByRole('region', { name: 'Kennzeichen' });
    await userEvent.click(within(ids).getByRole('button', { name: 'Kennzeichen hinzufügen' }));
    await userEvent.type(within(ids).getByLabelText('Nummer'), '261400001');
    await userEvent.click(within(ids).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Jemand anderes hat diese Organisation inzwischen gespeichert')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Kennzeichen/ }).textContent).toMatch(/BSNR 123456700.*IK 261400001/);
    await userEvent.click(screen.getByRole('button', { name: 'Meine Eingabe erneut speichern' }));
    expect(await screen.findByText('Gespeichert.')).toBeTruthy();
    expect(calls[3].variables).toEqual({ id: 'o1', expectedVersion: 5, patch: { identifiers: [{ scheme: 'IK', value: '261400001' }] } });
  });

  it('says so when the organisation is not the partner’s own', async () => {
    api([() => ({ data: { myOrganizations: [] } })]);
    renderEditor();
    expect(await screen.findByText('Diese Organisation gehört nicht zu Ihrem Konto.')).toBeTruthy();
  });
});
