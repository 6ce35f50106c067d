import { ArgsType, Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AccessibilityFeature, DeliveryMode, IsLanguageCode, MedicalSpecialty, ServiceCategory } from '@lotse/catalogue';
import { DepartureWindowInput, TravelMode } from '@lotse/travel';
import { MatchFactor } from '../scoring/weights';
import { NeedPartnerKind, PartnerKindMode } from '../partner-kinds';

/**
 * Needs per match request. Every need adds up to CANDIDATE_LIMIT candidates and its share of the
 * bundle's search, so the cap bounds a request's CPU; it is above the taxonomy's size (17), so a
 * coach can always ask for everything a participant needs.
 */
export const MAX_NEEDS_PER_REQUEST = 20;

registerEnumType(MatchFactor, { name: 'MatchFactor', description: 'A factor of the match score' });
registerEnumType(PartnerKindMode, {
  name: 'PartnerKindMode',
  description: "REQUIRE: only this kind answers the need (instead of the need's default kinds); PREFER: the default kinds still answer it, this kind ranks first and fills the bundle",
});

/** Kinds of partner per request: a few per need are plenty. */
export const MAX_PARTNER_KINDS = 40;

@InputType({ description: 'The kind of partner a coach asks for one need: "ein Orthopäde" = specialty ORTHOPAEDICS, "eine Psychiatrische Institutsambulanz" = category CLINIC + specialty PSYCHIATRY, "ein Kurs" = category COURSE. Several for one need mean any of them.' })
export class NeedPartnerKindInput {
  @Field({ description: 'one of the requested needs' }) @IsString() @MaxLength(64)
  need: string;

  @Field(() => ServiceCategory, { nullable: true }) @IsOptional() @IsEnum(ServiceCategory)
  category?: ServiceCategory;

  @Field(() => MedicalSpecialty, { nullable: true, description: 'physicians and clinics: the Facharzt field (medicalSpecialties lists them)' })
  @IsOptional() @IsEnum(MedicalSpecialty)
  specialty?: MedicalSpecialty;

  @Field(() => PartnerKindMode, { defaultValue: PartnerKindMode.REQUIRE }) @IsEnum(PartnerKindMode)
  mode: PartnerKindMode = PartnerKindMode.REQUIRE;
}

export function toNeedPartnerKinds(input: NeedPartnerKindInput[] | undefined): NeedPartnerKind[] | undefined {
  return input?.map((k) => ({ need: k.need, kind: { category: k.category ?? undefined, specialty: k.specialty ?? undefined }, mode: k.mode ?? PartnerKindMode.REQUIRE }));
}

@InputType({ description: 'Exactly one of: latitude+longitude, postcode, municipalityAgs, place' })
export class OriginInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' })
  postcode?: string;

  @Field({ nullable: true, description: "Gemeinde AGS; its main settlement's point is used" })
  @IsOptional() @Matches(/^\d{8}$/, { message: 'municipalityAgs must be an 8-digit AGS' })
  municipalityAgs?: string;

  @Field({ nullable: true, description: 'a place of Saxony: its id from the places lookup, or its name as typed (typos forgiven; the best match is used and named in the result)' })
  @IsOptional() @IsString() @MinLength(1, { message: 'place must not be empty' }) @MaxLength(100, { message: 'place must be at most 100 characters' })
  place?: string;
}

@InputType()
export class TravelInput {
  @Field(() => TravelMode, { defaultValue: TravelMode.PUBLIC_TRANSPORT }) @IsEnum(TravelMode)
  mode: TravelMode = TravelMode.PUBLIC_TRANSPORT;

  @Field(() => Int, { nullable: true, description: 'Travel-time limit in minutes (default 60 when no kilometre limit is given)' })
  @IsOptional() @IsInt() @Min(1, { message: 'maxMinutes must be at least 1' }) @Max(240, { message: 'maxMinutes must be at most 240' })
  maxMinutes?: number;

  @Field(() => Float, { nullable: true, description: 'Straight-line distance limit in kilometres' })
  @IsOptional() @Min(0.1, { message: 'maxKilometers must be at least 0.1' }) @Max(300, { message: 'maxKilometers must be at most 300' })
  maxKilometers?: number;

  @Field(() => DepartureWindowInput, { nullable: true, description: 'public transport: when the participant leaves (default Tuesday 07:00–09:00); used where a timetable is loaded' })
  @IsOptional() @ValidateNested() @Type(() => DepartureWindowInput)
  departure?: DepartureWindowInput;
}

@InputType()
export class OpenAtInput {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' }) @IsInt() @Min(1) @Max(7)
  weekday: number;

  @Field({ description: 'HH:MM, Europe/Berlin' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM' })
  time: string;
}

@InputType({ description: 'Hard filters: a target that fails one is not returned' })
export class MatchConstraintsInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120)
  age?: number;

  @Field(() => [String], { nullable: true, description: 'languages the participant speaks, preferred first (ISO 639-1 such as "uk", or ISO 639-3 such as "hsb"); a target must offer one' })
  @IsOptional() @ArrayMaxSize(10) @IsLanguageCode()
  languages?: string[];

  @Field({ nullable: true }) @IsOptional() @IsBoolean()
  stepFreeAccess?: boolean;

