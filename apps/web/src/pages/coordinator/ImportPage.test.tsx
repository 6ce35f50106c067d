import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthHooks } from '../../api/client';
import { RouterProvider } from '../../router';
import { ImportPage, uploadPath } from './ImportPage';

afterEach(() => {
  vi.unstubAllGlobals();
  setAuthHooks(undefined);
});

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
const counts = (created = 0, refused = 0) => ({ created, updated: 0, unchanged: 0, retired: 0, refused });
const report = (dryRun: boolean) => ({
  runId: dryRun ? null : 'r1', format: 'CSV', source: 'netz-meissen', fileName: 'netzwerk.csv', dryRun, records: 3,
  organizations: counts(1), locations: counts(1), services: counts(2, 1), geocoder: 'offline', precision: { exact: 0, street: 0, postcode: 1, locality: 0 },
  problems: [{ severity: 'error', code: 'BAD_POSTCODE', where: 'Zeile 3, Spalte „PLZ“', row: 3, column: 'PLZ', path: null, message: 'Postleitzahl „0166“ hat nicht fünf Ziffern.', value: '0166' }],
  errors: 1, warnings: 0,
});
const job = (over: Record<string, unknown>) => ({ id: 'j1', status: 'RUNNING', phase: 'CHECKING', fileName: 'netzwerk.csv', source: 'netz-meissen', dryRun: true, done: 0, total: 0, error: null, report: null, ...over });

