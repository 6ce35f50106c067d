import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from './errors';

export const HTTP_STATUS_OF_CODE: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.QUERY_TOO_COMPLEX]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MATCH_TOO_LARGE]: HttpStatus.BAD_REQUEST,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.BAD_REQUEST]: HttpStatus.BAD_REQUEST,
  [ErrorCode.INTERNAL_SERVER_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Domain errors on plain HTTP routes: the same code and details as in GraphQL, with a fitting status. */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    if (host.getType() !== 'http') return error; // GraphQL formats its own errors (formatGraphQLError)
    const res = host.switchToHttp().getResponse();
    res.status(HTTP_STATUS_OF_CODE[error.code]).json({ error: { code: error.code, message: error.message, ...error.details } });
  }
}

/** A domain error as a GraphQL response's `errors`: `{ errors: [{ message, extensions: { code, …details } }] }`. */
export function graphQLErrorBody(error: DomainError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] };
}

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.BAD_REQUEST,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TOO_MANY_REQUESTS,
};

/**
 * For HTTP routes that a GraphQL client calls beside /graphql (the import upload): every refusal
 * in the GraphQL error shape, as the body parser's 413 already is, so the client reads one shape.
 * Anything unexpected is logged (message only) and answered INTERNAL_SERVER_ERROR without internals.
 */
@Catch()
export class GraphQLShapedHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpRequest');

  catch(error: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    if (error instanceof DomainError) {
      res.status(HTTP_STATUS_OF_CODE[error.code]).json(graphQLErrorBody(error));
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = CODE_OF_STATUS[status] ?? ErrorCode.BAD_REQUEST;
      res.status(status).json(graphQLErrorBody(new DomainError(code, error.message)));
      return;
    }
    this.logger.error(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json(graphQLErrorBody(new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error')));
  }
}
