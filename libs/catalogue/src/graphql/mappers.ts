import { isApproximate } from '@lotse/geo';
import { Location, Organization, Service } from '../domain/models';
import { PartnerKind, partnerKindLabel } from '../domain/partner-kinds';
import { costPhraseDe } from '../domain/handover';
import { LocationType, OrganizationType, PartnerKindType, ServiceType } from './catalogue.graphql-types';

export function toOrganizationType(o: Organization): OrganizationType {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    identifiers: o.identifiers as OrganizationType['identifiers'],
    website: o.website,
    email: o.email,
    phones: o.phones,
    status: o.status,
    fictitious: o.fictitious,
    verification: { verifiedAt: o.verifiedAt, verifiedBy: o.verifiedBy },
    version: o.version,
    updatedAt: o.updatedAt,
  };
}

export function toServiceType(s: Service): ServiceType & { organizationId: string } {
  return {
    id: s.id,
    organizationId: s.organizationId,
    name: s.name,
    description: s.description,
    category: s.category,
    specialty: s.specialty,
    eligibility: { minAge: s.minAge, maxAge: s.maxAge, insuranceRequirement: s.insuranceRequirement, note: s.eligibilityNote },
    languages: s.languages,
    accessibility: s.accessibility,
    deliveryModes: s.deliveryModes,
    serviceArea: (s.serviceArea ?? []).map((ags) => ({ ags, level: ags.length === 5 ? 'DISTRICT' : 'MUNICIPALITY' })),
    equipment: s.equipment ?? [],
    cost: { type: s.costType, feeAmountEuro: s.feeAmount, note: s.costNote, textDe: costPhraseDe({ type: s.costType, feeAmountEuro: s.feeAmount }) },
    capacity: { acceptingNewClients: s.acceptingNewClients, freeSeats: s.freeSeats, waitingDays: s.waitingDays, updatedAt: s.capacityUpdatedAt },
    verification: { verifiedAt: s.verifiedAt ?? null, verifiedBy: s.verifiedBy ?? null },
    status: s.status,
    version: s.version,
    updatedAt: s.updatedAt,
  };
}

export function toLocationType(l: Location): LocationType & { organizationId: string } {
  return {
    id: l.id,
    organizationId: l.organizationId,
    name: l.name,
    street: l.street,
    postcode: l.postcode,
    town: l.town,
    latitude: l.latitude,
    longitude: l.longitude,
    geocodePrecision: l.geocodePrecision,
    approximate: isApproximate(l.geocodePrecision),
    districtAgs: l.districtAgs,
    municipalityAgs: l.municipalityAgs,
    phones: l.phones ?? [],
    version: l.version,
  };
}

export function toPartnerKindType(k: PartnerKind): PartnerKindType {
  return { category: k.category ?? null, specialty: k.specialty ?? null, labelDe: partnerKindLabel(k) };
}
