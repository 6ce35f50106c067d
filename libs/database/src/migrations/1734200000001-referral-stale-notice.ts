import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals (#16): when the coach was last e-mailed that the referral has had no update for
 * REFERRAL_STALE_DAYS — so the daily reminder goes out once per staleness period, not every day,
 * and several API processes running the job do not each send it (the claim is one UPDATE).
 */
export class ReferralStaleNotice1734200000001 implements MigrationInterface {
  name = 'ReferralStaleNotice1734200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral ADD COLUMN stale_notified_at TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP COLUMN IF EXISTS stale_notified_at`);
  }
}