/** the API: POST /import answers a job; each ImportJob query answers the next state of that job */
function api(states: { dryRun: unknown[]; real: unknown[] }, upload: () => Promise<Response> = () => json({ job: { id: 'j1' } }, 202)) {
  const uploads: { url: string; body: unknown; headers: Record<string, string> }[] = [];
  let queue: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      if (url === '/web-config.json') return json({ importMaxBytes: 100 * 1024 });
      if (url.startsWith('/import?')) {
        uploads.push({ url, body: init.body, headers: init.headers as Record<string, string> });
        queue = [...(new URLSearchParams(url.split('?')[1]).get('dryRun') === 'true' ? states.dryRun : states.real)];
        return upload();
      }
      const { query } = JSON.parse(init.body as string);
      if (query.includes('importJob')) return json({ data: { importJob: queue.length > 1 ? queue.shift() : queue[0] } });
      return json({ errors: [{ message: 'unexpected', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }),
  );
  setAuthHooks({ tokens: () => ({ accessToken: 'A', refreshToken: 'R' }), refresh: async () => true, onSessionExpired: async () => undefined });
  return uploads;
}

const page = () =>
  render(
    <RouterProvider>
      <ImportPage />
    </RouterProvider>,
  );
const csv = () => new File(['Träger;Straße und Hausnummer;PLZ\n'], 'netzwerk.csv', { type: 'text/csv' });

describe('uploadPath', () => {
  it('puts the options into the query; the source only when given', () => {
    expect(uploadPath({ fileName: 'netz werk.xlsx', source: ' ', dryRun: true, activate: false, retireMissing: true })).toBe('/import?fileName=netz+werk.xlsx&dryRun=true&activate=false&retireMissing=true');
    expect(uploadPath({ fileName: 'a.csv', source: 'netz-meissen', dryRun: false, activate: true, retireMissing: false })).toContain('&source=netz-meissen');
  });
});

describe('the coordinator’s import screen', () => {
  it('dry run first: the report names row and column in German; then the import with progress and the final report', async () => {
    const uploads = api({
      dryRun: [job({}), job({ status: 'SUCCEEDED', phase: 'DONE', report: report(true) })],
      real: [job({ dryRun: false, phase: 'WRITING', done: 2, total: 4 }), job({ dryRun: false, status: 'SUCCEEDED', phase: 'DONE', done: 4, total: 4, report: report(false) })],
    });
    page();
    const run = screen.getByRole('button', { name: 'Importieren' });
    expect((run as HTMLButtonElement).disabled).toBe(true);
    await userEvent.upload(screen.getByLabelText('Datei'), csv());
    await userEvent.type(screen.getByLabelText(/Name der Quelle/), 'netz-meissen');
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));

    expect(await screen.findByRole('heading', { name: 'Ergebnis des Probelaufs' })).toBeTruthy();
    expect(screen.getByText('Probelauf: Es wurde nichts gespeichert.')).toBeTruthy();
    const problems = within(screen.getByRole('region', { name: 'Tabelle der Probleme' }));
    expect(problems.getByText('Zeile 3, Spalte „PLZ“')).toBeTruthy();
    expect(problems.getByText('Fehler – nicht importiert: Postleitzahl ungültig')).toBeTruthy();
    expect(problems.getByText('Probleme: 1 Fehler, 0 Hinweise')).toBeTruthy();
    const changes = within(screen.getByRole('region', { name: 'Tabelle der Änderungen' }));
    expect(changes.getByRole('row', { name: /Angebote 2 0 0 0 1/ })).toBeTruthy();
    expect(screen.getByText(/liegt nur ungefähr/)).toBeTruthy();
    expect(uploads[0].url).toBe('/import?fileName=netzwerk.csv&dryRun=true&activate=false&retireMissing=false&source=netz-meissen');
    expect(uploads[0].headers.authorization).toBe('Bearer A');
    expect(uploads[0].body).toBeInstanceOf(File);

    expect((run as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('Ein Eintrag mit Fehler wird nicht importiert; alle anderen schon.')).toBeTruthy();
    await userEvent.click(run);
    expect(await screen.findByRole('heading', { name: 'Ergebnis des Imports' })).toBeTruthy();
    expect(uploads[1].url).toContain('dryRun=false');
    const progress = screen.getByLabelText('Fortschritt') as HTMLProgressElement;
    expect([progress.value, progress.max]).toEqual([4, 4]);
    expect(screen.getByText('Fertig: 4 Einträge gespeichert.')).toBeTruthy();
    expect(screen.getByText(/Neue Träger warten in der Prüfliste/)).toBeTruthy();
    // a new dry run is needed before the next import
    expect((run as HTMLButtonElement).disabled).toBe(true);
  });

  it('needs a new dry run when an option changes, and warns before a full import', async () => {
    api({ dryRun: [job({ status: 'SUCCEEDED', phase: 'DONE', report: report(true) })], real: [] });
    page();
    await userEvent.upload(screen.getByLabelText('Datei'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));
    await screen.findByRole('heading', { name: 'Ergebnis des Probelaufs' });
    const run = screen.getByRole('button', { name: 'Importieren' }) as HTMLButtonElement;
    expect(run.disabled).toBe(false);
    expect(screen.queryByText('Achtung: Was in der Datei fehlt, wird deaktiviert')).toBeNull();
    await userEvent.click(screen.getByLabelText('Vollständiger Import: Fehlendes deaktivieren'));
    expect(screen.getByRole('alert').textContent).toContain('Achtung: Was in der Datei fehlt, wird deaktiviert');
    expect(run.disabled).toBe(true);
  });

  it('asks for a file, and says in German when the file is over the server’s limit', async () => {
    api({ dryRun: [], real: [] }, () => json({ errors: [{ message: 'The file is too large: at most 50 MB may be imported', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 50 * 1024 * 1024 } }] }, 413));
    page();
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));
    expect(screen.getByText('Bitte wählen Sie eine Datei.')).toBeTruthy();
    expect(screen.getByLabelText('Datei').getAttribute('aria-invalid')).toBe('true');
    await userEvent.upload(screen.getByLabelText('Datei'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));
    expect(await screen.findByText('Die Datei ist zu groß: höchstens 50 MB sind möglich.')).toBeTruthy();
    expect(screen.queryByText(/may be imported/)).toBeNull();
  });

  it('says the server’s limit and refuses a larger file before uploading it', async () => {
    const uploads = api({ dryRun: [], real: [] });
    page();
    expect(await screen.findByText(/Höchstens 100 kB\./)).toBeTruthy();
    await userEvent.upload(screen.getByLabelText('Datei'), new File(['x'.repeat(150 * 1024)], 'gross.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));
    expect(screen.getByText('Die Datei ist zu groß: höchstens 100 kB sind möglich.')).toBeTruthy();
    expect(uploads).toEqual([]);
  });

  it('shows a failed job’s error in German, never the API’s English', async () => {
    api({ dryRun: [job({ status: 'FAILED', phase: 'DONE', error: { code: 'BAD_USER_INPUT', message: 'source must be 1–100 letters' } })], real: [] });
    page();
    await userEvent.upload(screen.getByLabelText('Datei'), csv());
    await userEvent.click(screen.getByRole('button', { name: 'Probelauf' }));
    expect(await screen.findByText('Der Import ist fehlgeschlagen.')).toBeTruthy();
    expect(screen.getByText('Bitte prüfen Sie Ihre Eingaben.')).toBeTruthy();
    expect(screen.queryByText(/letters/)).toBeNull();
  });
});
