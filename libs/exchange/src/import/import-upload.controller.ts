import { Controller, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { AllowRoles, formatBytes, GraphQLShapedHttpFilter, InvalidInputError, PayloadTooLargeError, RequestContext, Role, UnauthenticatedError } from '@lotse/common';
import { Environment } from '@lotse/config';
import { ImportJob, ImportJobs } from './import-jobs';
import { ImportFormat } from './import.types';

/** The coordinators' upload route; the API's JSON and form parsers leave its body to the handler. */
export const IMPORT_UPLOAD_PATH = '/import';

/** What a source name may be (as the importer checks it). */
const SOURCE = /^[\p{L}\p{N} ._:/@()-]{1,100}$/u;
/** Without a source, the file name names it — with what a source may not hold replaced. */
export const sourceOf = (fileName: string) => fileName.replace(/[^\p{L}\p{N} ._:/@()-]/gu, '-').slice(0, 100) || 'upload';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** The options of `POST /import`, as query parameters (the body is the file itself). */
export class ImportUploadQuery {
  @IsString() @MinLength(1) @MaxLength(300) fileName: string;
  @IsOptional() @IsString() @Matches(SOURCE, { message: 'source must be 1–100 letters, digits, spaces or ._:/@()-' }) source?: string;
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value)) @IsEnum(ImportFormat, { message: `format must be one of ${Object.values(ImportFormat).join(', ')}` })
  format?: ImportFormat;
  @Transform(toBoolean) @IsBoolean() dryRun: boolean = true;
  @Transform(toBoolean) @IsBoolean() activate: boolean = false;
  @Transform(toBoolean) @IsBoolean() retireMissing: boolean = false;
  /** answer when the import is done (with its report) instead of at once */
  @Transform(toBoolean) @IsBoolean() wait: boolean = false;
}

/**
 * Reads a request body up to `limit` bytes. A declared or actual length over the limit is refused
 * as PAYLOAD_TOO_LARGE; what is still coming is read and dropped (not kept), so the client gets the
 * answer instead of a broken connection.
 */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new PayloadTooLargeError(limit, `The file is too large: at most ${formatBytes(limit)} may be imported (IMPORT_MAX_BYTES)`)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/**
 * `POST /import?fileName=netzwerk.xlsx[&source=…&dryRun=false&activate=true&retireMissing=true&format=…&wait=true]`
 * with the file as the raw body (any content type) and `Authorization: Bearer <token>` of a
 * coordinator or admin: spreadsheets and HSDS packages of many MB, up to IMPORT_MAX_BYTES — the
 * GraphQL mutation `importCatalogue` takes only what fits in a JSON request. The answer is the
 * import job (202), polled with the `importJob(id)` query for its progress and report; with
 * `wait=true` the answer comes when the import is done (200). Refusals come in the GraphQL error
 * shape with `extensions.code`, as from /graphql.
 */
@Controller()
@UseFilters(GraphQLShapedHttpFilter)
export class ImportUploadController {
  constructor(
    private readonly jobs: ImportJobs,
    private readonly env: Environment,
  ) {}

  @Post(IMPORT_UPLOAD_PATH)
  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  async upload(@Req() req: Request, @Res() res: Response, @Query() q: ImportUploadQuery): Promise<void> {
    const actor = (req as Request & { lotseContext?: RequestContext }).lotseContext?.actor;
    if (!actor) throw new UnauthenticatedError();
    const bytes = await readBody(req, this.env.IMPORT_MAX_BYTES);
    if (bytes.length === 0) throw InvalidInputError.of('body', 'the file is empty: send its bytes as the request body');
    const job = this.jobs.start(
      { fileName: q.fileName, bytes },
      { source: q.source ?? sourceOf(q.fileName), fileName: q.fileName, format: q.format, dryRun: q.dryRun, activate: q.activate, retireMissing: q.retireMissing },
      actor,
    );
    if (q.wait) await this.jobs.settled(job.id);
    const body: { job: ImportJob } = { job };
    res.status(q.wait ? 200 : 202).setHeader('Cache-Control', 'no-store');
    res.json(body);
  }
}
