import { REASON_LABELS_DE, ReferralStatus, STATUS_INFO } from '../domain/referral-states';
import { CONSENT_SCOPE_LABELS_DE, CONTACT_ROUTE_LABELS_DE, ConsentScope, ReferralRecord } from '../domain/referral.types';

/** Lotse's own code systems (no official one exists for these). */
export const FHIR_SYSTEMS = {
  referralCode: 'urn:lotse:referral-code',
  needs: 'urn:lotse:needs-taxonomy',
  reason: 'urn:lotse:referral-reason',
  lotseStatus: 'urn:lotse:referral-status',
} as const;

/** Profiles of the HL7 SDOH Clinical Care IG (STU 2) whose shape the export follows. */
export const SDOHCC_PROFILES = {
  serviceRequest: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest',
  task: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement',
} as const;

export interface FhirTargetNames {
  organizationName: string | null;
  serviceName: string | null;
  needLabels: Record<string, string>;
}

const SERVICE_REQUEST_STATUS: Record<ReferralStatus, 'draft' | 'active' | 'revoked' | 'completed'> = {
  [ReferralStatus.DRAFT]: 'draft',
  [ReferralStatus.SENT]: 'active',
  [ReferralStatus.SEEN]: 'active',
  [ReferralStatus.ACCEPTED]: 'active',
  [ReferralStatus.WAITING_LIST]: 'active',
  [ReferralStatus.IN_PROGRESS]: 'active',
  [ReferralStatus.DECLINED]: 'revoked',
  [ReferralStatus.NOT_COME_ABOUT]: 'revoked',
  [ReferralStatus.WITHDRAWN]: 'revoked',
  [ReferralStatus.COMPLETED]: 'completed',
};

const instant = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * A referral as FHIR R4: a ServiceRequest (what is asked for, of whom, how urgently) and a Task
 * (its fulfilment: status, businessStatus, reason, outcome) in a collection Bundle, in the shape of
 * the SDOH Clinical Care referral profiles. There is no Patient: the subject is a logical reference
 * by the pseudonymous referral code — exactly what Lotse knows about the person. The export is
 * for the referral's two sides only (it carries the code and the note).
 */
export function toFhirBundle(r: ReferralRecord, names: FhirTargetNames): Record<string, unknown> {
  const info = STATUS_INFO[r.status];
  const subject = { identifier: { system: FHIR_SYSTEMS.referralCode, value: r.code }, display: 'Teilnehmende Person (pseudonym, nur Vermittlungscode)' };
  const performer = drop({ reference: `Organization/${r.organizationId}`, display: names.organizationName ?? undefined });
  const requester = { display: 'Coach (Lotse)' };
  const consent = r.consentGivenAt
    ? `Einwilligung am ${r.consentGivenAt.toISOString()}: ${(r.consentScopes ?? []).map((s) => CONSENT_SCOPE_LABELS_DE[s as ConsentScope] ?? s).join('; ')}${r.consentWithdrawnAt ? ` (widerrufen am ${r.consentWithdrawnAt.toISOString()})` : ''}`
    : null;
  const serviceRequest = drop({
    resourceType: 'ServiceRequest',
    id: r.id,
    meta: { profile: [SDOHCC_PROFILES.serviceRequest], lastUpdated: instant(r.updatedAt) },
    identifier: [{ system: FHIR_SYSTEMS.referralCode, value: r.code }],
    status: SERVICE_REQUEST_STATUS[r.status],
    intent: 'order',
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category', code: 'sdoh', display: 'SDOH' }] }],
    priority: r.urgency,
    code: {
      coding: r.needs.map((need) => drop({ system: FHIR_SYSTEMS.needs, code: need, display: names.needLabels[need] })),
      text: names.serviceName ?? undefined,
    },
    orderDetail: [{ text: `Bevorzugte Sprachen: ${r.languages.join(', ') || '–'}` }],
    subject,
    authoredOn: instant(r.sentAt ?? r.createdAt),
    requester,
    performer: [performer],
    locationReference: [{ reference: `Location/${r.locationId}` }],
    supportingInfo: consent ? [{ display: consent }] : undefined,
    note: r.note ? [{ text: r.note }] : undefined,
    patientInstruction: CONTACT_ROUTE_LABELS_DE[r.contactRoute],
  });
  const reason = r.reason
    ? { coding: [{ system: FHIR_SYSTEMS.reason, code: r.reason, display: REASON_LABELS_DE[r.reason] }], text: r.reasonText ?? REASON_LABELS_DE[r.reason] }
    : undefined;
  const task = drop({
    resourceType: 'Task',
    id: `${r.id}-task`,
    meta: { profile: [SDOHCC_PROFILES.task], lastUpdated: instant(r.updatedAt) },
    identifier: [{ system: FHIR_SYSTEMS.referralCode, value: r.code }],
    basedOn: [{ reference: `ServiceRequest/${r.id}` }],
    status: info.fhirStatus,
    businessStatus: { coding: [{ system: FHIR_SYSTEMS.lotseStatus, code: r.status, display: info.labelDe }], text: info.fhirBusinessStatus ?? info.labelDe },
    statusReason: r.status === ReferralStatus.COMPLETED ? undefined : reason,
    intent: 'order',
    priority: r.urgency,
    code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill', display: 'Fulfill the focal request' }] },
    focus: { reference: `ServiceRequest/${r.id}` },
    for: subject,
    authoredOn: instant(r.sentAt ?? r.createdAt),
    lastModified: instant(r.updatedAt),
    executionPeriod: r.sentAt ? drop({ start: instant(r.sentAt), end: instant(r.closedAt) }) : undefined,
    requester,
    owner: performer,
    output: r.status === ReferralStatus.COMPLETED && reason
      ? [{ type: { text: 'Ergebnis der Vermittlung' }, valueCodeableConcept: reason }]
      : undefined,
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: instant(r.updatedAt),
    entry: [
      { fullUrl: `urn:uuid:${r.id}`, resource: serviceRequest },
      { fullUrl: `urn:uuid:${uuidPlusOne(r.id)}`, resource: task },
    ],
  };
}

/** A second, stable UUID for the Task's fullUrl (the last hex digit turned by one). */
function uuidPlusOne(id: string): string {
  const last = parseInt(id.slice(-1), 16);
  return id.slice(0, -1) + ((last + 1) % 16).toString(16);
}
