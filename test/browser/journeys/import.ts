import ExcelJS from 'exceljs';
import { axeViolations, DEMO_PASSWORD, login, type BrowserHarness } from '../browser-support';

const HEADINGS = ['Träger', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Angebot', 'Angebotsart', 'Bedarfe'];
/** row 3 (the heading is row 1) has a postcode one digit short */
const ROWS = [
  ['Suchtberatung Browser e. V.', 'Markt 1', '01662', 'Meißen', 'Suchtberatung für Erwachsene', 'Suchtberatung', 'Sucht'],
  ['Suchtberatung Browser e. V.', 'Markt 1', '0166', 'Meißen', 'Angehörigengruppe', 'Suchtberatung', 'Angehörige und Pflegende'],
  ['Suchtberatung Browser e. V.', 'Hauptstraße 5', '01587', 'Riesa', 'Außensprechstunde Riesa', 'Suchtberatung', 'Sucht'],
];

async function spreadsheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Angebote');
  sheet.addRow(HEADINGS);
  for (const row of ROWS) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Getting real files in: the coordinator uploads a spreadsheet with a broken row, reads the dry
 * run's report (row and column named), imports and sees the progress and the final report; a
 * partner finds "Punkt ungefähr" on a location the offline geocoder placed and moves the pin.
 */
export function importJourney(h: () => BrowserHarness): void {
  const api = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await h().app.gql<T>(query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const loginToken = async (email: string) =>
    (await api<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD }, '')).login.accessToken;

  /** no horizontal scrolling on a phone (320 px) nor on a tablet in portrait (768 px) */
  const fitsNarrowScreen = async () => {
    const { page } = h();
    let fits = true;
    for (const width of [320, 768]) {
      await page.setViewportSize({ width, height: 900 });
      const [scroll, client] = await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      fits &&= scroll <= client;
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return fits;
  };

  it('coordinator: uploads a spreadsheet, the dry run names the broken row and column, then imports with progress and a report', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'koordination@lotse.example');
    await page.waitForURL(/\/koordination$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partner importieren' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    await page.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'netzwerk.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await spreadsheet() });
    await page.getByLabel(/Name der Quelle/).fill('browser-import');
    await page.getByLabel('Vollständiger Import: Fehlendes deaktivieren').check();
    await page.getByText('Achtung: Was in der Datei fehlt, wird deaktiviert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Vollständiger Import: Fehlendes deaktivieren').uncheck();
    await page.getByRole('button', { name: 'Probelauf' }).click();

    await page.getByRole('heading', { level: 2, name: 'Ergebnis des Probelaufs' }).waitFor({ timeout: 60_000 });
    await page.getByText('Probelauf: Es wurde nichts gespeichert.').waitFor();
    const problems = page.getByRole('region', { name: 'Tabelle der Probleme' });
    const broken = problems.getByRole('row', { name: /Zeile 3, Spalte „PLZ“/ });
    expect(await broken.textContent()).toContain('Postleitzahl ungültig');
    expect(await page.getByRole('region', { name: 'Tabelle der Änderungen' }).getByRole('row', { name: /^Angebote/ }).textContent()).toMatch(/^Angebote2/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    const coordinator = await loginToken('koordination@lotse.example');
    const pending = async () =>
      (await api(`{ verificationQueue(reasons: [AWAITING_ADMISSION], first: 100) { edges { node { organization { name status } } } } }`, {}, coordinator)).verificationQueue.edges.map(
        (e: any) => e.node.organization,
      );
    expect(await pending()).not.toContainEqual(expect.objectContaining({ name: 'Suchtberatung Browser e. V.' })); // the dry run wrote nothing

    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnis des Imports' }).waitFor({ timeout: 60_000 });
    await page.getByText('Der Import ist abgeschlossen.').waitFor();
    const progress = page.getByLabel('Fortschritt');
    const [value, max] = await progress.evaluate((p) => [(p as unknown as { value: number }).value, (p as unknown as { max: number }).max]);
    expect(value).toBe(max);
    expect(max).toBeGreaterThanOrEqual(4); // an organisation, two locations and two services at least
    await page.getByText(/^Fertig: \d+ Einträge gespeichert\.$/).waitFor();
    await page.getByText(/Neue Träger warten in der Prüfliste/).waitFor();
    expect(await page.getByRole('region', { name: 'Tabelle der Probleme' }).getByRole('row', { name: /Zeile 3, Spalte „PLZ“/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    expect(await pending()).toContainEqual({ name: 'Suchtberatung Browser e. V.', status: 'PENDING' });
  });

  it('partner: sees "Punkt ungefähr" on a location placed at its postcode, moves the pin, and the point becomes exact', async () => {
    const { page, baseUrl } = h();
    const partner = await loginToken('partner@lotse.example');
    const { myOrganizations } = await api(`{ myOrganizations { id } }`, {}, partner);
    const { createLocation } = await api(
      `mutation($o: ID!) { createLocation(organizationId: $o, input: { name: "Sprechstunde am Markt", street: "Markt 5", postcode: "01662", town: "Meißen" }) { id latitude longitude geocodePrecision } }`,
      { o: myOrganizations[0].id },
      partner,
    );
    expect(createLocation.geocodePrecision).toBe('POSTCODE');

    await login(page, baseUrl, 'partner@lotse.example');
    await page.waitForURL(/\/partner$/);
    await page.goto(`${baseUrl}/partner/standort?id=${createLocation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Standort bearbeiten: Sprechstunde am Markt' }).waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'Punkt ungefähr' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Postleitzahl 01662');
    const map = page.getByRole('region', { name: 'Karte zum Setzen der Lage' });
    await map.locator('.lotse-pin').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    // a click on the map, away from the pin and the zoom buttons, moves the pin there
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width - 60, y: box.height - 60 } });
    await page.getByText('Neuer Punkt gesetzt').waitFor();
    expect(await page.getByLabel(/Breitengrad/).inputValue()).not.toBe(String(createLocation.latitude));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    const { location } = await api(`query($id: ID!) { location(id: $id) { latitude longitude geocodePrecision approximate } }`, { id: createLocation.id }, partner);
    expect(location.geocodePrecision).toBe('EXACT');
    expect(location.approximate).toBe(false);
    expect(location.latitude).toBeLessThan(createLocation.latitude); // the click was below the old point
    expect(location.longitude).toBeGreaterThan(createLocation.longitude); // and to its right
    expect(await page.getByText('Punkt ungefähr').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
}
