import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { DomainError, ErrorCode } from '@lotse/common';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const ISSUE: Record<ErrorCode, { status: number; code: string }> = {
  [ErrorCode.BAD_USER_INPUT]: { status: 400, code: 'invalid' },
  [ErrorCode.NOT_FOUND]: { status: 404, code: 'not-found' },
  [ErrorCode.CONFLICT]: { status: 409, code: 'conflict' },
  [ErrorCode.UNAUTHENTICATED]: { status: 401, code: 'login' },
  [ErrorCode.FORBIDDEN]: { status: 403, code: 'forbidden' },
  [ErrorCode.TOO_MANY_REQUESTS]: { status: 429, code: 'throttled' },
  [ErrorCode.QUERY_TOO_COMPLEX]: { status: 400, code: 'too-costly' },
  [ErrorCode.MATCH_TOO_LARGE]: { status: 400, code: 'too-costly' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { status: 413, code: 'too-long' },
  [ErrorCode.BAD_REQUEST]: { status: 400, code: 'structure' },
  [ErrorCode.INTERNAL_SERVER_ERROR]: { status: 500, code: 'exception' },
};

/**
 * Every error under /fhir as an OperationOutcome (FHIR R4 "RESTful API": errors SHOULD be one), with
 * the HTTP status and — for bad input — the parameter in `expression`. Unexpected errors are logged
 * and answered without their message.
 */
@Catch()
export class OperationOutcomeFilter implements ExceptionFilter {
  private readonly logger = new Logger('FHIR');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let code = 'exception';
    let diagnostics = 'Internal error';
    let expression: string[] | undefined;
    if (error instanceof DomainError) {
      ({ status, code } = ISSUE[error.code]);
      diagnostics = error.message;
      const fields = (error.details.fields as { field: string }[] | undefined)?.map((f) => f.field);
      if (fields?.length) expression = fields;
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      code = status === 404 ? 'not-found' : status < 500 ? 'invalid' : 'exception';
      diagnostics = error.message;
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (res.headersSent) return;
    res
      .status(status)
      .type(FHIR_JSON)
      .send(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression } : {}) }] }));
  }
}
