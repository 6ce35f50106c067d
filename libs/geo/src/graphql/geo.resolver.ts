import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, NotFoundError, RequestContext, requestLoader, toConnection, toPage } from '@lotse/common';
import { GeoService } from '../geo.service';
import { District, Municipality } from '../geo.types';
import {
  AreaAssignmentType,
  DistrictArgs,
  DistrictType,
  MunicipalitiesArgs,
  MunicipalityArgs,
  MunicipalityConnection,
  MunicipalityType,
  PointArgs,
  PostcodeArgs,
  PostcodeType,
} from './geo.graphql-types';

function districtLoader(ctx: RequestContext, geo: GeoService) {
  return requestLoader<string, District | null>(ctx, 'district', async (keys) => byKeys(keys, await geo.districts([...keys]), (d) => d.ags));
}

@Resolver(() => DistrictType)
export class DistrictResolver {
  constructor(private readonly geo: GeoService) {}

  @Query(() => [DistrictType], { description: 'All districts of Saxony, by AGS' })
  districts(): Promise<District[]> {
    return this.geo.districts();
  }

  @Query(() => DistrictType)
  async district(@Args() { ags }: DistrictArgs): Promise<District> {
    const district = await this.geo.district(ags);
    if (!district) throw new NotFoundError('District', ags);
    return district;
  }

  @Query(() => MunicipalityConnection, { description: 'Municipalities ordered by AGS' })
  async municipalities(@Args() args: MunicipalitiesArgs): Promise<MunicipalityConnection> {
    const page = toPage(args, 1);
    const [rows, total] = await Promise.all([
      this.geo.municipalities({ districtAgs: args.districtAgs }, { limit: page.limit + 1, afterAgs: page.after?.[0] as string | undefined }),
      this.geo.countMunicipalities(args.districtAgs),
    ]);
    return toConnection(rows, page, total, (m) => [m.ags], (m) => m);
  }

  @Query(() => MunicipalityType)
  async municipality(@Args() { ags }: MunicipalityArgs): Promise<Municipality> {
    const [municipality] = await this.geo.municipalities({ agsList: [ags] }, { limit: 1 });
    if (!municipality) throw new NotFoundError('Municipality', ags);
    return municipality;
  }

  @Query(() => PostcodeType, { description: 'Centroid of a postcode from the imported postcode table' })
  async postcode(@Args() { code }: PostcodeArgs) {
    const postcode = await this.geo.postcode(code);
    if (!postcode) throw new NotFoundError('Postcode', code);
    return postcode;
  }

  @Query(() => AreaAssignmentType, { description: 'Which district and municipality a point lies in' })
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

  @ResolveField(() => DistrictType)
  district(@Parent() municipality: Municipality, @Context() ctx: RequestContext) {
    return districtLoader(ctx, this.geo).load(municipality.districtAgs);
  }
}
