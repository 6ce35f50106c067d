import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { NeedTermType, ServiceCategory } from '@lotse/catalogue';
import { DepartureWindowType, TransitFeedType, TravelBasisKind, TravelMode } from '@lotse/travel';
import { NetworkCoverage } from '../coverage.types';

@ObjectType('CoveragePoint')
export class CoveragePointType {
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
}

@ObjectType('NearestPartner', { description: 'The quickest to reach of the nearest visible listings of a need from a measuring point' })
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
  @Field(() => Float, { description: 'straight line (on the sphere) from the measuring point, metres' }) distanceMeters: number;
  @Field(() => Float, { description: 'travel time for the requested mode: from the timetable where one answers, else estimated' }) travelMinutes: number;
  @Field(() => TravelMode, { description: 'the requested mode, or WALK where walking is quicker (or no connection runs)' }) travelMode: TravelMode;
  @Field(() => TravelBasisKind) travelBasis: TravelBasisKind;
  @Field(() => Int, { nullable: true, description: 'timetable only: connections in the departure window' }) travelConnections: number | null;
}

@ObjectType('MeasuringPoint', { description: 'A point a municipality is measured from: a place with its people, or the rest of its people at the point on surface' })
export class MeasuringPointType {
  @Field() id: string;
  @Field() name: string;
  @Field({ description: '"place" or "remainder"' }) kind: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => Int, { nullable: true, description: 'people it stands for; null without a population table' }) people: number | null;
  @Field(() => Float, { description: 'its weight: people, or GeoNames’ figure without a population table' }) weight: number;
}

@ObjectType('PointCoverage', { description: 'One measuring point’s answer for one need' })
export class PointCoverageType {
  @Field(() => MeasuringPointType) point: MeasuringPointType;
  @Field() covered: boolean;
  @Field(() => NearestPartnerType, { nullable: true }) nearest: NearestPartnerType | null;
}

@ObjectType('MunicipalityNeedCoverage')
export class MunicipalityNeedCoverageType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field({ description: 'most of its people (by the measuring points’ weights) reach a listing of the need within the threshold' }) covered: boolean;
  @Field(() => Float, { description: 'share of its people (weights) within the threshold' }) coveredShare: number;
  @Field(() => Int, { description: 'distinct partner organisations within the threshold from the main measuring point (among the nearest 32 listings)' }) partnersWithinThreshold: number;
  @Field(() => Int, { description: 'distinct services within the threshold from the main measuring point' }) servicesWithinThreshold: number;
  @Field(() => NearestPartnerType, { nullable: true, description: 'the quickest partner from the main measuring point; null when no partner anywhere offers the need' }) nearest: NearestPartnerType | null;
  @Field(() => Int, { nullable: true, description: 'null without population figures' }) populationCovered: number | null;
  @Field(() => Int, { nullable: true }) populationUncovered: number | null;
  @Field(() => [PointCoverageType], { description: 'every measuring point’s answer' }) points: PointCoverageType[];
}

@ObjectType('MunicipalityCoverage')
export class MunicipalityCoverageType {
  @Field({ description: '8-digit AGS (boundaries of 2016)' }) ags: string;
  @Field() name: string;
  @Field() districtAgs: string;
  @Field() districtName: string;
  @Field({ description: 'in a Landkreis (slower public transport) rather than a kreisfreie Stadt' }) rural: boolean;
  @Field(() => Int, { nullable: true, description: 'people living there (imported population table); null when none was imported' }) population: number | null;
  @Field(() => CoveragePointType, { description: 'ST_PointOnSurface: inside the polygon; where the people no place accounts for are measured from' }) representativePoint: CoveragePointType;
  @Field(() => [MeasuringPointType], { description: 'where its people are measured from' }) measuringPoints: MeasuringPointType[];
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
  @Field({ description: 'the municipality as a whole counts as covered (most of its people) though some are not' }) covered: boolean;
  @Field(() => NearestPartnerType, { nullable: true }) nearest: NearestPartnerType | null;
}

@ObjectType('CoverageMethod', { description: 'How the figures were made' })
export class CoverageMethodType {
  @Field() estimatorName: string;
  @Field({ description: 'travel times are estimates' }) estimated: boolean;
  @Field() estimatorDescription: string;
  @Field(() => TransitFeedType, { nullable: true, description: 'the timetable that answered public-transport trips, with its attribution' }) feed: TransitFeedType | null;
  @Field(() => DepartureWindowType, { description: 'when people leave (public transport with a timetable)' }) departure: DepartureWindowType;
  @Field(() => Float, { description: 'the farthest straight line within the threshold from a Landkreis (bounds the search)' }) reachMetersRural: number;
  @Field(() => Float, { description: 'the same from a kreisfreie Stadt' }) reachMetersUrban: number;
  @Field(() => Int, { description: 'listings compared per measuring point (the nearest)' }) candidatesPerPoint: number;
  @Field({ description: 'where distances are measured from' }) origin: string;
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
