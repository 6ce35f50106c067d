import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { NeedTermType, ServiceCategory } from '@lotse/catalogue';
import { TravelMode } from '@lotse/travel';
import { NetworkCoverage } from '../coverage.types';

@ObjectType('CoveragePoint')
export class CoveragePointType {
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
}

@ObjectType('NearestPartner', { description: 'The nearest visible listing of a need from a municipality' })
export class NearestPartnerType {
  @Field(() => ID) serviceId: string;
  @Field() serviceName: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field({ description: 'true for invented demo partners' }) fictitious: boolean;
  @Field(() => ID) locationId: string;
  @Field() town: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => Float, { description: 'straight line (spheroid) from the municipality’s representative point, metres' }) distanceMeters: number;
  @Field(() => Float, { description: 'estimated travel time for the requested mode' }) travelMinutes: number;
}

@ObjectType('MunicipalityNeedCoverage')
export class MunicipalityNeedCoverageType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field({ description: 'a listing of the need lies within the threshold' }) covered: boolean;
  @Field(() => Int, { description: 'distinct partner organisations within the threshold' }) partnersWithinThreshold: number;
  @Field(() => Int, { description: 'distinct services within the threshold' }) servicesWithinThreshold: number;
  @Field(() => NearestPartnerType, { nullable: true, description: 'null when no partner anywhere offers the need' }) nearest: NearestPartnerType | null;
  @Field(() => Int, { nullable: true, description: 'null without population figures' }) populationCovered: number | null;
  @Field(() => Int, { nullable: true }) populationUncovered: number | null;
}

@ObjectType('MunicipalityCoverage')
export class MunicipalityCoverageType {
  @Field({ description: '8-digit AGS (boundaries of 2016)' }) ags: string;
  @Field() name: string;
  @Field() districtAgs: string;
  @Field() districtName: string;
  @Field({ description: 'in a Landkreis (slower public transport) rather than a kreisfreie Stadt' }) rural: boolean;
  @Field(() => Int, { nullable: true, description: 'people living there (imported population table); null when none was imported' }) population: number | null;
  @Field(() => CoveragePointType, { description: 'the point inside the municipality all its distances are measured from' }) representativePoint: CoveragePointType;
  @Field(() => [MunicipalityNeedCoverageType], { description: 'one entry per requested need, in request order' }) needs: MunicipalityNeedCoverageType[];
  @Field(() => Int) coveredNeeds: number;
}

@ObjectType('CoverageFigures', { description: 'Figures of one need over a set of municipalities' })
export class CoverageFiguresType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => Int) municipalities: number;
  @Field(() => Int) coveredMunicipalities: number;
  @Field(() => Int) uncoveredMunicipalities: number;
  @Field(() => Int, { description: 'no listing of the need anywhere' }) municipalitiesWithoutPartner: number;
  @Field(() => Int, { nullable: true, description: 'null unless every municipality has a population' }) population: number | null;
  @Field(() => Int, { nullable: true }) populationCovered: number | null;
  @Field(() => Int, { nullable: true }) populationUncovered: number | null;
  @Field(() => Float, { nullable: true }) coveredPopulationShare: number | null;
  @Field(() => Float, { nullable: true }) medianNearestMinutes: number | null;
  @Field(() => Float, { nullable: true }) maxNearestMinutes: number | null;
}

@ObjectType('DistrictCoverage')
export class DistrictCoverageType {
  @Field() ags: string;
  @Field() name: string;
  @Field() rural: boolean;
  @Field(() => Int) municipalityCount: number;
  @Field(() => Int, { nullable: true, description: 'sum of its municipalities; null unless all have a population' }) population: number | null;
  @Field(() => Int) municipalitiesWithoutPopulation: number;
  @Field(() => [CoverageFiguresType]) needs: CoverageFiguresType[];
}

@ObjectType('CoverageGap', { description: 'A municipality where a need is not covered' })
export class CoverageGapType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field() municipalityAgs: string;
  @Field() municipalityName: string;
  @Field() districtAgs: string;
  @Field() districtName: string;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field(() => Int, { nullable: true }) populationUncovered: number | null;
  @Field(() => NearestPartnerType, { nullable: true }) nearest: NearestPartnerType | null;
}

@ObjectType('CoverageMethod', { description: 'How the figures were made' })
export class CoverageMethodType {
  @Field() estimatorName: string;
  @Field({ description: 'travel times are estimates' }) estimated: boolean;
  @Field() estimatorDescription: string;
  @Field(() => Float, { description: 'straight-line radius equal to the threshold in a Landkreis' }) reachMetersRural: number;
  @Field(() => Float, { description: 'straight-line radius equal to the threshold in a kreisfreie Stadt' }) reachMetersUrban: number;
  @Field({ description: 'the point distances are measured from' }) origin: string;
}

@ObjectType('PopulationSource')
export class PopulationSourceType {
  @Field() source: string;
  @Field({ description: 'YYYY-MM-DD' }) referenceDate: string;
  @Field(() => Int, { description: 'municipality polygons with a population' }) municipalities: number;
  @Field(() => Int) total: number;
  @Field() importedAt: Date;
}

@ObjectType('NetworkSizeCell', { description: 'Visible services and their organisations of one category in one district' })
export class NetworkSizeCellType {
  @Field() districtAgs: string;
  @Field(() => ServiceCategory) category: ServiceCategory;
  @Field(() => Int, { description: 'a service at several locations in the district counts once' }) services: number;
  @Field(() => Int) organizations: number;
}

@ObjectType('FreshnessFigures')
export class FreshnessFiguresType {
  @Field(() => String, { nullable: true, description: 'null for the whole scope' }) districtAgs: string | null;
  @Field(() => Int, { description: 'visible services' }) services: number;
  @Field(() => Int, { description: 'of which the organisation was verified within freshDays' }) verifiedWithin: number;
  @Field(() => Float, { nullable: true }) share: number | null;
}

@ObjectType('NetworkFreshness')
export class NetworkFreshnessType {
  @Field(() => Int, { description: 'VERIFICATION_STALE_DAYS' }) freshDays: number;
  @Field(() => FreshnessFiguresType) overall: FreshnessFiguresType;
  @Field(() => [FreshnessFiguresType]) districts: FreshnessFiguresType[];
}

@ObjectType('NetworkCoverage')
export class NetworkCoverageType {
  @Field(() => String, { nullable: true }) districtAgs: string | null;
  @Field(() => TravelMode) mode: TravelMode;
  @Field(() => Int) thresholdMinutes: number;
  @Field(() => [NeedTermType]) needs: NeedTermType[];
  @Field(() => CoverageMethodType) method: CoverageMethodType;
  @Field(() => PopulationSourceType, { nullable: true, description: 'null when no population table was imported: population figures are then null' })
  population: PopulationSourceType | null;
  @Field(() => [MunicipalityCoverageType], { description: 'every municipality of the scope, by AGS' }) municipalities: MunicipalityCoverageType[];
  @Field(() => [DistrictCoverageType], { description: 'roll-up per district' }) districts: DistrictCoverageType[];
  @Field(() => [CoverageFiguresType], { description: 'per need over the whole scope' }) summary: CoverageFiguresType[];

  /** the computed result; gapList, networkSize and freshness are resolved from it */
  outcome: NetworkCoverage;
}
