import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './errors';

const logger = new Logger('GraphQL');

/** Apollo's own codes for errors that never reach a resolver (parse, schema validation, bad variables). */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The single place where errors become GraphQL errors. Domain errors keep their code and details;
 * anything unexpected is logged (message only) and shown as INTERNAL_SERVER_ERROR without internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    // Variables that fail coercion (e.g. a string for a Float) come from Apollo as BAD_USER_INPUT.
    const field = /Variable "\$([^"]+)"/.exec(formatted.message)?.[1] ?? (formatted.extensions?.field as string | undefined);
    return { ...formatted, extensions: { code, ...(field ? { field } : {}) } };
  }
  const status = (original as { status?: number } | undefined)?.status;
  if (status === 400) {
    return { message: formatted.message, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  logger.error(`unexpected error: ${original instanceof Error ? original.message : formatted.message}`);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