  @Field(() => [AccessibilityFeature], { nullable: true, description: 'all of these' })
  @IsOptional() @ArrayMaxSize(10) @IsEnum(AccessibilityFeature, { each: true })
  accessibility?: AccessibilityFeature[];

  @Field(() => [DeliveryMode], { nullable: true, description: 'acceptable delivery modes; a target must offer one' })
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(10) @IsEnum(DeliveryMode, { each: true })
  deliveryModes?: DeliveryMode[];

  @Field({ nullable: true, description: 'only free, statutory-insurance or insurer-subsidised offers' }) @IsOptional() @IsBoolean()
  costCovered?: boolean;

  @Field({ nullable: true }) @IsOptional() @IsBoolean()
  acceptingNewClientsOnly?: boolean;

  @Field(() => Int, { nullable: true, description: 'courses only: a run with free seats starts within this many days' })
  @IsOptional() @IsInt() @Min(0) @Max(365)
  courseStartsWithinDays?: number;

  @Field(() => OpenAtInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OpenAtInput)
  openAt?: OpenAtInput;
}

@InputType({ description: 'Soft preferences: they shift weights, they filter nothing' })
export class MatchPreferencesInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() ownDistrict?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() outreach?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() shortWait?: boolean;
}

@InputType({ description: "A participant's needs, place and constraints — never their identity. Not stored." })
export class MatchRequestInput {
  @Field(() => [String], { description: `need codes of the taxonomy, at most ${MAX_NEEDS_PER_REQUEST}` })
  @ArrayMinSize(1, { message: 'needs must name at least one need' })
  @ArrayMaxSize(MAX_NEEDS_PER_REQUEST, { message: `needs: at most ${MAX_NEEDS_PER_REQUEST} needs per request` })
  @IsString({ each: true }) @MaxLength(64, { each: true })
  needs: string[];

  @Field(() => OriginInput) @ValidateNested() @Type(() => OriginInput)
  origin: OriginInput;

  @Field({ nullable: true, description: "participant's district (AGS); defaults to the origin's" })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field(() => TravelInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TravelInput)
  travel?: TravelInput;

  @Field(() => MatchConstraintsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MatchConstraintsInput)
  constraints?: MatchConstraintsInput;

  @Field(() => MatchPreferencesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MatchPreferencesInput)
  preferences?: MatchPreferencesInput;

  @Field(() => [NeedPartnerKindInput], { nullable: true, description: "per need, the kind of partner asked for; a need without one is answered by its default kinds (needsTaxonomy.terms.defaultPartnerKinds) — rooms and employment measures only when asked for" })
  @IsOptional() @ArrayMaxSize(MAX_PARTNER_KINDS, { message: `partnerKinds: at most ${MAX_PARTNER_KINDS}` }) @ValidateNested({ each: true }) @Type(() => NeedPartnerKindInput)
  partnerKinds?: NeedPartnerKindInput[];

  @Field({ defaultValue: true, description: 'no organization twice for the same need' }) @IsBoolean()
  diversify: boolean = true;
}

@ArgsType()
export class MatchArgs {
  @Field(() => MatchRequestInput) @ValidateNested() @Type(() => MatchRequestInput)
  request: MatchRequestInput;
}

@InputType({ description: 'One person of the household: their own needs, constraints and preferences. Persons are numbered in order ("Person 1", …), never named.' })
export class HouseholdMemberInput {
  @Field(() => [String], { description: 'need codes of the taxonomy' })
  @ArrayMinSize(1, { message: 'needs must name at least one need' }) @ArrayMaxSize(6) @IsString({ each: true }) @MaxLength(64, { each: true })
  needs: string[];

  @Field(() => MatchConstraintsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MatchConstraintsInput)
  constraints?: MatchConstraintsInput;

  @Field(() => MatchPreferencesInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MatchPreferencesInput)
  preferences?: MatchPreferencesInput;

  @Field(() => [NeedPartnerKindInput], { nullable: true, description: 'per need of this person, the kind of partner asked for' })
  @IsOptional() @ArrayMaxSize(MAX_PARTNER_KINDS) @ValidateNested({ each: true }) @Type(() => NeedPartnerKindInput)
  partnerKinds?: NeedPartnerKindInput[];
}

@InputType({ description: 'Several people of one household (Bedarfsgemeinschaft, e.g. PASE: the ill person and their partner) with one origin. Not stored.' })
export class HouseholdRequestInput {
  @Field(() => [HouseholdMemberInput], { description: '2–4 persons, together at most 8 needs' })
  @ArrayMinSize(2, { message: 'members must name at least two persons' }) @ArrayMaxSize(4, { message: 'members must name at most four persons' })
  @ValidateNested({ each: true }) @Type(() => HouseholdMemberInput)
  members: HouseholdMemberInput[];

  @Field(() => OriginInput) @ValidateNested() @Type(() => OriginInput)
  origin: OriginInput;

  @Field({ nullable: true, description: "the household's district (AGS); defaults to the origin's" })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field(() => TravelInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TravelInput)
  travel?: TravelInput;

  @Field({ defaultValue: true, description: 'no organization twice for the same need, per person' }) @IsBoolean()
  diversify: boolean = true;
}

@ArgsType()
export class HouseholdMatchArgs {
  @Field(() => HouseholdRequestInput) @ValidateNested() @Type(() => HouseholdRequestInput)
  request: HouseholdRequestInput;
}
