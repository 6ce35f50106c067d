import { chromiumAvailable, startBrowserHarness, type BrowserHarness } from './browser-support';
import { coachJourney } from './journeys/coach';
import { frameJourney } from './journeys/frame';
import { referralsCoachJourney } from './journeys/referrals-coach';
import { importJourney } from './journeys/import';
import { partnerAdminJourney } from './journeys/partner-admin';
import { referralsPartnerJourney } from './journeys/referrals-partner';
import { rolesJourney } from './journeys/roles';

/**
 * The web app in a real browser — ONE API boot and one Chromium for all journeys (keeps CI short).
 * Each role's journey lives in journeys/<role>.ts; add yours as another describe block here.
 * After every test: no request left this machine's API (nothing from a CDN), no CSP violation.
 */
const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('web app in Chromium', () => {
  let harness: BrowserHarness;
  const h = () => harness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  }, 300_000); // the boot with demo data is slow on a loaded CI machine

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
  });

  describe('frame and login', () => frameJourney(h));
  describe('coach', () => coachJourney(h));
  describe('partner and coordinator', () => rolesJourney(h));
  describe('coach referrals', () => referralsCoachJourney(h));
  describe('import and approximate points', () => importJourney(h));
  describe('partner administration and the coach’s map origin', () => partnerAdminJourney(h));
  describe('referrals: partner inbox and coordinator aggregates', () => referralsPartnerJourney(h));
});
