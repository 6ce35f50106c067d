import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 200;
/** 200 km: the whole of Saxony from its middle */
export const HSDS_MAX_PROXIMITY_METERS = 200_000;

const bool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' || value === true ? true : value === 'false' || value === '0' || value === false ? false : value);

/** `page` and `per_page` of every HSDS list (OpenAPI components/parameters). */
export class HsdsPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `per_page must be a whole number from 1 to ${HSDS_MAX_PER_PAGE}` })
  @Min(1, { message: `per_page must be a whole number from 1 to ${HSDS_MAX_PER_PAGE}` })
  @Max(HSDS_MAX_PER_PAGE, { message: `per_page must be a whole number from 1 to ${HSDS_MAX_PER_PAGE}` })
  per_page?: number;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;
}

export class HsdsServiceQuery extends HsdsPageQuery {
  @IsOptional()
  @IsUUID('all', { message: 'taxonomy_term_id must be a UUID (see /hsds/taxonomy_terms)' })
  taxonomy_term_id?: string;

  @IsOptional()
  @IsUUID('all', { message: 'taxonomy_id must be a UUID (see /hsds/taxonomies)' })
  taxonomy_id?: string;

  @IsOptional()
  @IsUUID('all', { message: 'organization_id must be a UUID' })
  organization_id?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'modified_after must be an ISO 8601 date or date-time, e.g. 2026-11-01T00:00:00Z' })
  modified_after?: string;

  /** fully nested services (locations, schedules, languages, cost options, attributes, capacities) */
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'full must be true or false' })
  full?: boolean;

  /** `ndjson`: every matching full service, one per line, without pages (OpenAPI `format`) */
  @IsOptional()
  @IsIn(['json', 'ndjson'], { message: 'format must be json or ndjson' })
  format?: 'json' | 'ndjson';
}

export class HsdsServiceAtLocationQuery extends HsdsServiceQuery {
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be a 5-digit German postcode' })
  postcode?: string;

  /** metres from the postcode's centre */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `proximity must be a whole number of metres from 1 to ${HSDS_MAX_PROXIMITY_METERS}` })
  @Min(1, { message: `proximity must be a whole number of metres from 1 to ${HSDS_MAX_PROXIMITY_METERS}` })
  @Max(HSDS_MAX_PROXIMITY_METERS, { message: `proximity must be a whole number of metres from 1 to ${HSDS_MAX_PROXIMITY_METERS}` })
  proximity?: number;
}

export class HsdsOrganizationQuery extends HsdsPageQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'modified_after must be an ISO 8601 date or date-time, e.g. 2026-11-01T00:00:00Z' })
  modified_after?: string;

  /** fully nested organisations (phones, identifiers, locations, services) */
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'full must be true or false' })
  full?: boolean;

  /** with `full`: the services fully nested too */
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'full_service must be true or false' })
  full_service?: boolean;
}

export class HsdsTaxonomyTermQuery extends HsdsPageQuery {
  @IsOptional()
  @IsUUID('all', { message: 'taxonomy_id must be a UUID (see /hsds/taxonomies)' })
  taxonomy_id?: string;

  @IsOptional()
  @IsUUID('all', { message: 'parent_id must be a UUID' })
  parent_id?: string;

  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'top_only must be true or false' })
  top_only?: boolean;
}

/** `full_service` on one organisation */
export class HsdsOrganizationDetailQuery {
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'full_service must be true or false' })
  full_service?: boolean;
}
