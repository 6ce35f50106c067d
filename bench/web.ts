/**
 * bench:web — the web app's three speed figures of issue 15, measured against a running Lotse
 * (`npm start`, or BENCH_URL=http://127.0.0.1:3100) with demo data, in Debian's Chromium:
 *
 * 1. JavaScript of the first page, gzipped: the entry script and everything it preloads, as
 *    listed in dist/web/index.html (lazy chunks — map, PDF — are not part of the first page).
 * 2. The coach's search page interactive after a COLD load (new browser context, empty cache):
 *    navigation start → the needs list is on screen and its first checkbox takes a click.
 * 3. A match's results on screen after the API's answer: the page's own marks
 *    `lotse:match-answered` → `lotse:results-rendered` (next frame after React committed).
 *
 * Usage: npm run bench:web [-- --runs 5]. Prints a JSON summary; figures go to bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

// page.evaluate bodies run in the browser (the API's tsconfig has no DOM types)
declare const window: any;

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function firstPageJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const dir = join(process.cwd(), 'dist', 'web');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const js = firstPageJs();
  const login = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "coach@lotse.example", password: "lotse-demo-2026") { accessToken refreshToken user { id email displayName role organizationIds } } }' }),
  }).then((r) => r.json() as Promise<any>);
  const session = login.data?.login;
  if (!session) throw new Error(`demo login failed at ${BASE}: ${JSON.stringify(login.errors)}`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  const interactive: number[] = [];
  const render: number[] = [];
  const api: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
      // logged in as by a previous visit in this tab: the stored session, nothing cached
      await context.addInitScript((s: string) => window.sessionStorage.setItem('lotse.session', s), JSON.stringify({ accessToken: session.accessToken, refreshToken: session.refreshToken, user: session.user }));
      const page = await context.newPage();
      await page.goto(`${BASE}/angebote`, { waitUntil: 'commit' });
      const box = page.getByLabel('Muskel-Skelett-Erkrankungen');
      await box.click();
      interactive.push(await page.evaluate(() => performance.now()));

      await page.getByRole('combobox', { name: 'Ausgangsort' }).fill('01589');
      const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('matchReferralTargets'));
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Angebote finden' }).click();
      await answered;
      await page.getByRole('heading', { level: 2, name: 'Ergebnisse' }).waitFor();
      const marks = await page.evaluate(() => {
        const a = performance.getEntriesByName('lotse:match-answered').pop();
        const b = performance.getEntriesByName('lotse:results-rendered').pop();
        return a && b ? [a.startTime, b.startTime] : undefined;
      });
      if (marks) {
        api.push(marks[0] - t0);
        render.push(marks[1] - marks[0]);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const summary = {
    url: BASE,
    runs: RUNS,
    firstPageJs: { files: js.files, gzipKB: +(js.gzipBytes / 1024).toFixed(1), rawKB: +(js.rawBytes / 1024).toFixed(1), budgetKB: 350 },
    coldInteractiveMs: { median: Math.round(median(interactive)), max: Math.round(Math.max(...interactive)), budget: 1500, all: interactive.map(Math.round) },
    matchApiMs: { median: Math.round(median(api)) },
    resultsOnScreenAfterAnswerMs: { median: Math.round(median(render)), max: Math.round(Math.max(...render)), budget: 300, all: render.map(Math.round) },
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
