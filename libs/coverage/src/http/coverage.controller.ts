import { Controller, Get, Query, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { Request, Response } from 'express';
import { AllowRoles, DomainErrorHttpFilter, RequestContext, Role } from '@lotse/common';
import { toDepartureWindow, TravelMode } from '@lotse/travel';
import { CoverageFields, CoverageService } from '../coverage.service';
import { CoverageGate } from '../coverage-gate';
import { CoverageGeoJsonQuery, CoverageMapPngQuery, CoverageMapQuery, CoverageQuery } from './coverage-query.dto';

export const DEFAULT_HTTP_THRESHOLD = 30;
const HTTP_FIELDS: CoverageFields = { districtAgs: 'district', needs: 'need', mode: 'mode', thresholdMinutes: 'threshold' };

function base(query: CoverageQuery) {
  const window = toDepartureWindow({ weekday: query.weekday, from: query.from, to: query.to }, '');
  return { districtAgs: query.district, mode: query.mode ?? TravelMode.PUBLIC_TRANSPORT, thresholdMinutes: query.threshold ?? DEFAULT_HTTP_THRESHOLD, window };
}
/** Whom the coverage gate counts: the logged-in user (the guard put them on the request). */
const callerOf = (req: Request) => (req as Request & { lotseContext?: RequestContext }).lotseContext?.actor?.userId ?? req.ip ?? 'unknown';
const withPoints = (query: CoverageMapQuery) => ({ measuringPoints: query.points === '1' || query.points === 'true' });

function fileName(parts: (string | number | undefined)[], extension: string): string {
  return `lotse-coverage-${parts.filter((p) => p !== undefined && p !== '').join('-')}.${extension}`;
}

/**
 * Coverage for GIS tools and reports, over plain HTTP: GeoJSON, an SVG map, and the same map as PNG.
 * Query: `need` (map) or `needs` (GeoJSON), `mode` (public_transport|car|bicycle|walk, default
 * public_transport), `threshold` (minutes, default 30), `district` (5-digit AGS, default all Saxony),
 * `weekday`, `from`, `to` (the departure window where a timetable answers, default Tuesday 07:00–09:00),
 * `points=1` (map: draw the measuring points).
 * Coordinators and admins only, like the GraphQL query (Authorization: Bearer <token>).
 */
@Controller('coverage')
@AllowRoles(Role.COORDINATOR, Role.ADMIN)
@UseFilters(DomainErrorHttpFilter)
export class CoverageController {
  constructor(
    private readonly coverage: CoverageService,
    private readonly gate: CoverageGate,
  ) {}

  @Get('coverage.geojson')
  async geojson(@Query() query: CoverageGeoJsonQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const needs = [...(query.needs ?? []), ...(query.need ?? [])];
    const fields = { ...HTTP_FIELDS, needs: query.needs ? 'needs' : 'need' };
    const collection = await this.gate.run(callerOf(req), () => this.coverage.coverageGeoJson({ ...base(query), needs }, fields));
    res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${fileName([query.district, ...needs, query.mode, collection.lotse.thresholdMinutes as number], 'geojson')}"`);
    res.setHeader('Cache-Control', 'no-cache');
    return JSON.stringify(collection);
  }

  @Get('map.svg')
  async svg(@Query() query: CoverageMapQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const request = { ...base(query), need: query.need };
    const svg = await this.gate.run(callerOf(req), () => this.coverage.coverageMapSvg(request, HTTP_FIELDS, withPoints(query)));
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${fileName([request.districtAgs, query.need, request.mode, request.thresholdMinutes], 'svg')}"`);
    res.setHeader('Cache-Control', 'no-cache');
    return svg;
  }

  @Get('map.png')
  async png(@Query() query: CoverageMapPngQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const request = { ...base(query), need: query.need };
    const png = await this.gate.run(callerOf(req), () => this.coverage.coverageMapPng(request, HTTP_FIELDS, query.scale ?? 2, withPoints(query)));
    res.setHeader('Cache-Control', 'no-cache');
    return new StreamableFile(png, {
      type: 'image/png',
      disposition: `inline; filename="${fileName([request.districtAgs, query.need, request.mode, request.thresholdMinutes], 'png')}"`,
      length: png.length,
    });
  }
}
