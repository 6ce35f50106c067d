import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { NeedTermType, ServiceCategory, ServiceType } from '@lotse/catalogue';
import { Connection } from '@lotse/common';
import { SearchSort } from '../search.types';

@ObjectType('ServiceSearchHit', { description: 'A service found by text search' })
export class ServiceSearchHitType {
  @Field(() => ServiceType) service: ServiceType;

  @Field(() => Float, { nullable: true, description: 'Straight-line distance in metres to the nearest location, when near was given' })
  distanceMeters: number | null;
}

@ObjectType('CategoryFacet')
export class CategoryFacetType {
  @Field(() => ServiceCategory) category: string;
  @Field(() => Int) count: number;
}

@ObjectType('NeedFacet')
export class NeedFacetType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => Int) count: number;
}

@ObjectType('DistrictFacet')
export class DistrictFacetType {
  @Field({ description: '5-digit AGS' }) ags: string;
  @Field() name: string;
  @Field(() => Int) count: number;
}

@ObjectType('SearchFacets', { description: 'Matching services per value, over all pages; most frequent first' })
export class SearchFacetsType {
  @Field(() => [CategoryFacetType]) categories: CategoryFacetType[];
  @Field(() => [NeedFacetType]) needs: NeedFacetType[];
  @Field(() => [DistrictFacetType], { description: 'a service with locations in two districts counts in both' }) districts: DistrictFacetType[];
}

@ObjectType()
export class ServiceSearchConnection extends Connection(ServiceSearchHitType, 'ServiceSearchHit') {
  @Field(() => SearchFacetsType) facets: SearchFacetsType;
  @Field(() => SearchSort, { description: 'The order applied' }) sort: SearchSort;
  @Field({ description: 'Search engine that answered: postgres or meilisearch' }) engine: string;
}
