import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, Cost, DirectoryRead, NotFoundError, RequestContext, requestLoader, toConnection, toPage } from '@lotse/common';
import { GeoService } from '../geo.service';
import { District, Municipality, Place, PlaceKind, Postcode } from '../geo.types';
import {
  AreaAssignmentType,
  DistrictArgs,
  DistrictType,
  MunicipalitiesArgs,
  MunicipalityArgs,
  MunicipalityConnection,
  MunicipalityType,
  PlaceArgs,
  PlaceHitType,
  PlacesArgs,
  PlaceType,
  PointArgs,
  PostcodeArgs,
  PostcodeType,
} from './geo.graphql-types';

/** Declared fan-out of the geo lists, for the query cost (`Cost.list`). */
const GEO_FAN_OUT = { districts: 13, placesPerMunicipality: 20, municipalitiesPerPostcode: 3 } as const;

function districtLoader(ctx: RequestContext, geo: GeoService) {
  return requestLoader<string, District | null>(ctx, 'district', async (keys) => byKeys(keys, await geo.districts([...keys]), (d) => d.ags));
}

function municipalityLoader(ctx: RequestContext, geo: GeoService) {
  return requestLoader<string, Municipality | null>(ctx, 'municipality', async (keys) =>
    byKeys(keys, await geo.municipalities({ agsList: [...keys] }, { limit: keys.length }), (m) => m.ags),
  );
}

/** The GraphQL shape of a place (its completion label added). */
export function toPlaceType(place: Place): PlaceType {
  return { ...place, label: place.kind === PlaceKind.MUNICIPALITY ? place.name : `${place.name} (${place.municipalityName})` };
}

@Resolver(() => DistrictType)
export class DistrictResolver {
  constructor(private readonly geo: GeoService) {}

  @Query(() => [DistrictType], { complexity: Cost.list(GEO_FAN_OUT.districts), description: 'All districts of Saxony, by AGS' })
  districts(): Promise<District[]> {
    return this.geo.districts();
  }

  @Query(() => DistrictType, { complexity: Cost.lookup })
  async district(@Args() { ags }: DistrictArgs): Promise<District> {
    const district = await this.geo.district(ags);
    if (!district) throw new NotFoundError('District', ags);
    return district;
  }

  @Query(() => MunicipalityConnection, { complexity: Cost.page(), description: 'Municipalities ordered by AGS' })
  async municipalities(@Args() args: MunicipalitiesArgs): Promise<MunicipalityConnection> {
    const page = toPage(args, 1);
    const [rows, total] = await Promise.all([
      this.geo.municipalities({ districtAgs: args.districtAgs }, { limit: page.limit + 1, afterAgs: page.after?.[0] as string | undefined }),
      this.geo.countMunicipalities(args.districtAgs),
    ]);
    return toConnection(rows, page, total, (m) => [m.ags], (m) => m);
  }

  @Query(() => MunicipalityType, { complexity: Cost.lookup })
  async municipality(@Args() { ags }: MunicipalityArgs): Promise<Municipality> {
    const [municipality] = await this.geo.municipalities({ agsList: [ags] }, { limit: 1 });
    if (!municipality) throw new NotFoundError('Municipality', ags);
    return municipality;
  }

  @DirectoryRead()
  @Query(() => [PlaceHitType], { complexity: Cost.page(10),
    description:
      'Places of Saxony for search as you type (origin completion): exact names first, then beginnings, every word, typos; larger places first within each. The text is never stored or logged.',
  })
  async places(@Args() args: PlacesArgs): Promise<PlaceHitType[]> {
    const hits = await this.geo.searchPlaces(args.text, {
      limit: args.first,
      kind: args.kind,
      districtAgs: args.districtAgs,
      municipalityAgs: args.municipalityAgs,
      postcode: args.postcode,
    });
    return hits.map((h) => ({ ...h, place: toPlaceType(h.place) }));
  }

  @DirectoryRead()
  @Query(() => PlaceType, { complexity: Cost.lookup, description: 'A place by id' })
  async place(@Args() { id }: PlaceArgs): Promise<PlaceType> {
    const [place] = await this.geo.placesByIds([id]);
    if (!place) throw new NotFoundError('Place', id);
    return toPlaceType(place);
  }

  @Query(() => PostcodeType, { complexity: Cost.lookup, description: 'A postcode of Saxony (bundled table, or imported), the point Lotse uses for it and the municipalities it touches' })
  async postcode(@Args() { code }: PostcodeArgs) {
    const postcode = await this.geo.postcode(code);
    if (!postcode) throw new NotFoundError('Postcode', code);
    return postcode;
  }

  @Query(() => AreaAssignmentType, { complexity: Cost.lookup, description: 'Which district and municipality a point lies in' })
  async areaAt(@Args() { latitude, longitude }: PointArgs, @Context() ctx: RequestContext): Promise<AreaAssignmentType> {
    const area = await this.geo.areaAt(latitude, longitude);
    const [district, municipality] = await Promise.all([
      area.districtAgs ? districtLoader(ctx, this.geo).load(area.districtAgs) : null,
      area.municipalityAgs ? this.geo.municipalities({ agsList: [area.municipalityAgs] }, { limit: 1 }).then((m) => m[0] ?? null) : null,
    ]);
    return { district, municipality, insideCoverageArea: district !== null };
  }
}

@Resolver(() => MunicipalityType)
export class MunicipalityResolver {
  constructor(private readonly geo: GeoService) {}

  @ResolveField(() => DistrictType, { complexity: Cost.lookup })
  district(@Parent() municipality: Municipality, @Context() ctx: RequestContext) {
    return districtLoader(ctx, this.geo).load(municipality.districtAgs);
  }

  @ResolveField(() => [PlaceType], { complexity: Cost.list(GEO_FAN_OUT.placesPerMunicipality),
    description: 'Where people live: the municipality\'s own place first, then its localities, larger first (GeoNames populations where known)',
  })
  async places(@Parent() municipality: Municipality, @Context() ctx: RequestContext): Promise<PlaceType[]> {
    const byMunicipality = await requestLoader<string, Place[]>(ctx, 'placesByMunicipality', async (keys) => {
      const found = await this.geo.placesByMunicipality({ municipalityAgs: keys });
      return keys.map((k) => found.get(k) ?? []);
    }).load(municipality.ags);
    return byMunicipality.map(toPlaceType);
  }
}

@Resolver(() => PostcodeType)
export class PostcodeResolver {
  constructor(private readonly geo: GeoService) {}

  @ResolveField(() => MunicipalityType, { complexity: Cost.lookup, nullable: true, description: 'the municipality of the point used' })
  municipality(@Parent() postcode: Postcode, @Context() ctx: RequestContext) {
    return postcode.municipalityAgs ? municipalityLoader(ctx, this.geo).load(postcode.municipalityAgs) : null;
  }

  @ResolveField(() => [MunicipalityType], { complexity: Cost.list(GEO_FAN_OUT.municipalitiesPerPostcode), description: 'every municipality the postcode touches, the one of the point used first' })
  async municipalities(@Parent() postcode: Postcode, @Context() ctx: RequestContext): Promise<Municipality[]> {
    const found = await municipalityLoader(ctx, this.geo).loadMany(postcode.municipalities);
    return found.filter((m): m is Municipality => !!m && !(m instanceof Error));
  }
}
