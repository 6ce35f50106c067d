import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@lotse/common';
import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  RoomEquipment,
  ServiceCategory,
} from '../domain/enums';
import { IsLanguageCode } from '../domain/languages';
import { QueueReason } from '../domain/write.types';

registerEnumType(QueueReason, { name: 'QueueReason', description: 'Why a listing is in the coordinators’ queue' });

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{4,30}$/;

@InputType()
export class PhoneInput {
  @Field() @Matches(PHONE, { message: 'number must be a phone number such as +49 351 123456' }) number: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) label?: string;
}

@InputType({ description: "A place's phone: a label says what it is for (Anmeldung, Sekretariat, Kursanmeldung)" })
export class LabelledPhoneInput {
  @Field() @Matches(PHONE, { message: 'number must be a phone number such as +49 351 123456' }) number: string;
  @Field() @IsString() @MinLength(2, { message: 'label must name what the number is for' }) @MaxLength(60) label: string;
}

@InputType()
export class IdentifierInput {
  @Field(() => IdentifierScheme) @IsEnum(IdentifierScheme) scheme: IdentifierScheme;
  @Field() @Matches(/^[0-9A-Za-z-]{3,30}$/, { message: 'value must be 3–30 letters, digits or dashes' }) value: string;
}

@InputType()
export class OrganizationPatchInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @Field(() => OrganizationKind, { nullable: true }) @IsOptional() @IsEnum(OrganizationKind) kind?: OrganizationKind;
  @Field({ nullable: true }) @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'website must be an http(s) URL' }) @MaxLength(500) website?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(320) email?: string;
  @Field(() => [PhoneInput], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => PhoneInput) phones?: PhoneInput[];
  @Field(() => [IdentifierInput], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => IdentifierInput) identifiers?: IdentifierInput[];
}

@InputType()
export class RegisterOrganizationInput extends OrganizationPatchInput {
  @Field() @IsString() @MinLength(2) @MaxLength(300) declare name: string;
  @Field(() => OrganizationKind) @IsEnum(OrganizationKind) declare kind: OrganizationKind;
  @Field({ description: 'who receives the invitation to manage the organisation' }) @IsEmail({}, { message: 'contactEmail must be an e-mail address' }) @MaxLength(320)
  contactEmail: string;
}

@InputType({ description: 'An address; latitude and longitude are optional — without them the address is geocoded (see geocodePrecision), with them they win' })
export class LocationPatchInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(300) street?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) postcode?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) town?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude({ message: 'latitude must be between -90 and 90' }) latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude({ message: 'longitude must be between -180 and 180' }) longitude?: number;
  @Field(() => [LabelledPhoneInput], { nullable: true, description: "the place's phones, each labelled" })
  @IsOptional() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => LabelledPhoneInput) phones?: LabelledPhoneInput[];
}

@InputType()
export class LocationInputGql extends LocationPatchInput {
  @Field() @IsString() @MinLength(2) @MaxLength(300) declare street: string;
  @Field() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) declare postcode: string;
  @Field() @IsString() @MinLength(2) @MaxLength(200) declare town: string;
}

@InputType()
export class ServicePatchInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @Field(() => ServiceCategory, { nullable: true }) @IsOptional() @IsEnum(ServiceCategory) category?: ServiceCategory;
  @Field(() => MedicalSpecialty, { nullable: true }) @IsOptional() @IsEnum(MedicalSpecialty) specialty?: MedicalSpecialty;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMinSize(1, { message: 'needs must name at least one need' }) @ArrayMaxSize(20) @IsString({ each: true }) needs?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) maxAge?: number;
  @Field(() => InsuranceRequirement, { nullable: true }) @IsOptional() @IsEnum(InsuranceRequirement) insuranceRequirement?: InsuranceRequirement;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) eligibilityNote?: string;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 or ISO 639-3 codes' }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(30) @IsLanguageCode() languages?: string[];
  @Field(() => [AccessibilityFeature], { nullable: true }) @IsOptional() @IsEnum(AccessibilityFeature, { each: true }) accessibility?: AccessibilityFeature[];
  @Field(() => [DeliveryMode], { nullable: true }) @IsOptional() @ArrayMinSize(1) @IsEnum(DeliveryMode, { each: true }) deliveryModes?: DeliveryMode[];
  @Field(() => [String], { nullable: true, description: 'outreach or online services: the districts (5-digit AGS) and municipalities (8-digit AGS) served (HSDS service_area); empty to serve only at the locations' })
  @IsOptional() @ArrayMaxSize(100, { message: 'serviceArea: at most 100 areas' }) @Matches(/^\d{5}(\d{3})?$/, { each: true, message: 'serviceArea: each entry is a 5-digit district or 8-digit municipality AGS' })
  serviceArea?: string[];
  @Field(() => [RoomEquipment], { nullable: true, description: 'rooms (COMMUNITY_ROOM): what the room offers' })
  @IsOptional() @ArrayMaxSize(20) @IsEnum(RoomEquipment, { each: true }) equipment?: RoomEquipment[];
  @Field(() => CostType, { nullable: true }) @IsOptional() @IsEnum(CostType) costType?: CostType;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100000) feeAmountEuro?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) costNote?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMinSize(1, { message: 'locationIds must name at least one location' }) @IsUUID('all', { each: true, message: 'locationIds must be UUIDs' }) locationIds?: string[];
}

