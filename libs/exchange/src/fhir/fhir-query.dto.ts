import { Transform, Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const FHIR_DEFAULT_COUNT = 50;
export const FHIR_MAX_COUNT = 200;

const list = ({ value }: { value: unknown }) => (value === undefined ? undefined : Array.isArray(value) ? value.map(String) : [String(value)]);

/**
 * Search parameters every resource type takes. Unknown parameters are ignored, as FHIR servers
 * do by default (handling=lenient); a malformed known one is an error naming it.
 */
export class FhirSearchQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `_count must be a whole number from 0 to ${FHIR_MAX_COUNT}` })
  @Min(0, { message: `_count must be a whole number from 0 to ${FHIR_MAX_COUNT}` })
  @Max(FHIR_MAX_COUNT, { message: `_count must be a whole number from 0 to ${FHIR_MAX_COUNT}` })
  _count?: number;

  /** where the page starts (the paging links carry it) */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '_offset must be a whole number from 0' })
  @Min(0, { message: '_offset must be a whole number from 0' })
  _offset?: number;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  _id?: string;

  /** `ge2026-11-01`, `lt2026-12-01T00:00:00Z`, … ; repeated for a range */
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsString({ each: true })
  _lastUpdated?: string[];
}

export class FhirOrganizationQuery extends FhirSearchQuery {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(200) identifier?: string;
}

export class FhirLocationQuery extends FhirSearchQuery {
  @IsOptional() @IsString() @MaxLength(200) organization?: string;
  @IsOptional() @IsString() @MaxLength(200) near?: string;
  @IsOptional() @IsString() @MaxLength(10) 'address-postalcode'?: string;
}

export class FhirHealthcareServiceQuery extends FhirSearchQuery {
  @IsOptional() @IsString() @MaxLength(200) organization?: string;
  @IsOptional() @IsString() @MaxLength(200) location?: string;
  @IsOptional() @IsString() @MaxLength(1000) 'service-category'?: string;
  @IsOptional() @IsString() @MaxLength(1000) 'service-type'?: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}
