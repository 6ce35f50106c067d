import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DepartureWindowInput, TravelMode } from '@lotse/travel';
import { MAX_THRESHOLD_MINUTES } from '../coverage.service';

@InputType({ description: 'Which needs, how people travel, the time limit, and optionally one district' })
export class NetworkCoverageInput {
  @Field({ nullable: true, description: '5-digit AGS of a district; all Saxony when absent. Partners beyond the district border still count.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit district key (AGS)' })
  districtAgs?: string;

  @Field(() => [String], { description: 'need codes of the taxonomy (needsTaxonomy), e.g. ["addiction", "psychotherapy"]' })
  @ArrayMinSize(1, { message: 'needs must name at least one need' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  needs: string[];

  @Field(() => TravelMode, { defaultValue: TravelMode.PUBLIC_TRANSPORT })
  @IsEnum(TravelMode)
  mode: TravelMode = TravelMode.PUBLIC_TRANSPORT;

  @Field(() => Int, { description: `a municipality is covered when the nearest partner is at most this many minutes away (1–${MAX_THRESHOLD_MINUTES})` })
  @IsInt({ message: 'thresholdMinutes must be a whole number of minutes' })
  @Min(1, { message: 'thresholdMinutes must be at least 1' })
  @Max(MAX_THRESHOLD_MINUTES, { message: `thresholdMinutes must be at most ${MAX_THRESHOLD_MINUTES}` })
  thresholdMinutes: number;

  @Field(() => DepartureWindowInput, { nullable: true, description: 'public transport with a timetable: when people leave (default Tuesday 07:00–09:00)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DepartureWindowInput)
  departure?: DepartureWindowInput;
}

@ArgsType()
export class NetworkCoverageArgs {
  @Field(() => NetworkCoverageInput)
  @ValidateNested()
  @Type(() => NetworkCoverageInput)
  input: NetworkCoverageInput;
}

@ArgsType()
export class GapListArgs {
  @Field(() => Int, { nullable: true, description: 'at most this many gaps (default 100, at most 3000)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3000)
  first?: number;

  @Field(() => String, { nullable: true, description: 'only gaps of this need' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  need?: string;
}