@InputType()
export class ServiceInputGql extends ServicePatchInput {
  @Field() @IsString() @MinLength(2) @MaxLength(300) declare name: string;
  @Field() @IsString() @MaxLength(5000) declare description: string;
  @Field(() => ServiceCategory) @IsEnum(ServiceCategory) declare category: ServiceCategory;
  @Field(() => [String]) @ArrayMinSize(1, { message: 'needs must name at least one need' }) @ArrayMaxSize(20) @IsString({ each: true }) declare needs: string[];
  @Field(() => InsuranceRequirement) @IsEnum(InsuranceRequirement) declare insuranceRequirement: InsuranceRequirement;
  @Field(() => [String], { description: 'ISO 639-1 or ISO 639-3 codes' }) @ArrayMinSize(1) @ArrayMaxSize(30) @IsLanguageCode() declare languages: string[];
  @Field(() => [AccessibilityFeature]) @IsEnum(AccessibilityFeature, { each: true }) declare accessibility: AccessibilityFeature[];
  @Field(() => [DeliveryMode]) @ArrayMinSize(1) @IsEnum(DeliveryMode, { each: true }) declare deliveryModes: DeliveryMode[];
  @Field(() => CostType) @IsEnum(CostType) declare costType: CostType;
  @Field(() => [ID]) @ArrayMinSize(1, { message: 'locationIds must name at least one location' }) @IsUUID('all', { each: true, message: 'locationIds must be UUIDs' }) declare locationIds: string[];
}

@InputType()
export class CapacityInputGql {
  @Field() @IsBoolean() acceptingNewClients: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0, { message: 'freeSeats must be 0 or more' }) @Max(10000) freeSeats?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0, { message: 'waitingDays must be 0 or more' }) @Max(730) waitingDays?: number;
}

@InputType()
export class OpeningHoursInputGql {
  @Field(() => Int) @IsInt() @Min(1) @Max(7) weekday: number;
  @Field() @Matches(HHMM, { message: 'opensAt must be HH:MM' }) opensAt: string;
  @Field() @Matches(HHMM, { message: 'closesAt must be HH:MM' }) closesAt: string;
}

@InputType()
export class CourseSessionInputGql {
  @Field() @Matches(DATE, { message: 'startsOn must be YYYY-MM-DD' }) startsOn: string;
  @Field() @Matches(DATE, { message: 'endsOn must be YYYY-MM-DD' }) endsOn: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(7) weekday: number;
  @Field() @Matches(HHMM, { message: 'startTime must be HH:MM' }) startTime: string;
  @Field() @Matches(HHMM, { message: 'endTime must be HH:MM' }) endTime: string;
  @Field(() => Int) @IsInt() @Min(0, { message: 'seats must be 0 or more' }) @Max(1000) seats: number;
  @Field(() => Int) @IsInt() @Min(0, { message: 'freeSeats must be 0 or more' }) @Max(1000) freeSeats: number;
}

@ArgsType()
export class IdVersionArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: 'the version your change is based on' }) @IsInt() @Min(1) expectedVersion: number;
}

@ArgsType() export class UpdateOrganizationArgs extends IdVersionArgs {
  @Field(() => OrganizationPatchInput) @ValidateNested() @Type(() => OrganizationPatchInput) patch: OrganizationPatchInput;
}
@ArgsType() export class CreateLocationArgs {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId: string;
  @Field(() => LocationInputGql) @ValidateNested() @Type(() => LocationInputGql) input: LocationInputGql;
}
@ArgsType() export class UpdateLocationArgs extends IdVersionArgs {
  @Field(() => LocationPatchInput) @ValidateNested() @Type(() => LocationPatchInput) patch: LocationPatchInput;
}
@ArgsType() export class CreateServiceArgs {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId: string;
  @Field(() => ServiceInputGql) @ValidateNested() @Type(() => ServiceInputGql) input: ServiceInputGql;
}
@ArgsType() export class UpdateServiceArgs extends IdVersionArgs {
  @Field(() => ServicePatchInput) @ValidateNested() @Type(() => ServicePatchInput) patch: ServicePatchInput;
}
@ArgsType() export class UpdateCapacityArgs extends IdVersionArgs {
  @Field(() => CapacityInputGql) @ValidateNested() @Type(() => CapacityInputGql) capacity: CapacityInputGql;
}
@ArgsType() export class SetOpeningHoursArgs extends IdVersionArgs {
  @Field(() => [OpeningHoursInputGql]) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OpeningHoursInputGql) hours: OpeningHoursInputGql[];
}
@ArgsType() export class SetCourseSessionsArgs extends IdVersionArgs {
  @Field(() => [CourseSessionInputGql]) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CourseSessionInputGql) sessions: CourseSessionInputGql[];
}
@ArgsType() export class OrganizationStatusArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}
@ArgsType() export class AuditTrailArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'one organisation, service or location' }) @IsOptional() @IsUUID('all', { message: 'resourceId must be a UUID' }) resourceId?: string;
}
@ArgsType() export class VerificationQueueArgs extends PageArgs {
  @Field(() => [QueueReason], { nullable: true, description: 'items with one of these reasons (default: all reasons)' }) @IsOptional() @IsEnum(QueueReason, { each: true }) reasons?: QueueReason[];
  @Field({ nullable: true, description: 'items with a location in this district (5-digit AGS)' }) @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' }) districtAgs?: string;
}
