import { axeViolations, DEMO_PASSWORD, login, type BrowserHarness } from '../browser-support';

/**
 * The partner's and the coordinator's journeys: the partner's overview; capacity updated in two
 * clicks and seen in a coach's match; a conflict with someone who saved first; the service editor;
 * the coordinator verifies a listing, admits a new partner and shows the coverage map with its
 * downloads — axe on every page visited, and each page at 320 px without sideways scrolling.
 * The steps build on each other (one page, one login after another), so they run in order.
 */
export function rolesJourney(h: () => BrowserHarness): void {
  let partnerToken: string;
  let service: { id: string; name: string; version: number; needs: { code: string; labelDe: string }[]; locations: { latitude: number; longitude: number; districtAgs: string }[] };

  const api = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await h().app.gql<T>(query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const loginToken = async (email: string) =>
    (await api<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD }, '')).login.accessToken;
  const currentService = async () =>
    (await api(`query($id: ID!) { service(id: $id) { id name version capacity { freeSeats waitingDays acceptingNewClients } } }`, { id: service.id }, partnerToken)).service;

  /** no horizontal scrolling on a phone (320 px) nor on a tablet in portrait (768 px) */
  const fitsNarrowScreen = async () => {
    const { page } = h();
    let fits = true;
    for (const width of [320, 768]) {
      await page.setViewportSize({ width, height: 900 });
      // a string: the test's tsconfig has no DOM types
      const [scroll, client] = await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      fits &&= scroll <= client;
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return fits;
  };

  beforeAll(async () => {
    partnerToken = await loginToken('partner@lotse.example');
    const { myOrganizations } = await api(
      `{ myOrganizations { services { id name version needs { code labelDe } locations { latitude longitude districtAgs } } } }`,
      {},
      partnerToken,
    );
    service = myOrganizations[0].services[0];
  });

  it('partner: the overview shows organisations, services and locations with what is visible; axe clean, fits 320 px', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'partner@lotse.example');
    await page.waitForURL(/\/partner$/);
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByRole('heading', { level: 4, name: service.name }).first().waitFor();
    await page.getByText('Sichtbar im Verzeichnis').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Standorte' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });

  it('partner: updates capacity in one screen, and a coach’s match shows it', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: 'Freie Plätze' }).click();
    await page.getByRole('heading', { level: 1, name: 'Freie Plätze' }).waitFor();
    const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: service.name }) }).first();
    await card.getByLabel(/Freie Plätze/).fill('17');
    await card.getByLabel(/Wartezeit in Tagen/).fill('12');
    await card.getByLabel('Ja, Aufnahme möglich').check();
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText('Gespeichert. Coaches sehen den neuen Stand.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    const coach = await loginToken('coach@lotse.example');
    const [at] = service.locations;
    const { matchReferralTargets } = await api(
      `query($r: MatchRequestInput!) { matchReferralTargets(request: $r) { targets(first: 100) { edges { node { service { id capacity { freeSeats waitingDays acceptingNewClients } } } } } } }`,
      { r: { needs: [service.needs[0].code], origin: { latitude: at.latitude, longitude: at.longitude } } },
      coach,
    );
    const hit = matchReferralTargets.targets.edges.map((e: any) => e.node.service).find((s: any) => s.id === service.id);
    expect(hit?.capacity).toEqual({ freeSeats: 17, waitingDays: 12, acceptingNewClients: true });
  });

  it('partner: someone else saved first — the conflict shows what changed and the own input is saved again', async () => {
    const { page } = h();
    const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: service.name }) }).first();
    await card.getByLabel(/Freie Plätze/).fill('3');
    // a colleague saves meanwhile, from another session
    const before = await currentService();
    await api(
      `mutation($id: ID!, $v: Int!) { updateCapacity(id: $id, expectedVersion: $v, capacity: { acceptingNewClients: true, freeSeats: 9, waitingDays: 12 }) { version } }`,
      { id: service.id, v: before.version },
      partnerToken,
    );
    await card.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText('Jemand anderes hat dieses Angebot inzwischen gespeichert').waitFor();
    const row = card.getByRole('row', { name: /Freie Plätze/ });
    expect(await row.textContent()).toMatch(/9.*3/);
    expect(await axeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Meine Eingabe erneut speichern' }).click();
    await card.getByText('Gespeichert. Coaches sehen den neuen Stand.').waitFor();
    expect((await currentService()).capacity).toEqual({ freeSeats: 3, waitingDays: 12, acceptingNewClients: true });
  });
  it('partner: edits the opening hours of a service; a wrong time is said beside the field; axe clean', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: 'Meine Organisationen' }).click();
    await page.getByRole('link', { name: `„${service.name}“ bearbeiten` }).first().click();
    await page.getByRole('heading', { level: 1, name: `Angebot bearbeiten: ${service.name}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const hours = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Öffnungszeiten' }) });
    await hours.getByRole('button', { name: 'Öffnungszeit hinzufügen' }).click();
    const row = hours.getByRole('listitem').last();
    await row.getByLabel('Wochentag').selectOption('6');
    await row.getByLabel('Öffnet um').fill('14:00');
    await row.getByLabel('Schließt um').fill('10:00');
    await hours.getByRole('button', { name: 'Speichern' }).click();
    await row.getByText('Die Schließzeit muss nach der Öffnungszeit liegen.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await row.getByLabel('Schließt um').fill('16:00');
    await hours.getByRole('button', { name: 'Speichern' }).click();
    await hours.getByText('Gespeichert.').waitFor();
    const { service: saved } = await api(`query($id: ID!) { service(id: $id) { openingHours { weekday opensAt closesAt } } }`, { id: service.id }, partnerToken);
    expect(saved.openingHours).toContainEqual({ weekday: 6, opensAt: '14:00', closesAt: '16:00' });
    expect(await fitsNarrowScreen()).toBe(true);
  });

  it('partner: adds a location from its address alone (geocoded), edits it, and a conflict on it is resolved', async () => {
    const { page, baseUrl } = h();
    const { myOrganizations } = await api(`{ myOrganizations { id } }`, {}, partnerToken);
    await page.goto(`${baseUrl}/partner/standort?organisation=${myOrganizations[0].id}`);
    await page.getByRole('heading', { level: 1, name: 'Standort hinzufügen' }).waitFor();
    await page.getByRole('region', { name: 'Karte zum Setzen der Lage' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Straße und Hausnummer').fill('Hauptstraße 1');
    await page.getByLabel('Postleitzahl').fill('1067'); // one digit short
    await page.getByLabel('Ort', { exact: true }).fill('Dresden');
    await page.getByRole('button', { name: 'Standort anlegen' }).click();
    await page.getByText('Diese Postleitzahl kennt Lotse nicht. Bitte prüfen Sie die fünf Ziffern (nur Sachsen).').waitFor();
    expect(await page.getByLabel('Postleitzahl').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Postleitzahl').fill('01067');
    await page.getByRole('button', { name: 'Standort anlegen' }).click();
    await page.getByText('Der Standort ist angelegt.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Standort bearbeiten: Hauptstraße 1' }).waitFor();
    const id = new URL(page.url()).searchParams.get('id')!;
    const { location } = await api(`query($id: ID!) { location(id: $id) { version latitude longitude geocodePrecision } }`, { id }, partnerToken);
    expect(location.latitude).toBeGreaterThan(50.9);
    expect(location.latitude).toBeLessThan(51.2);
    expect(location.geocodePrecision).not.toBe('EXACT');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    // the pin set by hand; meanwhile a colleague renames the location
    await page.getByLabel('Breitengrad').fill('51.0525');
    await page.getByLabel('Längengrad').fill('13.7373');
    await api(`mutation($id: ID!, $v: Int!) { updateLocation(id: $id, expectedVersion: $v, patch: { name: "Beratung am Altmarkt" }) { version } }`, { id, v: location.version }, partnerToken);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Jemand anderes hat diesen Standort inzwischen gespeichert').waitFor();
    expect(await page.getByRole('row', { name: /Bezeichnung/ }).textContent()).toContain('Beratung am Altmarkt');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Meine Eingabe erneut speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    const { location: after } = await api(`query($id: ID!) { location(id: $id) { latitude longitude geocodePrecision } }`, { id }, partnerToken);
    expect(after).toEqual({ latitude: 51.0525, longitude: 13.7373, geocodePrecision: 'EXACT' });
  });

  it('partner: the audit trail of the organisation, in German, never raw JSON', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: 'Meine Organisationen' }).click();
    await page.getByRole('link', { name: 'Änderungsprotokoll' }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Änderungsprotokoll: / }).waitFor();
    await page.getByRole('columnheader', { name: 'Vorher' }).waitFor();
    const table = await page.getByRole('table').textContent();
    expect(table).toContain('Öffnungszeiten');
    expect(table).toContain('Samstag 14:00–16:00');
    expect(table).not.toMatch(/[{}"]/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });

  /** applies the queue's filters, then clicks "Weitere Einträge laden" until the button is on the page */
  const revealInQueue = async (name: string) => {
    const { page } = h();
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('Die Prüfliste wird geladen …').waitFor({ state: 'hidden', timeout: 60_000 });
    const button = page.getByRole('button', { name });
    for (let i = 0; i < 30 && !(await button.count()); i++) {
      const more = page.getByRole('button', { name: 'Weitere Einträge laden' });
      if (!(await more.count())) break;
      await more.click();
      await page.getByText('Die Prüfliste wird geladen …').waitFor({ state: 'hidden', timeout: 60_000 });
    }
    return button;
  };

  it('coordinator: the queue with its filters; verifies a listing', async () => {
    const { page, baseUrl } = h();
    const coordinator = await loginToken('koordination@lotse.example');
    // the partner changes the listing: it is due for verification again
    const before = await currentService();
    await api(`mutation($id: ID!, $v: Int!) { updateService(id: $id, expectedVersion: $v, patch: { description: "Neu beschrieben für die Prüfung." }) { version } }`, { id: service.id, v: before.version }, partnerToken);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);
    await login(page, baseUrl, 'koordination@lotse.example');
    await page.waitForURL(/\/koordination$/);
    await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
    await page.getByText(/\d+ Einträge?$/).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    const district = await page.getByLabel('Landkreis oder Kreisfreie Stadt');
    await district.selectOption(service.locations[0].districtAgs);
    await page.getByLabel('Geändert seit der letzten Prüfung').check();
    await page.getByLabel('Noch nie geprüft').check();
    const verify = await revealInQueue(`„${service.name}“ als geprüft bestätigen`);
    await verify.first().click();
    await page.getByText(`„${service.name}“ ist als geprüft bestätigt.`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const { service: after } = await api(`query($id: ID!) { service(id: $id) { verification { verifiedAt } } }`, { id: service.id }, coordinator);
    expect(after.verification.verifiedAt).not.toBeNull();
  });

  it('coordinator: admits a newly registered partner', async () => {
    const { page } = h();
    const { registerOrganization } = await api(
      `mutation { registerOrganization(input: { name: "Beratungsstelle Neuland", kind: COUNSELLING_SERVICE, contactEmail: "neuland@lotse.example" }) { organizationId } }`,
      {},
      '',
    );
    await page.getByLabel('Landkreis oder Kreisfreie Stadt').selectOption('');
    for (const label of ['Geändert seit der letzten Prüfung', 'Noch nie geprüft']) await page.getByLabel(label).uncheck();
    await page.getByLabel('Wartet auf Freischaltung').check();
    const admit = await revealInQueue('„Beratungsstelle Neuland“ freischalten');
    await admit.click();
    await page.getByText('„Beratungsstelle Neuland“ ist freigeschaltet; die Angebote sind jetzt sichtbar.').waitFor();
    const coordinator = await loginToken('koordination@lotse.example');
    const { organization } = await api(`query($id: ID!) { organization(id: $id) { status } }`, { id: registerOrganization.organizationId }, coordinator);
    expect(organization.status).toBe('ACTIVE');
  });

  it('coordinator: coverage with need, mode, threshold and district; the map in the page; downloads', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: 'Abdeckung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abdeckung des Netzwerks' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Bedarf').selectOption(service.needs[0].code);
    await page.getByLabel('Verkehrsmittel').selectOption('CAR');
    await page.getByLabel(/Schwelle in Minuten/).fill('20');
    await page.getByLabel('Gebiet').selectOption(service.locations[0].districtAgs);
    await page.getByRole('button', { name: 'Abdeckung anzeigen' }).click();
    const map = page.getByRole('img', { name: /Karte der Abdeckung/ });
    await map.waitFor({ timeout: 60_000 });
    expect(await map.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Lückenliste' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Größe des Netzwerks' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    for (const [label, ext] of [
      ['Karte als SVG', '.svg'],
      ['Karte als PNG', '.png'],
      ['Daten als GeoJSON', '.geojson'],
    ]) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(file.suggestedFilename().endsWith(ext)).toBe(true);
    }
    // a wrong threshold is said in German beside the field
    await page.getByLabel(/Schwelle in Minuten/).fill('999');
    await page.getByRole('button', { name: 'Abdeckung anzeigen' }).click();
    await page.getByText('Bitte eine Schwelle zwischen 1 und 240 Minuten angeben.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
}
