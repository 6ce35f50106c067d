import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@lotse/config';
import { ReferralService } from './referral.service';

const DAY_MS = 86_400_000;
/** The first run waits a little, so start-up (migrations, seeds) is not slowed by it. */
const FIRST_RUN_MS = 90_000;

/**
 * The daily reminder in the API process (REFERRAL_STALE_MAIL_JOB, on by default): a coach whose
 * referrals have had no update for REFERRAL_STALE_DAYS gets one e-mail — news and a link, nothing
 * of the referrals — once per staleness period. Several API processes may each run it: claiming a
 * referral is one UPDATE, so each reminder goes out once.
 */
@Injectable()
export class ReferralStaleReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralStaleReminder');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly referrals: ReferralService,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.REFERRAL_STALE_MAIL_JOB) return;
    this.timer = setTimeout(() => {
      void this.run();
      this.timer = setInterval(() => void this.run(), DAY_MS);
      this.timer.unref();
    }, FIRST_RUN_MS);
    this.timer.unref();
  }

  /** One run; returns how many coaches were reminded (0 when it failed — logged, tried again tomorrow). */
  async run(): Promise<number> {
    try {
      const { referrals, coaches } = await this.referrals.remindStale();
      this.logger.log({ msg: 'referral stale reminders', referrals, coaches, days: this.env.REFERRAL_STALE_DAYS });
      return coaches;
    } catch (e) {
      this.logger.error({ msg: 'referral stale reminders failed', error: (e as Error).message });
      return 0;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
