import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@lotse/auth';
import { CatalogueModule } from '@lotse/catalogue';
import { ReferralResolver } from './graphql/referral.resolver';
import { ReferralNotifier } from './notify/referral-notifier';
import { ReferralClock } from './referral.clock';
import { ReferralRetentionJob } from './retention.job';
import { ReferralStaleReminderJob } from './stale-reminder.job';
import { REFERRAL_ENTITIES } from './referral.entities';
import { ReferralRepository } from './referral.repository';
import { ReferralService } from './referral.service';

@Module({
  imports: [TypeOrmModule.forFeature(REFERRAL_ENTITIES), CatalogueModule, AuthModule],
  providers: [ReferralRepository, ReferralService, ReferralClock, ReferralNotifier, ReferralRetentionJob, ReferralStaleReminderJob, ReferralResolver],
  exports: [ReferralService, ReferralClock, ReferralNotifier, ReferralRetentionJob, ReferralStaleReminderJob],
})
export class ReferralModule {}
