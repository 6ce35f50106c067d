import { Args, ArgsType, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Actor, AllowRoles, Cost, CurrentActor, Role } from '@lotse/common';
import { ImportReportType } from './import.graphql';
import { ImportJob, ImportJobPhase, ImportJobs, ImportJobStatus } from './import-jobs';

registerEnumType(ImportJobStatus, { name: 'ImportJobStatus', description: 'QUEUED (waits for the import before it), RUNNING, SUCCEEDED (see report), FAILED (see error)' });
registerEnumType(ImportJobPhase, { name: 'ImportJobPhase', description: 'QUEUED; CHECKING (reading, checking, geocoding, comparing); WRITING (done of total); DONE' });

@ObjectType('ImportJobError')
export class ImportJobErrorType {
  @Field({ description: 'the error code, as in extensions.code' }) code: string;
  @Field() message: string;
}

@ObjectType('ImportJob', { description: 'An upload’s import (POST /import): its progress and, when done, its report. Kept for an hour after it finished.' })
export class ImportJobType {
  @Field(() => ID) id: string;
  @Field(() => ImportJobStatus) status: ImportJobStatus;
  @Field(() => ImportJobPhase) phase: ImportJobPhase;
  @Field() fileName: string;
  @Field() source: string;
  @Field() dryRun: boolean;
  @Field(() => Int) sizeBytes: number;
  @Field(() => Int, { description: 'records written so far (while WRITING)' }) done: number;
  @Field(() => Int, { description: 'records to write in all (0 until WRITING)' }) total: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ImportReportType, { nullable: true, description: 'when SUCCEEDED' }) report: ImportReportType | null;
  @Field(() => ImportJobErrorType, { nullable: true, description: 'when FAILED' }) error: ImportJobErrorType | null;
}

@ArgsType()
export class ImportJobArgs {
  @Field(() => ID) @IsUUID('4', { message: 'id must be an import job id' }) id: string;
}

/** Polling an upload's import: the one who started it (and admins) may read it. */
@Resolver()
export class ImportJobResolver {
  constructor(private readonly jobs: ImportJobs) {}

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => ImportJobType, { complexity: Cost.lookup, description: 'An import started by POST /import: status, progress (done of total) and the report when done' })
  importJob(@CurrentActor() actor: Actor, @Args() a: ImportJobArgs): ImportJob {
    return this.jobs.get(a.id, actor);
  }
}
