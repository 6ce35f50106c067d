import { Injectable } from '@nestjs/common';

/**
 * The referral capability's clock: every timestamp it writes and every "days since" it computes
 * comes from here, so tests move time by replacing `now` instead of depending on today's date.
 */
@Injectable()
export class ReferralClock {
  now(): Date {
    return new Date();
  }
}
