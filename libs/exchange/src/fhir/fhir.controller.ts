import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Request, Response } from 'express';
import { DirectoryRead } from '@lotse/common';
import { FhirHealthcareServiceQuery, FhirLocationQuery, FhirOrganizationQuery } from './fhir-query.dto';
import { FhirService, SearchRequest } from './fhir.service';
import { FHIR_JSON, OperationOutcomeFilter } from './operation-outcome.filter';

function searchRequest(req: Request): SearchRequest {
  return { base: baseOf(req), params: req.query as Record<string, string | string[]> };
}

/** The server's base as the client reached it (behind a proxy: its Host header). */
function baseOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}/fhir`;
}

/**
 * FHIR R4 (read and search, `application/fhir+json`) over what the directory shows: Organization,
 * Location, HealthcareService and the CapabilityStatement. Reading follows the API's read rule
 * (as /hsds and the GraphQL directory). Errors are OperationOutcomes.
 */
@Controller('fhir')
@DirectoryRead()
@UseFilters(OperationOutcomeFilter)
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  private send(res: Response, resource: unknown): void {
    res.status(200).type(FHIR_JSON).send(JSON.stringify(resource));
  }

  @Get('metadata')
  metadata(@Req() req: Request, @Res() res: Response): void {
    this.send(res, this.fhir.metadata(baseOf(req)));
  }

  @Get('Organization')
  async organizations(@Query() query: FhirOrganizationQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.searchOrganizations(query, searchRequest(req)));
  }

  @Get('Organization/:id')
  async organization(@Param('id') id: string, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.organization(id));
  }

  @Get('Location')
  async locations(@Query() query: FhirLocationQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.searchLocations(query, searchRequest(req)));
  }

  @Get('Location/:id')
  async location(@Param('id') id: string, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.location(id));
  }

  @Get('HealthcareService')
  async healthcareServices(@Query() query: FhirHealthcareServiceQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.searchHealthcareServices(query, searchRequest(req)));
  }

  @Get('HealthcareService/:id')
  async healthcareService(@Param('id') id: string, @Res() res: Response): Promise<void> {
    this.send(res, await this.fhir.healthcareService(id));
  }
}
