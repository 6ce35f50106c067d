import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PlaceKind, PlaceMatchKind } from '../geo.types';

registerEnumType(PlaceKind, { name: 'PlaceKind', description: 'MUNICIPALITY (Gemeinde) or LOCALITY (Ortsteil, Dorf)' });
registerEnumType(PlaceMatchKind, { name: 'PlaceMatchKind', description: 'How a place matched the typed text: whole name, beginning, every word, with typos' });
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

@ObjectType('Place', { description: 'A municipality of Saxony or one of its localities (Ortsteile, villages), from the bundled place table (GeoNames, CC BY 4.0)' })
export class PlaceType {
  @Field(() => ID, { description: "a municipality's AGS; a locality's is <municipality AGS>-<name>" }) id: string;
  @Field() name: string;
  @Field(() => PlaceKind) kind: PlaceKind;
  @Field({ description: 'for a completion list: "Zabeltitz (Großenhain)"; a municipality by its name alone' }) label: string;
  @Field({ description: '8-digit AGS of the municipality it lies in (boundaries of 2016)' }) municipalityAgs: string;
  @Field() municipalityName: string;
  @Field({ description: '5-digit AGS of its district' }) districtAgs: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => Int, { nullable: true, description: "GeoNames' figure where it has one (places of about 1,000 people or more); not a census total" })
  population: number | null;
  @Field(() => [String], { description: 'postcodes of the place, where known' }) postcodes: string[];
}

@ObjectType('PlaceHit')
export class PlaceHitType {
  @Field(() => PlaceType) place: PlaceType;
  @Field(() => PlaceMatchKind) match: PlaceMatchKind;
  @Field(() => Int, { description: 'typos forgiven' }) typos: number;
}

@ObjectType('Postcode', { description: 'A postcode and the one point Lotse uses for it' })
export class PostcodeType {
  @Field() code: string;
  @Field({ description: 'the place whose point is used (for a postcode of several places: the most populous)' }) place: string;
  @Field(() => String, { nullable: true, description: 'that place in the place table' }) placeId: string | null;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field({ description: 'where the point came from' }) source: string;
  @Field(() => String, { nullable: true, description: 'municipality (AGS) of the point used' }) municipalityAgs: string | null;
  /** AGS of every municipality the postcode touches (resolved to the `municipalities` field) */
  municipalities: string[];
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
export class PlacesArgs {
  @Field({ description: 'what was typed so far; typos are forgiven' })
  @IsString() @MinLength(1, { message: 'text must not be empty' }) @MaxLength(100, { message: 'text must be at most 100 characters' })
  text: string;

  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1, { message: 'first must be between 1 and 50' }) @Max(50, { message: 'first must be between 1 and 50' })
  first: number = 10;

  @Field(() => PlaceKind, { nullable: true }) @IsOptional() @IsEnum(PlaceKind)
  kind?: PlaceKind;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'districtAgs must be a 5-digit district key (AGS)' })
  districtAgs?: string;

  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{8}$/, { message: 'municipalityAgs must be an 8-digit municipality key (AGS)' })
  municipalityAgs?: string;

  @Field({ nullable: true, description: 'only places with this postcode' }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must be a 5-digit German postcode' })
  postcode?: string;
}

@ArgsType()
export class PlaceArgs {
  @Field(() => ID) @IsString() @MaxLength(80) id: string;
}

@ArgsType()
export class PointArgs {
  @Field(() => Float) @IsLatitude({ message: 'latitude must be between -90 and 90' }) latitude: number;
  @Field(() => Float) @IsLongitude({ message: 'longitude must be between -180 and 180' }) longitude: number;
}
