import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@lotse/common';
import { GeocodePrecision } from '@lotse/geo';
import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  RoomEquipment,
  ServiceCategory,
  ServiceStatus,
} from '../domain/enums';
import './enums.graphql';

@ObjectType('Identifier')
export class IdentifierType {
  @Field(() => IdentifierScheme) scheme: IdentifierScheme;
  @Field() value: string;
}

@ObjectType('Phone')
export class PhoneType {
  @Field() number: string;
  @Field({ nullable: true }) label?: string;
}

@ObjectType('Verification')
export class VerificationType {
  @Field(() => Date, { nullable: true }) verifiedAt: Date | null;
  @Field(() => String, { nullable: true }) verifiedBy: string | null;
}

@ObjectType('Organization', { description: 'Partner organisation (HSDS organization)' })
export class OrganizationType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field(() => [IdentifierType]) identifiers: IdentifierType[];
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => [PhoneType]) phones: PhoneType[];
  @Field(() => OrganizationStatus) status: OrganizationStatus;
  @Field({ description: 'true for invented demo partners — never refer a participant to them' }) fictitious: boolean;
  @Field(() => VerificationType) verification: VerificationType;
  @Field(() => Int, { description: 'Increases with every change (optimistic concurrency)' }) version: number;
  @Field() updatedAt: Date;
}

@ObjectType('Location', { description: 'Standort (HSDS location); district and municipality are derived from the point' })
export class LocationType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() street: string;
  @Field() postcode: string;
  @Field() town: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => GeocodePrecision, { description: 'how exact the point is: EXACT when placed by hand or given as coordinates, else what the geocoder found from the address' })
  geocodePrecision: GeocodePrecision;
  @Field({ description: 'true when the point is only the street’s, postcode’s or locality’s (“Punkt ungefähr”): move the pin to the entrance' }) approximate: boolean;
  @Field(() => String, { nullable: true, description: '5-digit AGS; null outside Saxony' }) districtAgs: string | null;
  @Field(() => String, { nullable: true, description: '8-digit AGS; null outside Saxony' }) municipalityAgs: string | null;
  @Field(() => [PhoneType], { description: 'the phones of this place, each labelled ("Anmeldung", "Sekretariat")' }) phones: PhoneType[];
  @Field(() => Int) version: number;
}

@ObjectType('NeedTerm', { description: 'A need (Bedarf) of the taxonomy' })
export class NeedTermType {
  @Field({ description: 'Stable code' }) code: string;
  @Field() labelDe: string;
  @Field() labelEn: string;
  @Field() group: string;
  @Field() descriptionDe: string;
  @Field() taxonomyVersion: string;
  @Field(() => String, { nullable: true, description: 'the broader need (taxonomy 2026.2): a request for the parent also finds this need’s services' })
  parentCode: string | null;
}

@ObjectType('PartnerKind', { description: 'A kind of partner: a category, a medical specialty, or both' })
export class PartnerKindType {
  @Field(() => ServiceCategory, { nullable: true }) category: ServiceCategory | null;
  @Field(() => MedicalSpecialty, { nullable: true }) specialty: MedicalSpecialty | null;
  @Field({ description: 'German, e.g. "Arztpraxis: Orthopädie und Unfallchirurgie", "Klinik", "Kurs"' }) labelDe: string;
}

@ObjectType('MedicalSpecialtyInfo', { description: 'A medical specialty of the documented list (MWBO 2018 Facharzt competences and a few qualifications)' })
export class MedicalSpecialtyInfoType {
  @Field(() => MedicalSpecialty) code: MedicalSpecialty;
  @Field({ description: 'name of the Facharzt competence, e.g. "Orthopädie und Unfallchirurgie"' }) labelDe: string;
  @Field({ description: 'the Gebiet of the Weiterbildungsordnung, e.g. "Chirurgie"' }) fieldDe: string;
  @Field({ description: 'FACHARZT, PSYCHOTHERAPY (Psychotherapeutengesetz) or ADDITIONAL (Zusatz-Weiterbildung)' }) qualification: string;
  @Field(() => [String], { description: 'what the physician is called: "Orthopäde", "Orthopädin"' }) personDe: string[];
  @Field({ description: 'part of hausärztliche Versorgung (GP care)' }) primaryCare: boolean;
}

