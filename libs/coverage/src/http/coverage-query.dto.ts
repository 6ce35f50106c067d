import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TravelMode } from '@lotse/travel';
import { MAX_THRESHOLD_MINUTES } from '../coverage.service';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
/** `needs=a,b`, `needs=a&needs=b` and `need=a` all work. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** Query string shared by the map and the GeoJSON: mode, threshold, district. */
export class CoverageQuery {
  @IsOptional()
  @Transform(lowerCase)
  @IsEnum(TravelMode, { message: `mode must be one of ${Object.values(TravelMode).join(', ')}` })
  mode?: TravelMode;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'threshold must be a whole number of minutes' })
  @Min(1, { message: 'threshold must be at least 1 minute' })
  @Max(MAX_THRESHOLD_MINUTES, { message: `threshold must be at most ${MAX_THRESHOLD_MINUTES} minutes` })
  threshold?: number;

  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' })
  district?: string;

  /** public transport with a timetable: ISO weekday (1 Monday … 7 Sunday), default 2 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday?: number;

  /** leaving from / until, HH:MM (default 07:00–09:00) */
  @IsOptional()
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'from must be HH:MM' })
  from?: string;

  @IsOptional()
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'to must be HH:MM' })
  to?: string;
}

export class CoverageMapQuery extends CoverageQuery {
  @Matches(/^[a-z][a-z_]{0,63}$/, { message: 'need must be one need code, e.g. addiction' })
  need: string;

  /** `points=1`: draw the measuring points */
  @IsOptional()
  @Matches(/^(0|1|true|false)$/, { message: 'points must be 1 or 0' })
  points?: string;
}

export class CoverageMapPngQuery extends CoverageMapQuery {
  @IsOptional()
  @Type(() => Number)
  @Min(0.5, { message: 'scale must be between 0.5 and 4' })
  @Max(4, { message: 'scale must be between 0.5 and 4' })
  scale?: number;
}

export class CoverageGeoJsonQuery extends CoverageQuery {
  @IsOptional()
  @Transform(list)
  @Matches(/^[a-z][a-z_]{0,63}$/, { each: true, message: 'needs must be need codes, e.g. needs=addiction,psychotherapy' })
  needs?: string[];

  @IsOptional()
  @Transform(list)
  @Matches(/^[a-z][a-z_]{0,63}$/, { each: true, message: 'need must be a need code' })
  need?: string[];
}
