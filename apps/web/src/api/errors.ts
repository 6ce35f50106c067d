import { fieldErrors, t } from '../texts';

/** One problem with one input field, as the API names it (`near.latitude`, `request.origin.postcode`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An API failure, already in German: `message` for the page, `fields` for the inputs they name.
 * The API's own (English) messages are never shown; they are kept in `detail` for debugging only.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly detail?: string,
    /** the API's machine-readable details, e.g. CONFLICT's currentVersion/expectedVersion */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The German message for a field (matched by its last path segment or its full path), if any. */
  fieldMessage(...names: string[]): string | undefined {
    const hit = this.fields.find((f) => names.some((n) => f.field === n || f.field.endsWith(`.${n}`)));
    return hit?.message;
  }
}

interface RawError {
  message?: string;
  extensions?: { code?: string; field?: string; fields?: { field: string; message: string }[]; [key: string]: unknown };
}

/** German text for a field path: the most specific entry of `fieldErrors` that matches. */
export function germanFieldMessage(field: string): string {
  const parts = field.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join('.');
    if (fieldErrors[key]) return fieldErrors[key];
  }
  return t.errors.fieldInvalid;
}

function germanMessage(code: string, raw: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return t.errors.unauthenticated;
    case 'FORBIDDEN':
      return t.errors.forbidden;
    case 'NOT_FOUND':
      return t.errors.notFound;
    case 'CONFLICT':
      return t.errors.conflict;
    case 'TOO_MANY_REQUESTS':
      return t.errors.tooManyRequests;
    case 'QUERY_TOO_COMPLEX':
      return t.errors.tooExpensive;
    case 'MATCH_TOO_LARGE':
      return t.errors.matchTooLarge;
    case 'PAYLOAD_TOO_LARGE':
      return t.errors.tooLarge;
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return /cost|complexity|depth|limit/i.test(raw) && code !== 'BAD_USER_INPUT' ? t.errors.tooExpensive : t.errors.badInput;
    default:
      return t.errors.server;
  }
}

/** Turns the first GraphQL error of a response into an ApiError with German texts. */
export function toApiError(errors: RawError[]): ApiError {
  const first = errors[0] ?? {};
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const problems = first.extensions?.fields?.length
    ? first.extensions.fields
    : first.extensions?.field
      ? [{ field: first.extensions.field, message: first.message ?? '' }]
      : [];
  const fields = problems.map((p) => ({ field: p.field, message: germanFieldMessage(p.field) }));
  return new ApiError(code, germanMessage(code, first.message ?? ''), fields, first.message, first.extensions ?? {});
}
