import { chromiumAvailable, startBrowserHarness, type BrowserHarness } from './browser-support';
import { rolesJourney } from './journeys/roles';

/** Runner for the partner's and coordinator's journeys (joins the one browser suite once that lands). */
const describeBrowser = chromiumAvailable ? describe : describe.skip;

describeBrowser('partner and coordinator screens in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  }, 300_000); // the boot with demo data is slow on a loaded machine

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
  });

  rolesJourney(() => harness);
});
