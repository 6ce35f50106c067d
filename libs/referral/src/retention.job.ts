import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@lotse/config';
import { ReferralService } from './referral.service';

const DAY_MS = 86_400_000;
/** The first run waits a little, so start-up (migrations, seeds) is not slowed by it. */
const FIRST_RUN_MS = 60_000;

/**
 * The daily retention run in the API process (REFERRAL_RETENTION_JOB, on by default). Several API
 * processes may each run it: the DELETE is idempotent. `npm run cli -- referrals-purge` does the same
 * on demand.
 */
@Injectable()
export class ReferralRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralRetention');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly referrals: ReferralService,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.REFERRAL_RETENTION_JOB) return;
    this.timer = setTimeout(() => {
      void this.run();
      this.timer = setInterval(() => void this.run(), DAY_MS);
      this.timer.unref();
    }, FIRST_RUN_MS);
    this.timer.unref();
  }

  async run(): Promise<number> {
    try {
      const { deleted } = await this.referrals.purgeExpired();
      this.logger.log({ msg: 'referral retention', deleted, months: this.env.REFERRAL_RETENTION_MONTHS });
      return deleted;
    } catch (e) {
      this.logger.error({ msg: 'referral retention failed', error: (e as Error).message });
      return 0;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
