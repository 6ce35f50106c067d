import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '@lotse/common';
import { IMPORT_UPLOAD_PATH } from '@lotse/exchange';

interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

/** The largest request body the API reads (Express's default, kept explicit: a GraphQL document with variables is far smaller). */
export const MAX_BODY_BYTES = 100 * 1024;

const logger = new Logger('HttpRequest');

/**
 * Routes that read their own body — after the auth guard, with a limit of their own — so these
 * parsers leave it alone: the coordinators' import upload (`POST /import`, IMPORT_MAX_BYTES).
 */
const OWN_BODY_ROUTES: ReadonlySet<string> = new Set([IMPORT_UPLOAD_PATH]);
const readsOwnBody = (req: IncomingMessage) => req.method === 'POST' && OWN_BODY_ROUTES.has((req.url ?? '').split('?')[0]);
/** body-parser's `type` test (its default media type), except on routes that read their own body */
const parses = (mediaType: RegExp) => (req: IncomingMessage) => !readsOwnBody(req) && mediaType.test(String(req.headers['content-type'] ?? ''));

/**
 * Reads JSON and form bodies, and answers a body that cannot be read — too large, not JSON, an
 * unknown charset — in the GraphQL error shape with a code, as every other refusal of the API:
 * `{"errors":[{"message":…,"extensions":{"code":"PAYLOAD_TOO_LARGE"}}]}`.
 * Nest's own parsers are switched off (`bodyParser: false`) so this handler sits right behind them.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: MAX_BODY_BYTES, type: parses(/^\s*application\/json\s*(;|$)/i) });
  app.useBodyParser('urlencoded', { extended: true, limit: MAX_BODY_BYTES, type: parses(/^\s*application\/x-www-form-urlencoded\s*(;|$)/i) });
  app.use(bodyErrorHandler);
}

/** Express error middleware (four parameters) for the errors of body-parser. */
export function bodyErrorHandler(error: unknown, _req: unknown, res: JsonResponse, next: (error: unknown) => void): void {
  const status = (error as { status?: unknown } | null)?.status;
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return next(error);
  const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST;
  const message =
    status === 413
      ? `Request body is too large: at most ${MAX_BODY_BYTES / 1024} kB are accepted`
      : type === 'entity.parse.failed'
        ? 'Request body is not valid JSON'
        : `Request body cannot be read (${type})`;
  // like the GraphQL request log: what was refused, never the body
  logger.log({ msg: 'http request refused', status, errorCodes: [code] });
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
