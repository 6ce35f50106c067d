import { ArgsType, Field, InputType, PickType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NearInput, ServiceFilterInput } from '@lotse/catalogue';
import { PageArgs } from '@lotse/common';
import { SearchSort } from '../search.types';

registerEnumType(SearchSort, {
  name: 'SearchSort',
  description: 'RELEVANCE (default with text), DISTANCE (needs near; default with near and no text) or NAME (default otherwise)',
});

/** The directory's filters that both search engines can apply, under this query's own GraphQL name. */
@InputType({ description: 'Filters of a text search; all given ones must hold' })
export class SearchFilterInput extends PickType(
  ServiceFilterInput,
  ['categories', 'needs', 'districtAgs', 'language', 'accessibility', 'acceptingNewClients'] as const,
  InputType,
) {}

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
