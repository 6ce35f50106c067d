import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AccessibilityFeature, NearInput, ServiceCategory } from '@lotse/catalogue';
import { PageArgs } from '@lotse/common';
import { SearchSort } from '../search.types';

registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'RELEVANCE (default with text), DISTANCE (needs near; default with near and no text) or NAME (default otherwise)',
});

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

/** The catalogue's point-or-postcode radius, under its own GraphQL name for this query. */
@InputType({ description: 'Only listings with a location within radiusMeters of a point or postcode centroid' })
export class SearchNearInput extends NearInput {}

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
