import type { TypedDocumentString } from '../graphql/generated/graphql';
import { t } from '../texts';
import { ApiError, toApiError } from './errors';

/**
 * The one way the web app talks to the API: POST /graphql on the same origin with a typed document.
 *
 * Authentication lives here too, so no screen has to think about it: the access token is attached;
 * an UNAUTHENTICATED answer triggers one refresh (single flight, the refresh token rotates); when
 * that fails too, `onSessionExpired` is awaited — the app shows a login dialog over the current
 * page, so nothing typed is lost — and the request is sent again.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface AuthHooks {
  tokens(): Tokens | undefined;
  /** exchange the refresh token; resolves false when it is no longer valid */
  refresh(): Promise<boolean>;
  /** resolves once the user has logged in again; rejects when they gave up */
  onSessionExpired(): Promise<void>;
}

let hooks: AuthHooks | undefined;

export function setAuthHooks(h: AuthHooks | undefined): void {
  hooks = h;
}

let refreshing: Promise<boolean> | undefined;

function refreshOnce(): Promise<boolean> {
  if (!hooks) return Promise.resolve(false);
  refreshing ??= hooks.refresh().finally(() => (refreshing = undefined));
  return refreshing;
}

interface Options {
  /** login and refresh themselves must not loop through the refresh flow */
  anonymous?: boolean;
  /** send the token but do not refresh or ask for a new login (logout) */
  noRefresh?: boolean;
  signal?: AbortSignal;
}

async function send(query: string, variables: unknown, token: string | undefined, signal?: AbortSignal): Promise<{ data?: unknown; errors?: unknown[] }> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', t.errors.network);
  }
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
  }
  return body;
}

function isUnauthenticated(errors: unknown[] | undefined): boolean {
  return !!errors?.some((e) => (e as { extensions?: { code?: string } }).extensions?.code === 'UNAUTHENTICATED');
}

export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: Options = {},
): Promise<TResult> {
  const query = document.toString();
  let body = await send(query, variables ?? {}, options.anonymous ? undefined : hooks?.tokens()?.accessToken, options.signal);
  if (!options.anonymous && !options.noRefresh && isUnauthenticated(body.errors) && hooks) {
    const refreshed = await refreshOnce();
    if (!refreshed) await hooks.onSessionExpired();
    body = await send(query, variables ?? {}, hooks.tokens()?.accessToken, options.signal);
  }
  if (body.errors?.length) throw toApiError(body.errors as never);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
  return body.data as TResult;
}

/**
 * A file from a plain HTTP route of the API (e.g. the HSDS datapackage), with the same token and
 * the same refresh and re-login as `gql`; resolves to the response body. Errors arrive as the API's
 * `{ error: { code, message } }` and become an ApiError.
 */
export async function fetchFile(path: string, signal?: AbortSignal): Promise<Blob> {
  const get = async () => {
    const token = hooks?.tokens()?.accessToken;
    try {
      return await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError('NETWORK', t.errors.network);
    }
  };
  let res = await get();
  if (res.status === 401 && hooks) {
    const refreshed = await refreshOnce();
    if (!refreshed) await hooks.onSessionExpired();
    res = await get();
  }
  if (!res.ok) {
    const body = await res.json().catch(() => undefined);
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw toApiError([{ message: error?.message ?? t.errors.server, extensions: { code: error?.code ?? 'INTERNAL_SERVER_ERROR' } }] as never);
  }
  return res.blob();
}

/**
 * GET a non-GraphQL resource of the API (coverage map SVG/PNG, GeoJSON) with the session's token
 * and the same refresh / re-login flow. Failures become German ApiErrors (the HTTP filter's body
 * carries the same codes and fields as GraphQL errors).
 */
export async function fetchWithAuth(path: string, options: { signal?: AbortSignal } = {}): Promise<Response> {
  const get = async (): Promise<Response> => {
    const token = hooks?.tokens()?.accessToken;
    try {
      return await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: options.signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError('NETWORK', t.errors.network);
    }
  };
  let res = await get();
  if (res.status === 401 && hooks) {
    const refreshed = await refreshOnce();
    if (!refreshed) await hooks.onSessionExpired();
    res = await get();
  }
  if (!res.ok) {
    // the HTTP filter answers { error: { code, message, field?, fields? } }
    let body: { code?: string; message?: string; field?: string; fields?: { field: string; message: string }[] } = {};
    try {
      body = ((await res.json()) as { error?: typeof body }).error ?? {};
    } catch {}
    const code = body.code ?? (res.status === 403 ? 'FORBIDDEN' : res.status === 400 ? 'BAD_USER_INPUT' : res.status === 404 ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR');
    throw toApiError([{ message: body.message, extensions: { code, field: body.field, fields: body.fields } }]);
  }
  return res;
}

/**
 * POST a file as the raw request body to a plain HTTP route of the API (the coordinators' import
 * upload, `/import?…`), with the session's token and the same refresh / re-login flow. The route
 * answers JSON; refusals come in the GraphQL error shape (`{ errors: [{ extensions: { code } }] }`)
 * and become a German ApiError.
 */
export async function uploadFile<T>(path: string, file: Blob, options: { signal?: AbortSignal } = {}): Promise<T> {
  const post = async (): Promise<Response> => {
    const token = hooks?.tokens()?.accessToken;
    try {
      return await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
        signal: options.signal,
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError('NETWORK', t.errors.network);
    }
  };
  let res = await post();
  if (res.status === 401 && hooks) {
    const refreshed = await refreshOnce();
    if (!refreshed) await hooks.onSessionExpired();
    res = await post();
  }
  let body: { errors?: unknown[] } & Record<string, unknown>;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL_SERVER_ERROR', res.status === 413 ? t.errors.tooLarge : t.errors.server);
  }
  if (!res.ok || body.errors?.length) throw toApiError((body.errors ?? []) as never);
  return body as T;
}