@ObjectType('Eligibility')
export class EligibilityType {
  @Field(() => Int, { nullable: true }) minAge: number | null;
  @Field(() => Int, { nullable: true }) maxAge: number | null;
  @Field(() => InsuranceRequirement) insuranceRequirement: InsuranceRequirement;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('Cost')
export class CostInfoType {
  @Field(() => CostType) type: CostType;
  @Field(() => Float, { nullable: true, description: 'Fee in euro when type is FEE' }) feeAmountEuro: number | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'German, as a coach hands it over: "kostenfrei", "Kassenleistung (gesetzliche Krankenversicherung)", "Krankenkasse bezuschusst", "Gebühr 40 €"' }) textDe: string;
}

@ObjectType('ServiceArea', { description: 'A district or municipality an outreach or online service serves (HSDS service_area)' })
export class ServiceAreaType {
  @Field({ description: '5-digit district AGS or 8-digit municipality AGS' }) ags: string;
  @Field({ description: 'DISTRICT or MUNICIPALITY' }) level: string;
}

@ObjectType('Capacity', { description: 'Free seats and waiting time as last reported by the partner' })
export class CapacityType {
  @Field() acceptingNewClients: boolean;
  @Field(() => Int, { nullable: true }) freeSeats: number | null;
  @Field(() => Int, { nullable: true, description: 'Typical waiting time in days' }) waitingDays: number | null;
  @Field() updatedAt: Date;
}

@ObjectType('OpeningHours')
export class OpeningHoursType {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @Field({ description: 'HH:MM, Europe/Berlin' }) opensAt: string;
  @Field({ description: 'HH:MM, Europe/Berlin' }) closesAt: string;
}

@ObjectType('CourseSession', { description: 'A run of a course' })
export class CourseSessionType {
  @Field(() => ID) id: string;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'YYYY-MM-DD' }) endsOn: string;
  @Field(() => Int) weekday: number;
  @Field() startTime: string;
  @Field() endTime: string;
  @Field(() => Int) seats: number;
  @Field(() => Int) freeSeats: number;
}

@ObjectType('Language', { description: 'A language (ISO 639) with its German name' })
export class LanguageType {
  @Field({ description: 'the code Lotse uses: ISO 639-1 where the language has one ("uk"), else ISO 639-3 ("hsb")' }) code: string;
  @Field({ description: 'German name, e.g. "Obersorbisch" (the English reference name where CLDR has no German one)' }) nameDe: string;
  @Field() iso6393: string;
  @Field(() => String, { nullable: true }) iso6391: string | null;
}

@ObjectType('Service', { description: 'Angebot (HSDS service)' })
export class ServiceType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => ServiceCategory) category: ServiceCategory;
  @Field(() => MedicalSpecialty, { nullable: true }) specialty: MedicalSpecialty | null;
  @Field(() => EligibilityType) eligibility: EligibilityType;
  @Field(() => [String], { description: 'language codes: ISO 639-1 where one exists, else ISO 639-3 (see languageNames)' }) languages: string[];
  @Field(() => [AccessibilityFeature]) accessibility: AccessibilityFeature[];
  @Field(() => [DeliveryMode]) deliveryModes: DeliveryMode[];
  @Field(() => [ServiceAreaType], { description: 'outreach and online: the districts and municipalities it serves; empty when it serves only at its locations' }) serviceArea: ServiceAreaType[];
  @Field(() => [RoomEquipment], { description: 'rooms: what the room offers' }) equipment: RoomEquipment[];
  @Field(() => CostInfoType) cost: CostInfoType;
  @Field(() => CapacityType) capacity: CapacityType;
  @Field(() => VerificationType, { description: 'when a coordinator last confirmed this listing, and who (capacity has its own stamp)' }) verification: VerificationType;
  @Field(() => ServiceStatus) status: ServiceStatus;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType('ServiceAtLocation', { description: 'A service offered at one location, with its distance from the search point' })
export class ServiceAtLocationType {
  @Field(() => ServiceType) service: ServiceType;
  @Field(() => LocationType) location: LocationType;
  @Field(() => Float, { description: 'Straight-line (spheroid) distance in metres' }) distanceMeters: number;
}

@ObjectType('CategoryCount')
export class CategoryCountType {
  @Field(() => ServiceCategory) category: ServiceCategory;
  @Field(() => Int) count: number;
}

@ObjectType('NeedsTaxonomy')
export class NeedsTaxonomyType {
  @Field() version: string;
  @Field(() => [NeedTermType]) terms: NeedTermType[];
}

@ObjectType() export class OrganizationConnection extends Connection(OrganizationType, 'Organization') {}
@ObjectType() export class ServiceConnection extends Connection(ServiceType, 'Service') {}
@ObjectType() export class LocationConnection extends Connection(LocationType, 'Location') {}
@ObjectType() export class ServiceAtLocationConnection extends Connection(ServiceAtLocationType, 'ServiceAtLocation') {}
