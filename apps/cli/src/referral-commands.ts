import { INestApplicationContext } from '@nestjs/common';
import { ReferralService } from '@lotse/referral';

export const REFERRAL_USAGE = `  referrals-purge                      delete referrals closed more than REFERRAL_RETENTION_MONTHS ago (default 12) and drafts
                                       untouched as long; the coordinators' counts stay (the API does this daily too)`;

export const REFERRAL_COMMANDS: Record<string, (app: INestApplicationContext, args: string[]) => Promise<void>> = {
  async 'referrals-purge'(app) {
    const { deleted, cutoff } = await app.get(ReferralService).purgeExpired();
    process.stdout.write(`Deleted ${deleted} referrals closed before ${cutoff.toISOString().slice(0, 10)}.\n`);
  },
};
