import { axeViolations, DEMO_PASSWORD, login, type BrowserHarness } from '../browser-support';

/**
 * The partner keeps the organisation itself true and takes listings out: edits name and contact
 * (and an identifier), meets a colleague's save (conflict), stops offering a service and closes two
 * locations, one of them after a colleague renamed it — axe on every page and dialog, each at 320
 * and 768 px. The coach picks the origin by a click on the map and gets results.
 * The journey creates the service and locations it retires and puts the organisation's contact back
 * at the end, so the demo data the other journeys read stays as it was.
 */
export function partnerAdminJourney(h: () => BrowserHarness): void {
  let partnerToken: string;
  let organization: { id: string; name: string; email: string | null; website: string | null; phones: { label: string | null; number: string }[]; identifiers: { scheme: string; value: string }[] };
  const created = { service: { id: '', name: 'Sprechstunde zum Entfernen (Test)' }, plain: { id: '', name: 'Außenstelle Lindenstraße' }, contested: { id: '', name: 'Außenstelle Bahnhof' } };

  const api = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await h().app.gql<T>(query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const loginToken = async (email: string) =>
    (await api<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD }, '')).login.accessToken;
  const ORGANIZATION = `id name version email website phones { label number } identifiers { scheme value }`;
  const currentOrganization = async () => (await api(`{ myOrganizations { ${ORGANIZATION} } }`, {}, partnerToken)).myOrganizations.find((o: { id: string }) => o.id === organization.id);

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

  beforeAll(async () => {
    partnerToken = await loginToken('partner@lotse.example');
    const { myOrganizations } = await api(`{ myOrganizations { ${ORGANIZATION} services { category specialty needs { code } } } }`, {}, partnerToken);
    organization = myOrganizations[0];
    const [model] = myOrganizations[0].services;
    for (const [key, street] of [
      ['plain', 'Lindenstraße 5'],
      ['contested', 'Bahnhofstraße 2'],
    ] as const) {
      const { createLocation } = await api(
        `mutation($o: ID!, $i: LocationInputGql!) { createLocation(organizationId: $o, input: $i) { id } }`,
        { o: organization.id, i: { name: created[key].name, street, postcode: '01587', town: 'Riesa', latitude: 51.3, longitude: 13.29 } },
        partnerToken,
      );
      created[key].id = createLocation.id;
    }
    const { createService } = await api(
      `mutation($o: ID!, $i: ServiceInputGql!) { createService(organizationId: $o, input: $i) { id } }`,
      {
        o: organization.id,
        i: {
          name: created.service.name,
          description: 'Wird im Browser-Test nicht mehr angeboten.',
          category: model.category,
          ...(model.specialty ? { specialty: model.specialty } : {}),
          needs: [model.needs[0].code],
          insuranceRequirement: 'NONE',
          languages: ['de'],
          accessibility: [],
          deliveryModes: ['IN_PERSON'],
          costType: 'FREE',
          locationIds: [created.plain.id],
        },
      },
      partnerToken,
    );
    created.service.id = createService.id;
  });

  afterAll(async () => {
    // the demo organisation's contact as it was
    const now = await currentOrganization();
    const { email, website, phones, identifiers } = organization;
    await api(`mutation($id: ID!, $v: Int!, $p: OrganizationPatchInput!) { updateOrganization(id: $id, expectedVersion: $v, patch: $p) { version } }`, { id: organization.id, v: now.version, p: { email, website, phones, identifiers } }, partnerToken);
  });

  it('partner: edits name and contact of the organisation and adds an identifier; axe clean, fits 320 px', async () => {
    const { page, baseUrl } = h();
    // leaving the coordinator's coverage page (PNG made in the browser) can take long on a loaded machine
    await page.goto(`${baseUrl}/health`, { timeout: 120_000 });
    await login(page, baseUrl, 'partner@lotse.example');
    await page.waitForURL(/\/partner$/, { timeout: 60_000 });
    await page.getByRole('link', { name: `Name und Kontakt bearbeiten: ${organization.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Organisation bearbeiten: ${organization.name}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    const contact = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Name und Kontakt' }) });
    await contact.getByLabel(/^Website/).fill('www.lotse-test.example');
    await contact.getByRole('button', { name: 'Telefonnummer hinzufügen' }).click();
    const phone = contact.getByRole('listitem').last();
    await phone.getByLabel(/^Wofür/).fill('Kursanmeldung');
    await phone.getByLabel('Nummer', { exact: true }).fill('0351 abc');
    await contact.getByRole('button', { name: 'Speichern' }).click();
    await phone.getByText('Bitte eine Telefonnummer angeben, z. B. +49 351 123456.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await phone.getByLabel('Nummer', { exact: true }).fill('+49 3525 000 999');
    await contact.getByRole('button', { name: 'Speichern' }).click();
    await contact.getByText('Gespeichert.').waitFor();

    const ids = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Kennzeichen' }) });
    await ids.getByRole('button', { name: 'Kennzeichen hinzufügen' }).click();
    const id = ids.getByRole('listitem').last();
    await id.getByLabel('Art', { exact: true }).selectOption('IK');
    await id.getByLabel('Nummer', { exact: true }).fill('260999001');
    await ids.getByRole('button', { name: 'Speichern' }).click();
    await ids.getByText('Gespeichert.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const saved = await currentOrganization();
    expect(saved.name).toBe(organization.name);
    expect(saved.website).toBe('https://www.lotse-test.example');
    expect(saved.phones).toContainEqual({ label: 'Kursanmeldung', number: '+49 3525 000 999' });
    expect(saved.identifiers).toContainEqual({ scheme: 'IK', value: '260999001' });
  });

  it('partner: a colleague saved the organisation first — the conflict shows what changed, the own input is saved again', async () => {
    const { page } = h();
    const contact = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Name und Kontakt' }) });
    await contact.getByLabel(/^E-Mail-Adresse/).fill('anmeldung@lotse-test.example');
    const before = await currentOrganization();
    await api(`mutation($id: ID!, $v: Int!) { updateOrganization(id: $id, expectedVersion: $v, patch: { website: "https://kollegin.example" }) { version } }`, { id: organization.id, v: before.version }, partnerToken);
    await contact.getByRole('button', { name: 'Speichern' }).click();
    await contact.getByText('Jemand anderes hat diese Organisation inzwischen gespeichert').waitFor();
    expect(await contact.getByRole('row', { name: /Website/ }).textContent()).toMatch(/kollegin\.example.*lotse-test\.example/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    await contact.getByRole('button', { name: 'Meine Eingabe erneut speichern' }).click();
    await contact.getByText('Gespeichert.').waitFor();
    const saved = await currentOrganization();
    expect(saved).toMatchObject({ email: 'anmeldung@lotse-test.example', website: 'https://www.lotse-test.example' });
  });

  it('partner: stops offering a service after a confirmation that says what happens; the overview updates', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: 'Meine Organisationen' }).click();
    await page.getByRole('heading', { level: 4, name: created.service.name }).waitFor();
    await page.getByRole('button', { name: `Nicht mehr anbieten: ${created.service.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `„${created.service.name}“ nicht mehr anbieten?` });
    await dialog.getByText('für Coaches nicht mehr sichtbar', { exact: false }).waitFor();
    await dialog.getByText('Im Änderungsprotokoll bleibt festgehalten', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    await dialog.getByRole('button', { name: 'Ja, nicht mehr anbieten' }).click();
    await page.getByText(`„${created.service.name}“ wird nicht mehr angeboten. Coaches sehen es nicht mehr.`).waitFor();
    // the partner still sees it, marked as no longer offered, without the button
    await page.getByRole('button', { name: `Nicht mehr anbieten: ${created.service.name}` }).waitFor({ state: 'detached' });
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: created.service.name }) }).getByText('Nicht mehr angeboten – für Coaches nicht sichtbar').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const { service } = await api(`query($id: ID!) { service(id: $id) { status } }`, { id: created.service.id }, partnerToken);
    expect(service.status).toBe('INACTIVE');
  });

  it('partner: closes a location; closing another after a colleague renamed it shows the conflict first', async () => {
    const { page } = h();
    await page.getByRole('button', { name: `Standort schließen: ${created.plain.name}` }).click();
    let dialog = page.getByRole('dialog', { name: `Standort „${created.plain.name}“ schließen?` });
    await dialog.getByRole('button', { name: 'Ja, Standort schließen' }).click();
    await page.getByText(`Der Standort „${created.plain.name}“ ist geschlossen. Coaches sehen ihn nicht mehr.`).waitFor();
    await page.getByRole('button', { name: `Standort schließen: ${created.plain.name}` }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: `Standort schließen: ${created.contested.name}` }).click();
    dialog = page.getByRole('dialog', { name: `Standort „${created.contested.name}“ schließen?` });
    await dialog.getByText('Der Standort wird entfernt und ist für Coaches nicht mehr sichtbar', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const { location } = await api(`query($id: ID!) { location(id: $id) { version } }`, { id: created.contested.id }, partnerToken);
    await api(`mutation($id: ID!, $v: Int!) { updateLocation(id: $id, expectedVersion: $v, patch: { name: "Außenstelle am Bahnhof" }) { version } }`, { id: created.contested.id, v: location.version }, partnerToken);
    await dialog.getByRole('button', { name: 'Ja, Standort schließen' }).click();
    await dialog.getByText('Jemand anderes hat diesen Standort inzwischen geändert').waitFor();
    expect(await dialog.getByRole('row', { name: /Bezeichnung/ }).textContent()).toMatch(/Außenstelle am Bahnhof.*Außenstelle Bahnhof/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    await dialog.getByRole('button', { name: 'Trotzdem schließen' }).click();
    await page.getByText(`Der Standort „${created.contested.name}“ ist geschlossen. Coaches sehen ihn nicht mehr.`).waitFor();
    await page.getByRole('button', { name: /^Standort schließen: Außenstelle/ }).first().waitFor({ state: 'detached' });

    const gone = await h().app.gql(`query($id: ID!) { location(id: $id) { id } }`, { id: created.contested.id }, partnerToken);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { auditTrail } = await api(
      `query($o: ID!, $r: ID!) { auditTrail(organizationId: $o, resourceId: $r, first: 10) { edges { node { action } } } }`,
      { o: organization.id, r: created.contested.id },
      partnerToken,
    );
    expect(auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toContain('retire');
  });

  it('coach: picks the origin by a click on the map and gets results; nothing of it is stored in the browser', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'coach@lotse.example');
    await page.waitForURL(/\/angebote$/);
    await page.getByLabel('Muskel-Skelett-Erkrankungen').check();
    await page.getByRole('button', { name: 'Ausgangsort auf der Karte wählen' }).click();
    const map = page.getByRole('region', { name: 'Karte zum Wählen des Ausgangsorts' });
    await map.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // the map opens over Saxony (51.05° N, 13.35° E, zoom 8): about 71 px east of its centre lies Dresden
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 71, box.y + box.height / 2);
    const field = page.getByRole('combobox', { name: 'Ausgangsort' });
    await page.waitForFunction(`document.querySelector('[role=combobox]').value.startsWith('Punkt auf der Karte')`);
    const text = await field.inputValue();
    const [, lat, lon] = /^Punkt auf der Karte \((\d+,\d{3})° N, (\d+,\d{3})° O\)$/.exec(text)!;
    expect(Number(lat.replace(',', '.'))).toBeCloseTo(51.05, 1);
    expect(Number(lon.replace(',', '.'))).toBeCloseTo(13.74, 1);
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    await page.getByText(/Ausgangspunkt: angegebener Punkt/).waitFor();
    expect(await page.locator('.lotse-split__list article').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
    const stored = await page.evaluate<string>('JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage)');
    expect(stored).not.toContain(lat);
    expect(stored).not.toContain(lat.replace(',', '.'));
  });

  it('coach: the hits of a text search on a map, numbered like the list', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/suche`);
    await page.getByLabel('Suchbegriff').fill('Rueckenschule');
    await page.getByRole('heading', { level: 2, name: /\d+ Treffer/ }).waitFor();
    await page.getByRole('button', { name: 'Treffer auf der Karte zeigen' }).click();
    await page.getByRole('region', { name: /Karte der Treffer/ }).waitFor();
    await page.locator('.lotse-map .leaflet-marker-icon').first().waitFor();
    expect(await page.locator('.lotse-map .leaflet-marker-icon').count()).toBeGreaterThan(0);
    await page.getByText('Treffer 1', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });
}
