import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { CompletionOutcome, DeclineReason, ReferralStatus } from '../domain/referral-states';
import { ConsentScope, ContactRoute, ReferralRecord, Urgency } from '../domain/referral.types';
import { toFhirBundle } from './referral-fhir';

const validator = new JSONSchemaValidator();

function referral(overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  const at = new Date('2026-03-02T09:00:00Z');
  return {
    id: '3f0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b', code: '7KQM-X4TB-9HZD', coachUserId: '1b0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b',
    organizationId: '2c0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b', serviceId: '4d0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b', locationId: '5e0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b',
    districtAgs: '14627', needs: ['addiction', 'psychosocial_counselling'], urgency: Urgency.URGENT, languages: ['de', 'uk'],
    contactRoute: ContactRoute.PARTICIPANT_CALLS, note: 'Bitte vormittags.', consentScopes: [ConsentScope.SHARE_WITH_PARTNER, ConsentScope.STATUS_FEEDBACK],
    consentGivenAt: at, consentWithdrawnAt: null, status: ReferralStatus.SENT, reason: null, reasonText: null, sentAt: at, seenAt: null, closedAt: null,
    createdAt: at, updatedAt: at, version: 1, ...overrides,
  };
}
const NAMES = { organizationName: 'Suchtberatung (fiktiv)', serviceName: 'Beratung', needLabels: { addiction: 'Sucht' } };

describe('FHIR R4 export of a referral', () => {
  const cases: [string, Partial<ReferralRecord>][] = [
    ['sent', {}],
    ['draft without consent', { status: ReferralStatus.DRAFT, consentGivenAt: null, consentScopes: null, sentAt: null, note: null }],
    ['declined for lack of capacity', { status: ReferralStatus.DECLINED, reason: DeclineReason.NO_CAPACITY, closedAt: new Date('2026-03-05T10:00:00Z') }],
    ['declined for another reason', { status: ReferralStatus.DECLINED, reason: DeclineReason.OTHER, reasonText: 'ruht', closedAt: new Date('2026-03-05T10:00:00Z') }],
    ['completed', { status: ReferralStatus.COMPLETED, reason: CompletionOutcome.GOT_HELP, closedAt: new Date('2026-04-05T10:00:00Z') }],
    ['waiting list', { status: ReferralStatus.WAITING_LIST }],
  ];
  it.each(cases)('is a valid R4 Bundle of ServiceRequest and Task: %s', (_name, overrides) => {
    const bundle = toFhirBundle(referral(overrides), NAMES) as any;
    expect(validator.validate(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
    const [sr, task] = bundle.entry.map((e: any) => e.resource);
    expect(sr).toMatchObject({ resourceType: 'ServiceRequest', intent: 'order', priority: 'urgent', subject: { identifier: { value: '7KQM-X4TB-9HZD' } } });
    expect(task).toMatchObject({ resourceType: 'Task', focus: { reference: `ServiceRequest/${sr.id}` }, owner: { reference: 'Organization/2c0c6f5e-8d1b-4c1e-9a57-0c1d2e3f4a5b' } });
  });

  it('maps statuses, business status, reasons and outcomes', () => {
    const seen = toFhirBundle(referral({ status: ReferralStatus.SEEN }), NAMES) as any;
    expect(seen.entry[1].resource).toMatchObject({ status: 'requested', businessStatus: { text: 'seen' } });
    const declined = toFhirBundle(referral({ status: ReferralStatus.DECLINED, reason: DeclineReason.NO_CAPACITY, closedAt: new Date() }), NAMES) as any;
    expect(declined.entry[0].resource.status).toBe('revoked');
    expect(declined.entry[1].resource).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: 'no_capacity', display: 'Keine Kapazität' }] } });
    const done = toFhirBundle(referral({ status: ReferralStatus.COMPLETED, reason: CompletionOutcome.REFERRED_ON, closedAt: new Date() }), NAMES) as any;
    expect(done.entry[1].resource).toMatchObject({ status: 'completed', output: [{ valueCodeableConcept: { coding: [{ code: 'referred_on' }] } }] });
    expect(done.entry[0].resource.status).toBe('completed');
    // nothing but the pseudonymous code stands for the person: no Patient resource, no contained resources
    expect(JSON.stringify(done)).not.toMatch(/"Patient|contained/);
  });

  it('is refused by the schema when broken (the validator really validates)', () => {
    const bundle = toFhirBundle(referral(), NAMES) as any;
    bundle.entry[1].resource.status = 'waiting';
    expect(validator.validate(bundle).length).toBeGreaterThan(0);
  });
});
