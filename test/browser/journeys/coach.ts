import { readFileSync } from 'node:fs';
import { axeViolations, login, type BrowserHarness } from '../browser-support';

// page.evaluate bodies run in the browser (the API's tsconfig has no DOM types)
declare const window: any, document: any;

/**
 * The coach's journey: log in, match from a postcode, open a result, put two offers on the
 * shortlist, the print view (A4 print stylesheet) and the PDF made in the browser — axe on every
 * page, a phone-sized window, and the session running out mid-work without losing what was typed.
 */
export function coachJourney(h: () => BrowserHarness): void {
  it('finds partners from a postcode, opens a result, shortlists two, prints and downloads the hand-out', async () => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, 'coach@lotse.example');
    await page.waitForURL(/\/angebote$/);
    await page.getByRole('heading', { level: 1, name: 'Passende Angebote finden' }).waitFor();
    await page.getByLabel('Muskel-Skelett-Erkrankungen').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // search as you type in the needs
    await page.getByLabel('Bedarf suchen').fill('ernaehr');
    await page.getByLabel('Ernährung').check();
    await page.getByLabel('Bedarf suchen').fill('');
    await page.getByLabel('Muskel-Skelett-Erkrankungen').check();
    await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('01589');
    await page.getByText('Weitere Bedingungen und Wünsche').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    await page.getByText(/Ausgangspunkt: PLZ 01589/).waitFor();
    await page.locator('.lotse-map .leaflet-marker-icon').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const list = page.locator('.lotse-split__list');
    const cards = list.locator('article');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    // open a result
    await cards.first().getByRole('button', { name: 'Details anzeigen' }).click();
    await cards.first().getByRole('button', { name: 'Details ausblenden' }).waitFor();
    await cards.first().getByText('Warum dieser Rang').click();
    expect(await axeViolations(page)).toEqual([]);

    // two offers on the shortlist
    await cards.nth(0).getByRole('button', { name: 'Zur Merkliste' }).click();
    await cards.nth(1).getByRole('button', { name: 'Zur Merkliste' }).click();
    await page.getByRole('link', { name: '2 Angebote auf der Merkliste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Merkliste' }).waitFor();
    expect(await page.locator('main article').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    // the shortlist lives in this browser only, with offer facts and nothing of the request
    const stored = await page.evaluate(() => window.localStorage.getItem('lotse.merkliste') ?? '');
    expect(stored).not.toMatch(/01589|musculoskeletal|nutrition|Muskel|Ernährung/);

    // print view: A4 hand-out, the app's frame hidden when printed
    await page.getByRole('link', { name: 'Druckansicht' }).click();
    await page.getByRole('heading', { name: 'Angebote für Sie' }).waitFor();
    expect(await page.locator('.lotse-handout li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lotse-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
    expect(await page.locator('.lotse-handout').isVisible()).toBe(true);
    const pdfOfPage = await page.pdf({ format: 'A4' });
    expect(pdfOfPage.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // the PDF made in the browser
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als PDF herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe('lotse-angebote.pdf');
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('works at 320 px: results stacked, nothing wider than the screen', async () => {
    const { page, baseUrl } = h();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(`${baseUrl}/angebote`);
    await page.getByLabel('Muskel-Skelett-Erkrankungen').check();
    await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('Riesa');
    await page.getByRole('option', { name: /^Riesa/ }).first().click();
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('says through which narrower need an offer answers a broader one ("über …")', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/angebote`);
    await page.getByRole('checkbox', { name: 'Psychische Gesundheit', exact: true }).check();
    await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('01589');
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    // demo psychotherapy practices list "Psychotherapie", not the broader need asked for
    await page.locator('.lotse-split__list dd', { hasText: /^Psychische Gesundheit \(über .*Psychotherapie/ }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps what was typed when the session runs out and continues after logging in again', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/angebote`);
    await page.getByRole('checkbox', { name: 'Stressbewältigung und Entspannung', exact: true }).check();
    await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('01662');
    // the server ends the session (as when it expires): access and refresh token stop working
    await page.evaluate(async () => {
      const { accessToken } = JSON.parse(window.sessionStorage.getItem('lotse.session')!);
      await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    });
    await page.getByRole('button', { name: 'Angebote finden' }).click();
    await page.getByRole('dialog', { name: 'Ihre Sitzung ist abgelaufen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByLabel('Passwort').fill('lotse-demo-2026');
    await page.getByRole('dialog').getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Ausgangsort' }).inputValue()).toBe('01662');
    expect(await page.getByRole('checkbox', { name: 'Stressbewältigung und Entspannung', exact: true }).isChecked()).toBe(true);
    await page.getByText(/Ausgangspunkt: PLZ 01662/).waitFor();
  });

  it('searches by text with typos forgiven, narrows by a facet', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/suche`);
    await page.getByRole('heading', { level: 1, name: 'Angebote durchsuchen' }).waitFor();
    await page.getByLabel('Suchbegriff').fill('Rueckenschle');
    await page.getByRole('heading', { level: 2, name: /\d+ Treffer/ }).waitFor();
    expect(await page.locator('.lotse-search__hits article').count()).toBeGreaterThan(0);
    await page.locator('.lotse-search__facets').getByRole('checkbox').first().check();
    await page.getByRole('heading', { level: 2, name: /\d+ Treffer/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
}
