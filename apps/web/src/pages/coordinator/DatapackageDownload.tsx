import { useState } from 'react';
import { fetchFile } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { t } from '../../texts';

/** The API route of the full HSDS 3.0 export (coordinators and admins). */
export const DATAPACKAGE_PATH = '/hsds/datapackage.zip';

/**
 * The coordinator's download of the whole network as an Open Referral HSDS 3.0 datapackage (zip of
 * CSV tables), for other directories and spreadsheets. The file is fetched with the session's token
 * (a plain link could not send it) and handed to the browser as a download.
 */
export function DatapackageDownload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);

  async function download() {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const blob = await fetchFile(DATAPACKAGE_PATH);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = t.exports.fileName(new Date().toISOString().slice(0, 10));
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kern-stack" aria-labelledby="datapackage-title">
      <h2 className="kern-heading-medium" id="datapackage-title">
        {t.exports.title}
      </h2>
      <p className="kern-body">{t.exports.text}</p>
      <p>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={download} disabled={busy} aria-describedby="datapackage-hint">
          <span className="kern-label">{busy ? t.exports.downloading : t.exports.download}</span>
        </button>
      </p>
      <p className="kern-body kern-body--small" id="datapackage-hint">
        {t.exports.hint}
      </p>
      {done && <Alert kind="success" title={t.exports.done} />}
      {error && <Alert kind="danger" title={error.message} />}
    </section>
  );
}
