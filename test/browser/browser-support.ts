import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The browser suites' harness: ONE API boot on the embedded database with the demo data and demo
 * logins, serving the built web app (dist/web, built here when missing), and Debian's Chromium
 * driven by playwright-core — headless, with the flags that keep it off the network.
 * The browser journeys run on the embedded database only: they test the web app, and the API's
 * behaviour on the server database is covered by the HTTP suites.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'lotse-demo-2026';
export const chromiumAvailable = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface BrowserHarness {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** every request the page made to another host (must stay empty: nothing from a CDN) */
  foreignRequests: string[];
  /** console errors and CSP violations seen by the page */
  consoleErrors: string[];
  close(): Promise<void>;
}

function ensureWebBuild(): string {
  const dir = join(process.cwd(), 'dist', 'web');
  if (!existsSync(join(dir, 'index.html'))) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  return dir;
}

const trace = (m: string) => process.env.BROWSER_TRACE && process.stderr.write(`[browser] ${m}\n`);

export async function startBrowserHarness(): Promise<BrowserHarness> {
  ensureWebBuild();
  trace('web build ready');
  // All journeys log in from 127.0.0.1, several times a minute: the login rate limit (tested in the
  // auth suites) would refuse the later ones, so it is raised here, as in the other e2e suites.
  const app = await startTestApp(
    { name: 'embedded' },
    { SEED_DEMO_DATA: 'true', PUBLIC_READ_ACCESS: 'false', RATE_LIMIT_LOGIN_PER_MINUTE: '1000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' },
  );
  await app.app.listen(0, '127.0.0.1');
  trace('api listening');
  const port = (app.app.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  // playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it after
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await app.close();
    throw e;
  }
  trace('chromium launched');
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return {
    app,
    baseUrl,
    browser,
    context,
    page,
    foreignRequests,
    consoleErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
    },
  };
}

/** axe-core on the page as it is now (WCAG 2.0/2.1 A and AA); returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

export async function login(page: Page, baseUrl: string, email: string): Promise<void> {
  // Start logged out whatever the previous journey left in this tab (a logged-in user is redirected).
  // The storage is cleared on a page of the same origin that runs no app: on an app page, the start
  // check of the stored session (a `me` request) could answer after the clear and store it again —
  // on a loaded CI machine it did, and the login form never came.
  await page.goto(`${baseUrl}/health`);
  await page.evaluate('window.sessionStorage.clear()');
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}
