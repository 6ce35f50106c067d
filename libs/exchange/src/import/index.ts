export * from './import.types';
export * from './import.service';
export * from './spreadsheet-columns';
export * from './template';
export { ImportActor } from './import.repository';
export { MAX_IMPORT_BYTES } from './import.graphql';
export { ImportJob, ImportJobs, ImportJobPhase, ImportJobStatus, IMPORT_JOB_TTL_MS, IMPORT_JOBS_PER_USER } from './import-jobs';
export { IMPORT_UPLOAD_PATH } from './import-upload.controller';
