import { readFileSync } from 'node:fs';
import { axeViolations, DEMO_PASSWORD, login, type BrowserHarness } from '../browser-support';

/**
 * Referrals from the partner's and the coordinator's side (issue #16). A coach sends referrals to
 * the demo partner's service through the API; the partner sees them counted in the navigation and
 * in the inbox, opens one (marked seen), declines it for lack of capacity and follows the prompt to
 * the free places; accepts another, starts and completes it; meets a referral the coach withdrew
 * meanwhile (CONFLICT). The coordinator sees only aggregates, with counts under 5 withheld, and
 * the unmet demand linked to coverage. Axe on every page, 320 and 768 px without sideways scrolling.
 */
export function referralsPartnerJourney(h: () => BrowserHarness): void {
  type Referral = { id: string; code: string; version: number };
  let coachToken: string;
  let partnerToken: string;
  let service: { id: string; name: string; needs: { code: string; labelDe: string }[]; locations: { id: string; districtAgs: string }[] };
  let districtName: string;
  let coachName: string;
  let declineMe: Referral;
  let acceptMe: Referral;
  let withdrawn: Referral;

  const api = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await h().app.gql<T>(query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const loginToken = async (email: string) =>
    (await api<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD }, '')).login.accessToken;
  const send = async (overrides: Record<string, unknown> = {}): Promise<Referral> =>
    (
      await api(
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id code version } }`,
        {
          input: {
            serviceId: service.id, locationId: service.locations[0].id, needs: [service.needs[0].code], urgency: 'URGENT', languages: ['de', 'uk'],
            contactRoute: 'PARTICIPANT_CALLS', consent: { agreed: true, scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] }, send: true, ...overrides,
          },
        },
        coachToken,
      )
    ).createReferral;
  const statusOf = async (r: Referral) => (await api(`query($id: ID!) { referral(id: $id) { status version } }`, { id: r.id }, coachToken)).referral;

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
    [coachToken, partnerToken] = await Promise.all([loginToken('coach@lotse.example'), loginToken('partner@lotse.example')]);
    const { myOrganizations } = await api(`{ myOrganizations { services { id name needs { code labelDe } locations { id districtAgs } } } }`, {}, partnerToken);
    service = myOrganizations.flatMap((o: any) => o.services).find((s: any) => s.locations.length > 0 && s.needs.length > 0);
    const { districts } = await api(`{ districts { ags name } }`, {}, coachToken);
    districtName = districts.find((d: any) => d.ags === service.locations[0].districtAgs).name;
    coachName = (await api(`{ me { displayName } }`, {}, coachToken)).me.displayName;
    declineMe = await send({ note: 'Kommt gern mit Begleitung.' });
    acceptMe = await send({ contactRoute: 'PARTNER_CALLS_COACH', urgency: 'ROUTINE', languages: [] });
    withdrawn = await send();
    // five more declined for lack of capacity: enough for the coordinators' count to be shown
    for (let i = 0; i < 5; i++) {
      const r = await send();
      await api(
        `mutation($id: ID!, $v: Int!) { moveReferral(id: $id, expectedVersion: $v, move: { to: DECLINED, reason: NO_CAPACITY }) { referral { status } } }`,
        { id: r.id, v: r.version },
        partnerToken,
      );
    }
  }, 120_000);

  it('partner: the navigation counts new referrals; the inbox lists them with needs and urgency; axe clean, fits 320 px', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'partner@lotse.example');
    await page.waitForURL(/\/partner$/);
    const nav = page.getByRole('navigation').getByRole('link', { name: /^Vermittlungen \d+ neue?$/ });
    await nav.waitFor();
    await nav.click();
    await page.getByRole('heading', { level: 1, name: 'Vermittlungen' }).waitFor();
    expect(await page.getByLabel('Neu', { exact: true }).isChecked()).toBe(true);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Vermittlung ${declineMe.code} öffnen` }) });
    await card.waitFor();
    expect(await card.textContent()).toContain(service.needs[0].labelDe);
    expect(await card.textContent()).toContain('Dringend');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });

  it('partner: opening a referral marks it seen; declining for lack of capacity prompts to update the free places', async () => {
    const { page } = h();
    await page.getByRole('link', { name: `Vermittlung ${declineMe.code} öffnen` }).click();
    await page.getByRole('heading', { level: 1, name: `Vermittlung ${declineMe.code}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nächster Schritt' }).waitFor();
    await page.getByText('Vom Partner gesehen').first().waitFor();
    expect((await statusOf(declineMe)).status).toBe('SEEN');
    const text = await page.getByRole('region', { name: 'Angaben' }).textContent();
    for (const expected of [declineMe.code, service.needs[0].labelDe, 'Dringend', 'Deutsch, Ukrainisch', 'Person meldet sich', 'Kommt gern mit Begleitung.']) expect(text).toContain(expected);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    await page.getByRole('button', { name: 'Ablehnen …' }).click();
    await page.getByRole('button', { name: 'Ablehnen', exact: true }).click();
    await page.getByText('Bitte wählen Sie einen Grund.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Grund der Ablehnung').selectOption('OTHER');
    await page.getByLabel('Sonstiger Grund').waitFor();
    await page.getByLabel('Grund der Ablehnung').selectOption('NO_CAPACITY');
    await page.getByRole('button', { name: 'Ablehnen', exact: true }).click();
    await page.getByText('Bitte aktualisieren Sie Ihre freien Plätze').waitFor();
    await page.getByText('Gespeichert. Neuer Stand: Abgelehnt.', { exact: false }).waitFor();
    expect((await statusOf(declineMe)).status).toBe('DECLINED');
    expect(await page.getByText('Diese Vermittlung ist abgeschlossen; es ist kein Schritt mehr möglich.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: `Freie Plätze für „${service.name}“ aktualisieren` }).click();
    await page.getByRole('heading', { level: 1, name: 'Freie Plätze' }).waitFor();
    // the declined service comes first
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(service.name);
  });

  it('partner: accepts another, starts and completes it; the history shows each step', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: /^Vermittlungen/ }).click();
    await page.getByRole('link', { name: `Vermittlung ${acceptMe.code} öffnen` }).click();
    await page.getByRole('heading', { level: 1, name: `Vermittlung ${acceptMe.code}` }).waitFor();
    await page.getByText('Rückruf über die Fachkraft', { exact: false }).waitFor();
    await page.getByText(coachName, { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Annehmen' }).click();
    await page.getByText('Gespeichert. Neuer Stand: Angenommen.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Betreuung begonnen' }).click();
    await page.getByText('Gespeichert. Neuer Stand: In Betreuung.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abschließen …' }).click();
    await page.getByLabel('Ergebnis').selectOption('GOT_HELP');
    await page.getByRole('button', { name: 'Abschließen', exact: true }).click();
    await page.getByText('Gespeichert. Neuer Stand: Abgeschlossen.', { exact: false }).waitFor();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Verlauf' }) });
    const steps = await history.getByRole('listitem').allTextContents();
    expect(steps.map((s) => s.replace(/^.*?: /, ''))).toEqual([
      'Gesendet (Coach)', 'Vom Partner gesehen (Ihre Organisation)', 'Angenommen (Ihre Organisation)', 'In Betreuung (Ihre Organisation)', 'Abgeschlossen (Ihre Organisation) – Hilfe erhalten',
    ]);
    expect(await statusOf(acceptMe)).toMatchObject({ status: 'COMPLETED' });
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });

  it('partner: a referral the coach withdrew meanwhile — the conflict is said in words; closed ones are under "Abgeschlossen"', async () => {
    const { page } = h();
    await page.getByRole('navigation').getByRole('link', { name: /^Vermittlungen/ }).click();
    await page.getByRole('link', { name: `Vermittlung ${withdrawn.code} öffnen` }).click();
    await page.getByRole('heading', { level: 2, name: 'Nächster Schritt' }).waitFor();
    const seen = await statusOf(withdrawn);
    expect(seen.status).toBe('SEEN');
    await api(`mutation($id: ID!, $v: Int!) { withdrawReferral(id: $id, expectedVersion: $v) { status } }`, { id: withdrawn.id, v: seen.version }, coachToken);
    await page.getByRole('button', { name: 'Annehmen' }).click();
    await page.getByText('Jemand anderes hat diese Vermittlung inzwischen geändert').waitFor();
    await page.getByText('Ihr Schritt „Annehmen“ ist vom neuen Stand aus nicht mehr möglich', { exact: false }).waitFor();
    await page.getByText('Zurückgezogen').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Zurück zu den Vermittlungen' }).click();
    await page.getByLabel('Abgeschlossen', { exact: true }).check();
    await page.getByRole('heading', { level: 2, name: /^Abgeschlossen: / }).waitFor();
    for (const r of [declineMe, acceptMe, withdrawn]) await page.getByRole('link', { name: `Vermittlung ${r.code} öffnen` }).waitFor();
    expect(page.url()).toContain('ansicht=abgeschlossen');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);
  });

  it('coordinator: aggregates only — district × need × outcome with counts under 5 withheld; unmet demand linked to coverage; CSV', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'koordination@lotse.example');
    await page.waitForURL(/\/koordination$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Vermittlungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vermittlungen im Netzwerk' }).waitFor();
    const table = page.getByRole('region', { name: 'Ergebnisse' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: districtName }) }).filter({ hasText: service.needs[0].labelDe });
    await row.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    const cells = await row.getByRole('cell').allTextContents();
    const cellOf = (label: string) => cells[headers.indexOf(label) - 1];
    expect(Number(cellOf('Abgelehnt'))).toBeGreaterThanOrEqual(6);
    expect(['< 5', '–']).toContain(cellOf('Zurückgezogen'));
    expect(cellOf('Abgeschlossen')).toBe('< 5');
    await page.getByText('Werte unter 5 werden nicht genannt', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsNarrowScreen()).toBe(true);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ergebnisse als CSV' }).click()]);
    expect(file.suggestedFilename()).toBe('lotse-vermittlungen-ergebnisse.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain(`${service.locations[0].districtAgs};${districtName};${service.needs[0].code}`);
    expect(csv).toContain(';<5');

    await page.getByLabel(/Nach Gründen aufschlüsseln/).check();
    await page.getByRole('button', { name: 'Anzeigen', exact: true }).click();
    await table.getByRole('columnheader', { name: 'Abgelehnt: Keine Kapazität' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const unmet = page.getByRole('region', { name: /Ungedeckter Bedarf/ });
    const linkName = `Abdeckung anzeigen: „${service.needs[0].labelDe}“ in ${districtName}`;
    const link = unmet.getByRole('link', { name: linkName });
    // (a filter's `has` is relative to the row)
    expect(Number(await unmet.getByRole('row').filter({ has: page.getByRole('link', { name: linkName }) }).getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(6);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Abdeckung des Netzwerks' }).waitFor();
    const note = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Abgelehnt wegen fehlender Kapazität' }) });
    await note.waitFor({ timeout: 60_000 });
    expect(await note.textContent()).toMatch(new RegExp(`${districtName}: \\d+`));
    expect(await axeViolations(page)).toEqual([]);
  });
}
