import '../roles.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { gql, uploadFile } from '../../api/client';
import { ApiError, toApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { CheckField, FieldError, TextField } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import {
  ImportJobDocument,
  ImportTemplateDocument,
  type ImportJobViewFragment,
  type ImportReportViewFragment,
} from '../../graphql/generated/graphql';
import { Link } from '../../router';
import { t } from '../../texts';
import { loadWebConfig } from '../../webConfig';

/** The API's upload route (raw file body, options as query parameters; coordinators and admins). */
export const IMPORT_UPLOAD_PATH = '/import';
/** How often a running import is asked for its progress. */
export const POLL_MS = 400;
/** Problems shown in the table; the rest are counted. */
export const PROBLEMS_SHOWN = 500;

export interface ImportChoice {
  fileName: string;
  source: string;
  dryRun: boolean;
  activate: boolean;
  retireMissing: boolean;
}

/** The upload's address: the options as query parameters (the body is the file). */
export function uploadPath(c: ImportChoice): string {
  const q = new URLSearchParams({ fileName: c.fileName, dryRun: String(c.dryRun), activate: String(c.activate), retireMissing: String(c.retireMissing) });
  if (c.source.trim()) q.set('source', c.source.trim());
  return `${IMPORT_UPLOAD_PATH}?${q}`;
}

const apiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`);
const finished = (j: ImportJobViewFragment) => j.status === 'SUCCEEDED' || j.status === 'FAILED';

/** The German message for a refused upload (a file over the limit names the limit). */
function uploadMessage(e: ApiError): string {
  const limit = e.extensions.limitBytes;
  if (e.code === 'PAYLOAD_TOO_LARGE' && typeof limit === 'number') return t.imports.tooLarge(sizeOf(limit));
  return e.message;
}

function download(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const base64Bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** The template download: the spreadsheet with every column explained (XLSX or CSV). */
function TemplateDownload() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError>();
  async function get(format: 'xlsx' | 'csv') {
    setBusy(true);
    setDone(false);
    setError(undefined);
    try {
      const { importTemplate } = await gql(ImportTemplateDocument, { format });
      const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8';
      download(importTemplate.fileName, new Blob([base64Bytes(importTemplate.contentBase64)], { type }));
      setDone(true);
    } catch (e) {
      setError(apiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="kern-stack" aria-labelledby="import-template-title">
      <h2 className="kern-heading-medium" id="import-template-title">
        {t.imports.templateTitle}
      </h2>
      <p className="kern-body">{t.imports.templateText}</p>
      <p className="lotse-actions">
        <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void get('xlsx')}>
          <span className="kern-label">{t.imports.templateXlsx}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void get('csv')}>
          <span className="kern-label">{t.imports.templateCsv}</span>
        </button>
      </p>
      {busy && <p className="kern-body kern-body--small">{t.imports.templateLoading}</p>}
      {done && <Alert kind="success" title={t.imports.templateDone} />}
      {error && <Alert kind="danger" title={error.message} />}
    </section>
  );
}

/** What the progress bar says: waiting, checking, n of m written, done (or stopped). */
function progressText(job: ImportJobViewFragment): string {
  if (job.status === 'FAILED') return t.imports.phase.FAILED;
  switch (job.phase) {
    case 'QUEUED':
      return t.imports.phase.QUEUED;
    case 'CHECKING':
      return t.imports.phase.CHECKING;
    case 'WRITING':
      return t.imports.phase.WRITING(job.done, job.total);
    default:
      return !job.dryRun && job.total > 0 ? t.imports.phase.DONE_WRITTEN(job.done) : t.imports.phase.DONE;
  }
}

/** The job's progress: indeterminate while the file is checked, done of total while it is written, full when done. */
export function ImportProgress({ job }: { job: ImportJobViewFragment }) {
  const id = useId();
  const max = Math.max(job.total, 1);
  const value = job.status === 'SUCCEEDED' ? max : job.phase === 'WRITING' || job.status === 'FAILED' ? Math.min(job.done, max) : undefined;
  return (
    <div className="lotse-import-progress">
      <label className="kern-label" htmlFor={id}>
        {t.imports.progress}
      </label>
      {/* without a value the bar is indeterminate: the file is still being checked */}
      {value === undefined ? <progress id={id} className="lotse-progress" /> : <progress id={id} className="lotse-progress" max={max} value={value} />}
      <p className="kern-body kern-body--small" role="status" aria-live="polite">
        {progressText(job)}
      </p>
    </div>
  );
}

const COUNT_ROWS = ['organizations', 'locations', 'services'] as const;
const COUNT_COLUMNS = ['created', 'updated', 'unchanged', 'retired', 'refused'] as const;

/** A dry run's or a real run's report: counts, how exact the points are, every problem by row and column or JSON path. */
export function ImportReportView({ report, activated }: { report: ImportReportViewFragment; activated: boolean }) {
  const titleId = useId();
  const approximate = report.precision.street + report.precision.postcode + report.precision.locality;
  const shown = report.problems.slice(0, PROBLEMS_SHOWN);
  return (
    <section className="kern-stack" aria-labelledby={titleId}>
      <h2 className="kern-heading-medium" id={titleId}>
        {report.dryRun ? t.imports.dryRunResult : t.imports.result}
      </h2>
      <p className="kern-body">{t.imports.summary(report.fileName, t.imports.format[report.format] ?? report.format, report.records, report.source)}</p>
      {report.dryRun ? (
        <Alert kind="info" title={t.imports.nothingSaved} />
      ) : (
        <Alert kind="success" title={t.imports.saved}>
          {!activated && report.organizations.created > 0 && (
            <p className="kern-body">
              {t.imports.pending}{' '}
              <Link className="kern-link" href="/koordination">
                {t.imports.toQueue}
              </Link>
            </p>
          )}
        </Alert>
      )}
      <div className="lotse-table-wrap" tabIndex={0} role="region" aria-label={t.imports.countsLabel}>
        <table className="kern-table kern-table--small">
          <caption className="kern-title">{t.imports.countsCaption(report.dryRun)}</caption>
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t.imports.what}
              </th>
              {COUNT_COLUMNS.map((c) => (
                <th key={c} scope="col" className="kern-table__header">
                  {t.imports.counts[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {COUNT_ROWS.map((r) => (
              <tr key={r} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {t.imports.rows[r]}
                </th>
                {COUNT_COLUMNS.map((c) => (
                  <td key={c} className="kern-table__cell">
                    {formatNumber(report[r][c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="kern-body">{t.imports.precision(report.precision)}</p>
      {approximate > 0 && <p className="kern-body">{t.imports.approximate(approximate, report.geocoder)}</p>}
      {report.problems.length === 0 ? (
        <Alert kind="success" title={t.imports.noProblems} />
      ) : (
        <>
          <div className="lotse-table-wrap" tabIndex={0} role="region" aria-label={t.imports.problemsLabel}>
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-title">{t.imports.problemsCaption(report.errors, report.warnings)}</caption>
              <thead className="kern-table__header">
                <tr className="kern-table__row">
                  {[t.imports.where, t.imports.kind, t.imports.message, t.imports.value].map((c) => (
                    <th key={c} scope="col" className="kern-table__header">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {shown.map((p, i) => (
                  <tr key={i} className="kern-table__row">
                    <td className="kern-table__cell lotse-import-where">{p.where}</td>
                    <td className="kern-table__cell">
                      {t.imports.severity[p.severity] ?? p.severity}: {t.imports.code[p.code] ?? p.code}
                    </td>
                    <td className="kern-table__cell">{p.message}</td>
                    <td className="kern-table__cell">{p.value ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.problems.length > shown.length && <p className="kern-body kern-body--small">{t.imports.more(report.problems.length - shown.length)}</p>}
        </>
      )}
    </section>
  );
}

/**
 * The coordinator's import: a spreadsheet (XLSX/CSV), HSDS JSON or an HSDS datapackage (zip) is
 * uploaded to `POST /import` (files of many MB: the GraphQL body is limited to 100 kB), first as a
 * dry run whose report names every problem by row and column or JSON path, then for real — both
 * as a job whose progress is polled. Full imports (retiring what the file no longer lists) are
 * warned about before they can run.
 */
export function ImportPage() {
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [maxBytes, setMaxBytes] = useState<number>();
  const [source, setSource] = useState('');
  const [activate, setActivate] = useState(false);
  const [retireMissing, setRetireMissing] = useState(false);
  const [job, setJob] = useState<ImportJobViewFragment>();
  const [checked, setChecked] = useState<{ key: string; errors: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [activated, setActivated] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    void loadWebConfig().then((c) => alive.current && typeof c.importMaxBytes === 'number' && setMaxBytes(c.importMaxBytes));
  }, []);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // a dry run counts for this file with these options only
  const key = file ? [file.name, file.size, file.lastModified, source.trim(), activate, retireMissing].join('|') : '';
  const mayRun = !!checked && checked.key === key && !busy;

  async function start(dryRun: boolean) {
    if (!file) {
      setFileError(t.imports.fileMissing);
      return;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      setFileError(t.imports.tooLarge(sizeOf(maxBytes)));
      return;
    }
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    if (dryRun) setChecked(undefined);
    const runKey = key;
    try {
      const { job: started } = await uploadFile<{ job: { id: string } }>(uploadPath({ fileName: file.name, source, dryRun, activate, retireMissing }), file);
      let current: ImportJobViewFragment | undefined;
      while (alive.current) {
        current = (await gql(ImportJobDocument, { id: started.id })).importJob;
        if (!alive.current) return;
        setJob(current);
        if (finished(current)) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      if (!current || !alive.current) return;
      if (current.status === 'FAILED') {
        setError(toApiError([{ message: current.error?.message, extensions: { code: current.error?.code } }]));
      } else if (dryRun && current.report) {
        setChecked({ key: runKey, errors: current.report.errors });
      } else if (!dryRun) {
        setActivated(activate);
        setChecked(undefined);
      }
    } catch (e) {
      if (alive.current) setError(apiError(e));
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start(true);
  };

  return (
    <div className="kern-stack">
      <PageTitle>{t.imports.title}</PageTitle>
      <p className="kern-body">{t.imports.intro}</p>
      <TemplateDownload />
      <section className="kern-stack" aria-labelledby="import-form-title">
        <h2 className="kern-heading-medium" id="import-form-title">
          {t.imports.formTitle}
        </h2>
        <form className="kern-stack" onSubmit={submit} noValidate>
          <div className={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={fileId}>
              {t.imports.file}
            </label>
            <div className="kern-hint" id={`${fileId}-hint`}>
              {t.imports.fileHint}
              {maxBytes !== undefined && ` ${t.imports.maxSize(sizeOf(maxBytes))}`}
            </div>
            <input
              id={fileId}
              type="file"
              className="kern-form-input__input lotse-file-input"
              accept=".xlsx,.csv,.txt,.json,.zip"
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? undefined);
                setFileError(undefined);
                setJob(undefined);
                setError(undefined);
              }}
            />
            {fileError && <FieldError id={`${fileId}-error`}>{fileError}</FieldError>}
            {file && <p className="kern-body kern-body--small">{t.imports.fileChosen(file.name, sizeOf(file.size))}</p>}
          </div>
          <TextField label={t.imports.source} optional hint={t.imports.sourceHint(file?.name ?? '')} value={source} maxLength={100} onChange={(e) => setSource(e.target.value)} />
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t.imports.options}</legend>
            <div className="kern-fieldset__body kern-stack">
              <CheckField label={t.imports.activate} checked={activate} onChange={(e) => setActivate(e.target.checked)} aria-describedby="import-activate-hint" />
              <p className="kern-hint" id="import-activate-hint">
                {t.imports.activateHint}
              </p>
              <CheckField label={t.imports.retireMissing} checked={retireMissing} onChange={(e) => setRetireMissing(e.target.checked)} aria-describedby="import-retire-hint" />
              <p className="kern-hint" id="import-retire-hint">
                {t.imports.retireMissingHint}
              </p>
              {retireMissing && (
                <Alert kind="warning" title={t.imports.retireWarningTitle}>
                  <p className="kern-body">{t.imports.retireWarning}</p>
                </Alert>
              )}
            </div>
          </fieldset>
          <p className="lotse-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy} aria-describedby="import-dryrun-hint">
              <span className="kern-label">{t.imports.dryRun}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={!mayRun} aria-describedby="import-run-hint" onClick={() => void start(false)}>
              <span className="kern-label">{t.imports.run}</span>
            </button>
          </p>
          <p className="kern-hint" id="import-dryrun-hint">
            {t.imports.dryRunHint}
          </p>
          <p className="kern-hint" id="import-run-hint">
            {checked && mayRun && checked.errors > 0 ? t.imports.runWithErrors(checked.errors) : t.imports.runHint}
          </p>
        </form>
      </section>
      {job && <ImportProgress job={job} />}
      {error && <Alert kind="danger" title={job?.status === 'FAILED' ? t.imports.failed : uploadMessage(error)}>{job?.status === 'FAILED' && <p className="kern-body">{error.message}</p>}</Alert>}
      {job?.report && <ImportReportView report={job.report} activated={activated} />}
    </div>
  );
}
