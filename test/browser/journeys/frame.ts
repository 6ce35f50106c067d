import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { axeViolations, login, type BrowserHarness } from '../browser-support';

/** The frame: served at / under the CSP, operations valid, login per role, logout. */
export function frameJourney(h: () => BrowserHarness): void {
  it('every operation of the web app validates against the live schema', () => {
    const schema = h().app.app.get(GraphQLSchemaHost).schema;
    const dir = join(process.cwd(), 'apps', 'web', 'src', 'graphql');
    const source = readdirSync(dir)
      .filter((f: string) => f.endsWith('.graphql'))
      .map((f: string) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });

  it('serves the app at / with the strict CSP, GraphiQL stays at /graphql', async () => {
    const root = await h().app.http().get('/').set('accept', 'text/html');
    expect(root.status).toBe(200);
    expect(root.text).toContain('<div id="root">');
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    expect(root.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const deep = await h().app.http().get('/merkliste').set('accept', 'text/html');
    expect(deep.text).toContain('<div id="root">');
    const ide = await h().app.http().get('/graphql').set('accept', 'text/html');
    expect(ide.text).toContain('GraphiQL');
    expect((await h().app.http().get('/health')).status).toBe(200);
  });

  it('login page: axe clean; a wrong password is said in German beside the form', async () => {
    const { page, baseUrl } = h();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/anmelden$/);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-Mail-Adresse').fill('coach@lotse.example');
    await page.getByLabel('Passwort').fill('falsch-123456');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each([
    ['coach@lotse.example', /\/angebote$/, 'Passende Angebote finden'],
    ['partner@lotse.example', /\/partner$/, 'Meine Organisationen'],
    ['koordination@lotse.example', /\/koordination$/, 'Prüfliste'],
  ])('%s lands on its start page, axe clean, and logs out', async (email, url, heading) => {
    const { page, baseUrl } = h();
    await login(page, baseUrl, email);
    await page.waitForURL(url);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden\?abgemeldet$/);
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
  });
}
