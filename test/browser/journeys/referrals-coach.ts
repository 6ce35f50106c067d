import { axeViolations, login, type BrowserHarness } from '../browser-support';

// page.evaluate bodies run in the browser (the API's tsconfig has no DOM types)
declare const window: any, document: any;

const CODE_PATTERN = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/**
 * The coach's referrals: from a match result to "Vermitteln" with consent, the code big on the
 * screen, on the printed hand-out and in "Meine Vermittlungen", then withdrawn because the
 * participant withdrew their consent; from a text search to a service's page, a draft, and sending
 * it after someone else changed it first (CONFLICT, repeated on the new state). Axe on every page;
 * the form and the list at 320 px.
 */
export function referralsCoachJourney(h: () => BrowserHarness): void {
  const overflow = () => h().page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('refers from a match result with consent, shows the code, lists it, prints it, withdraws it', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'coach@lotse.example');
    await page.waitForURL(/\/angebote$/);
    await page.evaluate(() => window.localStorage.removeItem('lotse.merkliste'));
    await page.getByLabel('Muskel-Skelett-Erkrankungen').check();
    await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('01589');
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    const card = page.locator('.lotse-split__list article').first();
    const serviceName = (await card.locator('h3').textContent())!.trim();
    await card.getByRole('link', { name: /^Vermitteln/ }).click();

    // the form: the matched need preselected, the warning visible, nothing about the person asked
    await page.getByRole('heading', { level: 1, name: `„${serviceName}“ vermitteln` }).waitFor();
    expect(page.url()).not.toMatch(/musculoskeletal/);
    expect(await page.getByLabel('Muskel-Skelett-Erkrankungen').isChecked()).toBe(true);
    expect(await page.getByText('Keine Namen oder Daten, die die Person erkennbar machen').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Dringend', { exact: true }).check();
    await page.getByLabel(/Sprachen, die die Person bevorzugt/).fill('uk, de');
    await page.getByLabel('Kurze Notiz an den Partner (optional)').fill('Bitte vormittags melden.');
    // sending without consent is refused before anything is sent
    await page.getByRole('button', { name: 'Vermittlung senden' }).click();
    await page.getByText(/Ohne beide Einwilligungen kann die Vermittlung nicht gesendet werden/).waitFor();
    await page.getByLabel(/dass die Partnerorganisation diese Vermittlung erhält/).check();
    await page.getByLabel(/mir den Stand zurückmeldet/).check();
    await page.getByRole('button', { name: 'Vermittlung senden' }).click();

    // the code, big, with what to do with it
    await page.getByRole('heading', { name: 'Die Vermittlung ist gesendet' }).waitFor();
    const code = (await page.locator('[data-referral-code]').getAttribute('data-referral-code'))!;
    expect(code).toMatch(CODE_PATTERN);
    expect(await page.getByText(/Notieren Sie den Code in Ihrer eigenen Akte/).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // nothing of it went into storage by itself
    expect(await page.evaluate(() => JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage))).not.toContain(code);

    // on the hand-out, on request: the print view carries it
    await page.getByRole('button', { name: 'Code auf den Ausdruck setzen' }).click();
    await page.getByText(/Der Code steht auf dem Ausdruck/).waitFor();
    const stored = await page.evaluate(() => window.localStorage.getItem('lotse.merkliste') ?? '');
    expect(stored).toContain(code);
    expect(stored).not.toMatch(/musculoskeletal|Muskel|01589|vormittags/);
    await page.getByRole('link', { name: 'Zur Druckansicht' }).click();
    await page.getByRole('heading', { name: 'Angebote für Sie' }).waitFor();
    expect(await page.locator('.lotse-handout').textContent()).toContain(code);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lotse-handout').getByText(code).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // "Meine Vermittlungen": the code, status and target
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Vermittlungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Vermittlungen' }).waitFor();
    const item = page.locator('main article', { hasText: code });
    await item.waitFor();
    expect(await item.getByText('Gesendet', { exact: true }).isVisible()).toBe(true);
    expect(await item.getByText('Muskel-Skelett-Erkrankungen').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Status').selectOption({ label: 'Alle offenen' });
    await item.waitFor();
    await item.getByRole('link', { name: serviceName }).click();

    // its page: history, then withdrawn because the participant withdrew consent
    await page.getByRole('heading', { level: 1, name: `Vermittlung: ${serviceName}` }).waitFor();
    expect(await page.getByText('Bitte vormittags melden.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Vermittlung zurückziehen' }).click();
    await page.getByLabel(/Die Person hat ihre Einwilligung widerrufen/).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, zurückziehen' }).click();
    await page.getByText('Die Vermittlung ist zurückgezogen.').waitFor();
    const history = page.locator('table', { has: page.getByRole('columnheader', { name: 'Zeitpunkt' }) });
    await history.getByRole('cell', { name: 'Einwilligung widerrufen' }).waitFor();
    expect(await history.getByRole('cell', { name: 'Zurückgezogen' }).isVisible()).toBe(true);
    // the note is erased at once, the code left the hand-out
    expect(await page.getByText('Bitte vormittags melden.').count()).toBe(0);
    expect(await page.evaluate(() => window.localStorage.getItem('lotse.merkliste') ?? '')).not.toContain(code);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refers from a service page found by text search: a draft, sent after a CONFLICT', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/suche`);
    await page.getByLabel('Suchbegriff').fill('Rückenschule');
    const hit = page.locator('.lotse-search__hits article').first();
    await hit.waitFor();
    await hit.getByRole('link', { name: /^Angebot öffnen/ }).click();
    await page.locator('main h1').waitFor();
    const serviceName = (await page.locator('main h1').textContent())!.trim();
    await page.getByRole('heading', { level: 2, name: 'Standorte' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('main article').first().getByRole('link', { name: /^Vermitteln/ }).click();
    await page.getByRole('heading', { level: 1, name: `„${serviceName}“ vermitteln` }).waitFor();
    const needs = page.getByRole('group', { name: 'Anliegen, um die es geht' }).getByRole('checkbox');
    if (!(await needs.first().isChecked())) await needs.first().check();
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await page.getByRole('heading', { name: 'Der Entwurf ist gespeichert' }).waitFor();
    await page.getByRole('link', { name: 'Diese Vermittlung öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: `Vermittlung: ${serviceName}` }).waitFor();
    expect(await page.getByText('Noch keine Einwilligung erfasst').isVisible()).toBe(true);

    // meanwhile the consent is recorded elsewhere (another tab): this page's version is old
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.evaluate(async (referralId: string) => {
      const { accessToken } = JSON.parse(window.sessionStorage.getItem('lotse.session')!);
      await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          query: 'mutation($id: ID!) { recordReferralConsent(id: $id, expectedVersion: 1, consent: { agreed: true, scopes: [SHARE_WITH_PARTNER, STATUS_FEEDBACK] }) { version } }',
          variables: { id: referralId },
        }),
      });
    }, id);
    await page.getByLabel(/dass die Partnerorganisation diese Vermittlung erhält/).check();
    await page.getByLabel(/mir den Stand zurückmeldet/).check();
    await page.getByRole('button', { name: 'Jetzt senden' }).click();
    await page.getByText('Die Vermittlung hat sich inzwischen geändert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Schritt mit dem neuen Stand wiederholen' }).click();
    await page.getByText('Die Vermittlung ist gesendet.').waitFor();
    expect(await page.locator('.lotse-badges').first().getByText('Gesendet').isVisible()).toBe(true);
  });

  it('works at 320 px: the form, the code and the list fit the screen', async () => {
    const { page, baseUrl } = h();
    await page.setViewportSize({ width: 320, height: 720 });
    try {
      await page.goto(`${baseUrl}/vermittlungen`);
      await page.getByRole('heading', { level: 1, name: 'Meine Vermittlungen' }).waitFor();
      await page.locator('main article').first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('main article h3 a').first().click();
      await page.locator('[data-referral-code]').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl}/suche`);
      await page.getByLabel('Suchbegriff').fill('Rückenschule');
      await page.locator('.lotse-search__hits article').first().getByRole('link', { name: /^Vermitteln/ }).click();
      await page.getByRole('button', { name: 'Vermittlung senden' }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 768, height: 900 });
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => window.localStorage.removeItem('lotse.merkliste'));
    }
  });
}
