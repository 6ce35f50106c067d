/**
 * Every error a client can see carries one of these codes in `extensions.code`. Capabilities throw
 * `DomainError` subclasses; `formatGraphQLError` maps them once, at the edge.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** the request's estimated cost is over the limit; refused before any work */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** a match would do more work, or take longer, than its budget (MATCH_WORK_LIMIT, MATCH_TIME_LIMIT_MS); stopped */
  MATCH_TOO_LARGE = 'MATCH_TOO_LARGE',
  /** the HTTP body is larger than the API accepts */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** the HTTP request itself is malformed (e.g. a body that is not JSON) */
  BAD_REQUEST = 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** dotted path of the argument or input field, e.g. `near.latitude` */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid input; names every offending field so a client can point at it. */
export class InvalidInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super(ErrorCode.BAD_USER_INPUT, problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      field: problems[0]?.field,
      fields: problems,
    });
  }

  static of(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(entity: string, id: string, currentVersion: number | null, expectedVersion: number) {
    super(
      ErrorCode.CONFLICT,
      currentVersion === null
        ? `${entity} ${id} no longer exists`
        : `${entity} ${id} was changed by someone else: you edited version ${expectedVersion}, the current version is ${currentVersion}`,
      { entity, id, currentVersion, expectedVersion },
    );
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please log in', details: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this', details: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(retryAfterSeconds: number, message = `Too many requests; try again in ${retryAfterSeconds} s`, details: Record<string, unknown> = {}) {
    super(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds, ...details });
  }
}

/** A request whose estimated cost is over the limit: names the limit and its value, so a client can ask for less. */
export class QueryTooComplexError extends DomainError {
  constructor(cost: number, limit: number) {
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      `Query is too complex: its estimated cost is ${cost}, the limit (QUERY_COST_LIMIT) is ${limit}. Ask for fewer items per page, fewer nested lists, fewer aliases, or fewer municipalities × needs.`,
      { cost, maxCost: limit },
    );
  }
}

/** "50 MB", "100 kB": a byte limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} kB`;
}

/** A request body over the limit of its route (an import upload over IMPORT_MAX_BYTES); names the limit. */
export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number, message = `Request body is too large: at most ${formatBytes(limitBytes)} are accepted`) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, message, { limitBytes });
  }
}
