import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude, IsOptional, Matches } from 'class-validator';
import { Connection, PageArgs } from '@lotse/common';

@ObjectType('District', { description: 'Landkreis or kreisfreie Stadt of Saxony (VG250 2016)' })
export class DistrictType {
  @Field({ description: '5-digit AGS (Kreisschlüssel)' }) ags: string;
  @Field() name: string;
  @Field({ description: 'Landkreis or Kreisfreie Stadt' }) kind: string;
  @Field(() => Int) municipalityCount: number;
}

@ObjectType('Municipality', { description: 'Gemeinde of Saxony (VG250 2016)' })
export class MunicipalityType {
  @Field({ description: '8-digit AGS (Gemeindeschlüssel)' }) ags: string;
  @Field() districtAgs: string;
  @Field() name: string;
  @Field() kind: string;
}

@ObjectType()
export class MunicipalityConnection extends Connection(MunicipalityType, 'Municipality') {}

@ObjectType('Postcode')
export class PostcodeType {
  @Field() code: string;
  @Field() place: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field({ description: 'where the centroid came from' }) source: string;
}

@ObjectType('AreaAssignment', { description: 'The district and municipality a point lies in; both null outside Saxony' })
export class AreaAssignmentType {
  @Field(() => DistrictType, { nullable: true }) district: DistrictType | null;
  @Field(() => MunicipalityType, { nullable: true }) municipality: MunicipalityType | null;
  @Field({ description: 'false when the point lies outside the loaded boundaries (Saxony)' }) insideCoverageArea: boolean;
}

@ArgsType()
export class DistrictArgs {
  @Field() @Matches(/^\d{5}$/, { message: 'ags must be a 5-digit district key (AGS)' }) ags: string;
}

@ArgsType()
export class MunicipalityArgs {
  @Field() @Matches(/^\d{8}$/, { message: 'ags must be an 8-digit municipality key (AGS)' }) ags: string;
}

@ArgsType()
export class MunicipalitiesArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit district key (AGS)' })
  districtAgs?: string;
}

@ArgsType()
export class PostcodeArgs {
  @Field() @Matches(/^\d{5}$/, { message: 'code must be a 5-digit German postcode' }) code: string;
}

@ArgsType()
export class PointArgs {
  @Field(() => Float) @IsLatitude({ message: 'latitude must be between -90 and 90' }) latitude: number;
  @Field(() => Float) @IsLongitude({ message: 'longitude must be between -180 and 180' }) longitude: number;
}
