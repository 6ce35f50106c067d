import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, NotFoundError, Role, TooManyRequestsError } from '@lotse/common';
import { CatalogueImportService, ImportInput } from './import.service';
import { ImportOptions, ImportReport } from './import.types';

export enum ImportJobStatus {
  /** waiting for the import before it (one import runs at a time) */
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum ImportJobPhase {
  QUEUED = 'QUEUED',
  /** reading the file, checking every row, geocoding, comparing with the database */
  CHECKING = 'CHECKING',
  /** writing batches (`done` of `total` records) */
  WRITING = 'WRITING',
  DONE = 'DONE',
}

/**
 * One upload's import as the client polls it: what was asked, how far it is, and the report when
 * it is done. It holds the coordinator's own file name and the report — counts and problems by
 * row and column — never the file's bytes after the run, and nothing about participants.
 */
export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  phase: ImportJobPhase;
  fileName: string;
  source: string;
  dryRun: boolean;
  sizeBytes: number;
  /** records written so far and in all (0 of 0 until the writing starts) */
  done: number;
  total: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
}

interface Entry {
  job: ImportJob;
  ownerId: string;
}

/** How long a finished job stays to be read. */
export const IMPORT_JOB_TTL_MS = 60 * 60 * 1000;
/** Unfinished jobs one user may have (an upload waits for the one before it). */
export const IMPORT_JOBS_PER_USER = 3;

/**
 * Imports as jobs: an upload starts one and returns at once; the client polls `importJob(id)` for
 * its phase and progress and, at the end, the report. Jobs run one after another in this process
 * (two imports of one source must not interleave, and the database serves the other users
 * meanwhile), live in memory and are forgotten an hour after they finished — the run itself is
 * recorded in `import_run` as every import is.
 */
@Injectable()
export class ImportJobs implements OnModuleDestroy {
  private readonly logger = new Logger(ImportJobs.name);
  private readonly jobs = new Map<string, Entry>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly imports: CatalogueImportService) {}

  /** Queues the import of `input`; resolves to the job at once. */
  start(input: { fileName: string; bytes: Buffer }, options: Omit<ImportOptions, 'onProgress'>, actor: Actor): ImportJob {
    this.forgetOld();
    const open = [...this.jobs.values()].filter((e) => e.ownerId === actor.userId && (e.job.status === ImportJobStatus.QUEUED || e.job.status === ImportJobStatus.RUNNING));
    if (open.length >= IMPORT_JOBS_PER_USER) throw new TooManyRequestsError(30, `At most ${IMPORT_JOBS_PER_USER} imports of one user may wait or run at a time`);
    const job: ImportJob = {
      id: randomUUID(), status: ImportJobStatus.QUEUED, phase: ImportJobPhase.QUEUED, fileName: input.fileName, source: options.source, dryRun: options.dryRun,
      sizeBytes: input.bytes.length, done: 0, total: 0, createdAt: new Date(), startedAt: null, finishedAt: null, report: null, error: null,
    };
    this.jobs.set(job.id, { job, ownerId: actor.userId });
    let file: ImportInput | null = input;
    this.queue = this.queue.then(async () => {
      if (this.closed || !file) return;
      job.status = ImportJobStatus.RUNNING;
      job.phase = ImportJobPhase.CHECKING;
      job.startedAt = new Date();
      try {
        job.report = await this.imports.import(
          file,
          {
            ...options,
            onProgress: (done, total) => {
              job.done = done;
              job.total = total;
              if (!options.dryRun) job.phase = ImportJobPhase.WRITING;
            },
          },
          { userId: actor.userId, displayName: actor.displayName, role: actor.role },
        );
        job.status = ImportJobStatus.SUCCEEDED;
      } catch (e) {
        job.status = ImportJobStatus.FAILED;
        job.error =
          e instanceof DomainError
            ? { code: e.code, message: e.message }
            : { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The import failed; nothing of the batch that failed was written' };
        if (!(e instanceof DomainError)) this.logger.error({ msg: 'import job failed', job: job.id, error: e instanceof Error ? e.message : String(e) });
      } finally {
        job.phase = ImportJobPhase.DONE;
        job.finishedAt = new Date();
        file = null; // the bytes go; the report stays for the client to read
      }
    });
    return job;
  }

  /** A job of the caller (an admin sees every job); NOT_FOUND otherwise, so ids reveal nothing. */
  get(id: string, actor: Actor): ImportJob {
    this.forgetOld();
    const entry = this.jobs.get(id);
    if (!entry || (entry.ownerId !== actor.userId && actor.role !== Role.ADMIN)) throw new NotFoundError('ImportJob', id);
    return entry.job;
  }

  /** Resolves when the job has finished (for `POST /import?wait=true`). */
  async settled(id: string): Promise<void> {
    while (!this.closed) {
      const job = this.jobs.get(id)?.job;
      if (!job || job.status === ImportJobStatus.SUCCEEDED || job.status === ImportJobStatus.FAILED) return;
      await this.queue;
    }
  }

  onModuleDestroy(): Promise<void> {
    this.closed = true;
    // a running import finishes its batch (each is one transaction) before the database closes
    return this.queue;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, { job }] of this.jobs) if (job.finishedAt && now - job.finishedAt.getTime() > IMPORT_JOB_TTL_MS) this.jobs.delete(id);
  }
}
