import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@lotse/common';
import { AccessibilityFeature, OrganizationKind, OrganizationStatus, ServiceCategory } from '../domain/enums';
import { IsLanguageCode } from '../domain/languages';

export const MAX_RADIUS_METERS = 300_000;

@InputType()
export class ServiceFilterInput {
  @Field(() => [ServiceCategory], { nullable: true, description: 'any of these categories' })
  @IsOptional() @ArrayMaxSize(20) @IsEnum(ServiceCategory, { each: true })
  categories?: ServiceCategory[];

  @Field(() => [String], { nullable: true, description: 'addresses at least one of these need codes' })
  @IsOptional() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(64, { each: true })
  needs?: string[];

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{8}$/, { message: 'municipalityAgs must be an 8-digit AGS' })
  municipalityAgs?: string;

  @Field({ nullable: true, description: 'language the service is offered in: ISO 639-1 ("uk") or ISO 639-3 ("hsb")' })
  @IsOptional() @IsLanguageCode()
  language?: string;

  @Field(() => [AccessibilityFeature], { nullable: true, description: 'has all of these features' })
  @IsOptional() @ArrayMaxSize(10) @IsEnum(AccessibilityFeature, { each: true })
  accessibility?: AccessibilityFeature[];

  @Field({ nullable: true }) @IsOptional() @IsBoolean()
  acceptingNewClients?: boolean;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

@InputType()
export class OrganizationFilterInput {
  @Field(() => [OrganizationKind], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @IsEnum(OrganizationKind, { each: true })
  kinds?: OrganizationKind[];

  @Field(() => OrganizationStatus, { nullable: true, description: 'default ACTIVE' }) @IsOptional() @IsEnum(OrganizationStatus)
  status?: OrganizationStatus;

  @Field({ nullable: true, description: 'has a location in this district' }) @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field({ nullable: true, description: 'part of the name' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
export class LocationFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{8}$/, { message: 'municipalityAgs must be an 8-digit AGS' })
  municipalityAgs?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' })
  postcode?: string;
}

@InputType({ description: 'A point (latitude and longitude) or a postcode, and a radius' })
export class NearInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' })
  postcode?: string;

  @Field(() => Float, { description: `metres, up to ${MAX_RADIUS_METERS}` })
  @Min(1, { message: 'radiusMeters must be at least 1' }) @Max(MAX_RADIUS_METERS, { message: `radiusMeters must be at most ${MAX_RADIUS_METERS}` })
  radiusMeters: number;
}

@ArgsType()
export class ServicesArgs extends PageArgs {
  @Field(() => ServiceFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ServiceFilterInput)
  filter?: ServiceFilterInput;
}

@ArgsType()
export class ServicesNearArgs extends PageArgs {
  @Field(() => NearInput) @ValidateNested() @Type(() => NearInput)
  near: NearInput;

  @Field(() => ServiceFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ServiceFilterInput)
  filter?: ServiceFilterInput;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OrganizationFilterInput)
  filter?: OrganizationFilterInput;
}

@ArgsType()
export class LocationsArgs extends PageArgs {
  @Field(() => LocationFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocationFilterInput)
  filter?: LocationFilterInput;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

@ArgsType()
export class LanguagesArgs {
  @Field({ nullable: true, description: 'beginning of a German or English name, or a code' })
  @IsOptional() @IsString() @MaxLength(60)
  search?: string;

  @Field(() => Int, { nullable: true, description: 'at most this many (default 20, at most 200)' })
  @IsOptional() @IsInt() @Min(1) @Max(200)
  first?: number;
}
