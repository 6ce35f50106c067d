import { nextStatuses, REASON_LABELS_DE, ReferralSide, STATUS_INFO } from '../domain/referral-states';
import { CONTACT_ROUTE_LABELS_DE, ConsentScope, ReferralEventRecord, ReferralRecord, URGENCY_LABELS_DE } from '../domain/referral.types';
import { ReferralEventType, ReferralType } from './referral.graphql-types';

/** Entity row → API shape, for the side the caller is on. Target names are filled in by a field resolver. */
export function toReferralType(r: ReferralRecord, side: ReferralSide, stale: boolean): ReferralType {
  const info = STATUS_INFO[r.status];
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    statusLabel: info.labelDe,
    fhirTaskStatus: info.fhirStatus,
    fhirBusinessStatus: info.fhirBusinessStatus,
    reason: r.reason as ReferralType['reason'],
    reasonLabel: r.reason ? REASON_LABELS_DE[r.reason] : null,
    reasonText: r.reasonText,
    needs: r.needs,
    urgency: r.urgency,
    urgencyLabel: URGENCY_LABELS_DE[r.urgency],
    languages: r.languages,
    contactRoute: r.contactRoute,
    contactRouteLabel: CONTACT_ROUTE_LABELS_DE[r.contactRoute],
    note: r.note,
    consent: r.consentGivenAt ? { scopes: (r.consentScopes ?? []) as ConsentScope[], givenAt: r.consentGivenAt, withdrawnAt: r.consentWithdrawnAt } : null,
    target: { organizationId: r.organizationId, organizationName: null, serviceId: r.serviceId, serviceName: null, locationId: r.locationId, locationAddress: null, districtAgs: r.districtAgs },
    viewerSide: side,
    nextStatuses: nextStatuses(r.status, side),
    stale: side === ReferralSide.COACH && stale,
    sentAt: r.sentAt,
    seenAt: r.seenAt,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    // internal, for the field resolvers; not in the schema
    ...({ coachUserId: r.coachUserId } as object),
  };
}

export function toReferralEventType(e: ReferralEventRecord): ReferralEventType {
  return {
    version: e.version,
    occurredAt: e.occurredAt,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    toStatusLabel: STATUS_INFO[e.toStatus].labelDe,
    side: e.side,
    reason: e.reason as ReferralEventType['reason'],
    reasonLabel: e.reason ? REASON_LABELS_DE[e.reason] : null,
    reasonText: e.reasonText,
  };
}
