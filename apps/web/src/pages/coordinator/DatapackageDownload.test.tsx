import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthHooks } from '../../api/client';
import { DatapackageDownload } from './DatapackageDownload';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setAuthHooks(undefined);
});

describe('the coordinator’s datapackage download', () => {
  it('fetches the zip with the session’s token and hands it to the browser as a download', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(new Blob(['PK']), { status: 200, headers: { 'content-type': 'application/zip' } })));
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn(() => 'blob:lotse');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    setAuthHooks({ tokens: () => ({ accessToken: 'A', refreshToken: 'R' }), refresh: async () => true, onSessionExpired: async () => undefined });

    render(<DatapackageDownload />);
    fireEvent.click(screen.getByRole('button', { name: /Datenpaket herunterladen/ }));
    expect(await screen.findByText('Das Datenpaket wurde heruntergeladen.')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/hsds/datapackage.zip');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer A');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('says in German when the export is not allowed', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'Not allowed for the role coach' } }), { status: 403 }))));
    setAuthHooks({ tokens: () => ({ accessToken: 'A', refreshToken: 'R' }), refresh: async () => true, onSessionExpired: async () => undefined });
    render(<DatapackageDownload />);
    fireEvent.click(screen.getByRole('button', { name: /Datenpaket herunterladen/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('Not allowed');
  });
});
