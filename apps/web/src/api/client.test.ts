import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../graphql/generated/graphql';
import { gql, setAuthHooks, uploadFile } from './client';
import { ApiError } from './errors';

function answer(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
}
const me = { id: '1', email: 'c@x.example', displayName: 'C', role: 'COACH', organizationIds: [] };
const unauthenticated = { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] };

afterEach(() => {
  vi.unstubAllGlobals();
  setAuthHooks(undefined);
});

describe('gql client', () => {
  it('sends the access token and returns data', async () => {
    const fetch = vi.fn(() => answer({ data: { me } }));
    vi.stubGlobal('fetch', fetch);
    setAuthHooks({ tokens: () => ({ accessToken: 'A', refreshToken: 'R' }), refresh: async () => true, onSessionExpired: async () => undefined });
    expect(await gql(MeDocument)).toEqual({ me });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer A');
  });

  it('refreshes once on UNAUTHENTICATED and retries with the new token', async () => {
    let token = 'old';
    const fetch = vi.fn().mockReturnValueOnce(answer(unauthenticated)).mockReturnValueOnce(answer({ data: { me } }));
    vi.stubGlobal('fetch', fetch);
    const refresh = vi.fn(async () => ((token = 'new'), true));
    const onSessionExpired = vi.fn(async () => undefined);
    setAuthHooks({ tokens: () => ({ accessToken: token, refreshToken: 'R' }), refresh, onSessionExpired });
    expect(await gql(MeDocument)).toEqual({ me });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].headers as Record<string, string>).authorization).toBe('Bearer new');
  });

  it('waits for a new login when the refresh fails, then sends the request again', async () => {
    let token = 'old';
    const fetch = vi.fn().mockReturnValueOnce(answer(unauthenticated)).mockReturnValueOnce(answer({ data: { me } }));
    vi.stubGlobal('fetch', fetch);
    const onSessionExpired = vi.fn(async () => {
      token = 'after-login';
    });
    setAuthHooks({ tokens: () => ({ accessToken: token, refreshToken: 'R' }), refresh: async () => false, onSessionExpired });
    expect(await gql(MeDocument)).toEqual({ me });
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('turns API errors into German messages with the field named', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer({ errors: [{ message: 'request.origin.postcode: unknown postcode', extensions: { code: 'BAD_USER_INPUT', field: 'request.origin.postcode' } }] })));
    const error = await gql(MeDocument, {}, { anonymous: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Bitte prüfen Sie Ihre Eingaben.');
    expect(error.fields[0].field).toBe('request.origin.postcode');
    expect(error.fieldMessage('postcode')).toMatch(/Postleitzahl/);
    expect(JSON.stringify(error.fields)).not.toContain('unknown postcode');
  });

  it('says in German when a request is too large for the API (cost limit, match budget)', async () => {
    for (const [code, german] of [
      ['QUERY_TOO_COMPLEX', 'Diese Anfrage ist zu umfangreich'],
      ['MATCH_TOO_LARGE', 'Diese Suche ist zu umfangreich für den Server. Bitte wählen Sie weniger Bedarfe'],
    ]) {
      vi.stubGlobal('fetch', vi.fn(() => answer({ errors: [{ message: 'the limit (X) is 1', extensions: { code } }] })));
      const error = await gql(MeDocument, {}, { anonymous: true }).catch((e) => e);
      expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringContaining(german) });
    }
  });

  it('says in German when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(gql(MeDocument, {}, { anonymous: true })).rejects.toThrow('Der Server ist gerade nicht erreichbar');
  });
});

describe('uploadFile', () => {
  it('posts the file as the body with the token, renews an expired token once and sends the file again', async () => {
    let token = 'old';
    const fetch = vi
      .fn()
      .mockReturnValueOnce(Promise.resolve(new Response(JSON.stringify(unauthenticated), { status: 401 })))
      .mockReturnValueOnce(Promise.resolve(new Response(JSON.stringify({ job: { id: 'j1' } }), { status: 202 })));
    vi.stubGlobal('fetch', fetch);
    setAuthHooks({ tokens: () => ({ accessToken: token, refreshToken: 'R' }), refresh: async () => ((token = 'new'), true), onSessionExpired: async () => undefined });
    const file = new Blob(['Träger;PLZ\n']);
    expect(await uploadFile('/import?fileName=a.csv', file)).toEqual({ job: { id: 'j1' } });
    const [url, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/import?fileName=a.csv');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer new');
  });

  it('turns a refusal in the GraphQL error shape into a German ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ errors: [{ message: 'Only coordinators and admins may use POST /import', extensions: { code: 'FORBIDDEN' } }] }), { status: 403 }))));
    const error = (await uploadFile('/import?fileName=a.csv', new Blob(['x'])).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Dafür fehlt Ihnen die Berechtigung.');
  });
});
