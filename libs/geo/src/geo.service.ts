import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Injectable, Logger } from '@nestjs/common';
import { AreaIndex, ringsOf } from './area-index';
import { GeoRepository } from './geo.repository';
import { AreaAssignment, BoundaryFeature, District, Municipality, Postcode, PostcodeRow } from './geo.types';
import { parsePostcodeCsv } from './postcode-import';

export const BOUNDARY_ATTRIBUTION = '© GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0';

function boundaryDataDir(): string {
  // Source tree (tests, ts-node) and build output (assets copied by nest-cli) both keep data/ beside src/.
  const candidates = [join(__dirname, '..', 'data'), join(process.cwd(), 'libs', 'geo', 'data')];
  const found = candidates.find((dir) => existsSync(join(dir, 'sn-districts.geojson.gz')));
  if (!found) throw new Error(`Saxony boundary files not found (looked in ${candidates.join(', ')}); run npm run boundaries:build`);
  return found;
}

async function readFeatures(file: string): Promise<BoundaryFeature[]> {
  const collection = JSON.parse(gunzipSync(await readFile(join(boundaryDataDir(), file))).toString('utf8'));
  return collection.features;
}

@Injectable()
export class GeoService {
  private readonly logger = new Logger(GeoService.name);

  private areaIndex?: Promise<AreaIndex>;

  constructor(private readonly repository: GeoRepository) {}

  /** Loads the bundled Saxony boundaries once; a no-op when they are present. */
  async ensureBoundaries(force = false): Promise<void> {
    if (!force && (await this.repository.countDistricts()) > 0) return;
    const started = Date.now();
    const [districts, municipalities] = await Promise.all([readFeatures('sn-districts.geojson.gz'), readFeatures('sn-municipalities.geojson.gz')]);
    await this.repository.replaceBoundaries(districts, municipalities);
    this.areaIndex = undefined;
    this.logger.log(`loaded ${districts.length} districts and ${municipalities.length} municipalities in ${Date.now() - started} ms`);
  }

  districts(agsList?: string[]): Promise<District[]> {
    return this.repository.findDistricts(agsList);
  }

  async district(ags: string): Promise<District | null> {
    const [district] = await this.repository.findDistricts([ags]);
    return district ?? null;
  }

  municipalities(filter: { districtAgs?: string; agsList?: string[] }, page: { limit: number; afterAgs?: string }): Promise<Municipality[]> {
    return this.repository.findMunicipalities(filter, page);
  }

  countMunicipalities(districtAgs?: string): Promise<number> {
    return this.repository.countMunicipalities(districtAgs);
  }

  /**
   * District and municipality at a point, as PostGIS `ST_Covers` decides. The in-memory index answers
   * when it is certain; on a boundary, outside Saxony or while the index loads, the database does.
   * Boundaries change only through `ensureBoundaries` (a CLI run elsewhere needs an API restart).
   */
  async areaAt(latitude: number, longitude: number): Promise<AreaAssignment> {
    const index = await this.index().catch(() => undefined);
    return index?.lookup(longitude, latitude) ?? this.repository.areaAt(longitude, latitude);
  }

  /** Builds the area index now (≈ 0.1 s), so the first match after a start does not wait for it. */
  async prepareAreaIndex(): Promise<void> {
    await this.index();
  }

  private index(): Promise<AreaIndex> {
    this.areaIndex ??= this.repository.findMunicipalityBoundaries().then(
      (rows) => new AreaIndex(rows.map((r) => ({ ags: r.ags, districtAgs: r.districtAgs, rings: ringsOf(JSON.parse(r.geojson)) }))),
      (error) => {
        this.areaIndex = undefined;
        throw error;
      },
    );
    return this.areaIndex;
  }

  municipalityPoint(ags: string): Promise<{ latitude: number; longitude: number } | null> {
    return this.repository.municipalityPoint(ags);
  }

  postcode(code: string): Promise<Postcode | null> {
    return this.repository.findPostcode(code);
  }

  countPostcodes(): Promise<number> {
    return this.repository.countPostcodes();
  }

  async upsertPostcodes(rows: PostcodeRow[], source: string): Promise<number> {
    return this.repository.upsertPostcodes(rows, source);
  }

  /** Imports a postcode CSV in batches, reporting progress; returns imported and skipped rows. */
  async importPostcodeCsv(text: string, source: string, onProgress?: (done: number, total: number) => void): Promise<{ imported: number; skipped: number }> {
    const { rows, skipped } = parsePostcodeCsv(text);
    const batch = 500;
    for (let i = 0; i < rows.length; i += batch) {
      await this.repository.upsertPostcodes(rows.slice(i, i + batch), source);
      onProgress?.(Math.min(i + batch, rows.length), rows.length);
    }
    return { imported: rows.length, skipped };
  }
}
