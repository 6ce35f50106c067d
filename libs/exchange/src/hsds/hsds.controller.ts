import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { once } from 'node:events';
import { Response } from 'express';
import { AllowRoles, DirectoryRead, Role } from '@lotse/common';
import { HsdsDatapackageExporter } from '../datapackage/hsds-datapackage.exporter';
import { HsdsOrganizationDetailQuery, HsdsOrganizationQuery, HsdsPageQuery, HsdsServiceAtLocationQuery, HsdsServiceQuery, HsdsTaxonomyTermQuery } from './hsds-query.dto';
import { HSDS_VERSION, HsdsApiService } from './hsds.service';

/** The official description of the API these routes implement (Open Referral, branch 3.0). */
export const HSDS_OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
export const HSDS_PROFILE_URL = 'https://docs.openreferral.org/en/3.0/';

/**
 * Open Referral HSDS 3.0 API (read-only) over what the directory shows. Reading follows the API's
 * read rule (`DirectoryRead`, as the GraphQL directory queries): anyone when PUBLIC_READ_ACCESS is on,
 * else coaches, coordinators and admins with `Authorization: Bearer <token>`.
 */
@Controller('hsds')
@DirectoryRead()
export class HsdsController {
  constructor(
    private readonly hsds: HsdsApiService,
    private readonly datapackage: HsdsDatapackageExporter,
  ) {}

  @Get()
  root() {
    return { version: HSDS_VERSION, profile: HSDS_PROFILE_URL, openapi_url: HSDS_OPENAPI_URL };
  }

  /**
   * The whole directory as an HSDS tabular datapackage (zip), for coordinators: the same package as
   * `npm run cli -- export-hsds`. Headers are sent once the tables are complete, so a failure before
   * that is an ordinary error response.
   */
  @Get('datapackage.zip')
  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  async datapackageZip(@Res() res: Response): Promise<void> {
    await this.datapackage.write(res, undefined, () => {
      res.status(200);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="lotse-hsds-${new Date().toISOString().slice(0, 10)}.zip"`);
      res.setHeader('Cache-Control', 'no-store');
    });
  }

  @Get('services')
  async services(@Query() query: HsdsServiceQuery, @Res() res: Response): Promise<void> {
    if (query.format !== 'ndjson') {
      res.json(await this.hsds.services(query));
      return;
    }
    // the first batch is read before the headers go out, so a bad filter is still a proper error
    const batches = this.hsds.servicesStream(query);
    let next = await batches.next();
    res.status(200).type('application/x-ndjson; charset=utf-8');
    while (!next.done) {
      const chunk = next.value.map((s) => JSON.stringify(s)).join('\n') + '\n';
      if (!res.write(chunk)) await once(res, 'drain');
      next = await batches.next();
    }
    res.end();
  }

  @Get('services/:id')
  service(@Param('id') id: string) {
    return this.hsds.service(id);
  }

  @Get('service_at_locations')
  serviceAtLocations(@Query() query: HsdsServiceAtLocationQuery) {
    return this.hsds.serviceAtLocations(query);
  }

  @Get('service_at_locations/:id')
  serviceAtLocation(@Param('id') id: string) {
    return this.hsds.serviceAtLocation(id);
  }

  @Get('organizations')
  organizations(@Query() query: HsdsOrganizationQuery) {
    return this.hsds.organizations(query);
  }

  @Get('organizations/:id')
  organization(@Param('id') id: string, @Query() query: HsdsOrganizationDetailQuery) {
    return this.hsds.organization(id, !!query.full_service);
  }

  @Get('taxonomies')
  @Header('Cache-Control', 'public, max-age=3600')
  taxonomies(@Query() query: HsdsPageQuery) {
    return this.hsds.taxonomies(query);
  }

  @Get('taxonomies/:id')
  @Header('Cache-Control', 'public, max-age=3600')
  taxonomy(@Param('id') id: string) {
    return this.hsds.taxonomy(id);
  }

  @Get('taxonomy_terms')
  @Header('Cache-Control', 'public, max-age=3600')
  taxonomyTerms(@Query() query: HsdsTaxonomyTermQuery) {
    return this.hsds.taxonomyTerms(query);
  }

  @Get('taxonomy_terms/:id')
  @Header('Cache-Control', 'public, max-age=3600')
  taxonomyTerm(@Param('id') id: string) {
    return this.hsds.taxonomyTerm(id);
  }
}
