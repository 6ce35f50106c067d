import { Badge } from '../components/Badge';
import type { CoachReferralSummaryFragment, ReferralStatus } from '../graphql/generated/graphql';
import { t } from '../texts';
import { daysSince } from './referral';

const KIND: Record<ReferralStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  DRAFT: 'info',
  SENT: 'info',
  SEEN: 'info',
  ACCEPTED: 'success',
  WAITING_LIST: 'warning',
  DECLINED: 'danger',
  IN_PROGRESS: 'success',
  COMPLETED: 'success',
  NOT_COME_ABOUT: 'danger',
  WITHDRAWN: 'info',
};

/** The status in words (the API's German label) and, when flagged, how long nothing came back. */
export function ReferralStatusBadges({ referral, now = new Date() }: { referral: Pick<CoachReferralSummaryFragment, 'status' | 'statusLabel' | 'stale' | 'updatedAt'>; now?: Date }) {
  return (
    <p className="lotse-badges">
      <span className="kern-sr-only">{t.referral.status}: </span>
      <Badge kind={KIND[referral.status]}>{referral.statusLabel}</Badge>
      {referral.stale && <Badge kind="warning">{t.referral.stale(daysSince(referral.updatedAt, now))}</Badge>}
    </p>
  );
}
