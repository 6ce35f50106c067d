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
}

export class CoverageMapQuery extends CoverageQuery {
  @Matches(/^[a-z][a-z_]{0,63}$/, { message: 'need must be one need code, e.g. addiction' })
  need: string;
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
