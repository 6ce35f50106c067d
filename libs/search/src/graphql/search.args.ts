import { ArgsType, Field, Float, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AccessibilityFeature, ServiceCategory } from '@lotse/catalogue';
import { PageArgs } from '@lotse/common';
import { SearchSort } from '../search.types';

registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'RELEVANCE (default with text), DISTANCE (needs near; default with near and no text) or NAME (default otherwise)',
});

export const MAX_SEARCH_RADIUS_METERS = 300_000;

@InputType({ description: 'Filters of a text search; all given ones must hold' })
export class SearchFilterInput {
  @Field(() => [ServiceCategory], { nullable: true, description: 'any of these categories' })
  @IsOptional() @ArrayMaxSize(20) @IsEnum(ServiceCategory, { each: true })
  categories?: ServiceCategory[];

  @Field(() => [String], { nullable: true, description: 'addresses at least one of these need codes' })
  @IsOptional() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(64, { each: true })
  needs?: string[];

  @Field({ nullable: true, description: 'has a location in this district (5-digit AGS)' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit AGS' })
  districtAgs?: string;

  @Field({ nullable: true, description: 'ISO 639-1 language the service is offered in' })
  @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as "de" or "uk"' })
  language?: string;

  @Field(() => [AccessibilityFeature], { nullable: true, description: 'has all of these features' })
  @IsOptional() @ArrayMaxSize(10) @IsEnum(AccessibilityFeature, { each: true })
  accessibility?: AccessibilityFeature[];

  @Field({ nullable: true }) @IsOptional() @IsBoolean()
  acceptingNewClients?: boolean;
}

@InputType({ description: 'Only listings with a location within radiusMeters of a point or postcode centroid' })
export class SearchNearInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' })
  postcode?: string;

  @Field(() => Float, { description: `metres, up to ${MAX_SEARCH_RADIUS_METERS}` })
  @Min(1, { message: 'radiusMeters must be at least 1' })
  @Max(MAX_SEARCH_RADIUS_METERS, { message: `radiusMeters must be at most ${MAX_SEARCH_RADIUS_METERS}` })
  radiusMeters: number;
}

@ArgsType()
export class SearchServicesArgs extends PageArgs {
  @Field({ nullable: true, description: 'Words as typed; typos, umlauts typed as ae/oe/ue and parts of compound words are forgiven' })
  @IsOptional() @IsString() @MaxLength(200, { message: 'text must be at most 200 characters' })
  text?: string;

  @Field(() => SearchFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SearchFilterInput)
  filter?: SearchFilterInput;

  @Field(() => SearchNearInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SearchNearInput)
  near?: SearchNearInput;

  @Field(() => SearchSort, { nullable: true }) @IsOptional() @IsEnum(SearchSort, { message: 'sort must be RELEVANCE, DISTANCE or NAME' })
  sort?: SearchSort;
}
