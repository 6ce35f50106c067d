import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Injectable, Logger } from '@nestjs/common';
import { QueryCostScale } from '@lotse/common';
import { AreaIndex, ringsOf } from './area-index';
import { GeoRepository } from './geo.repository';
import { OfflineGeocodingTables } from './geocoding/offline-geocoder';
import { AreaAssignment, BoundaryFeature, District, Municipality, Place, PlaceHit, PlaceKind, PlaceMatchKind, PlaceSearchOptions, Postcode, PostcodeRow } from './geo.types';
import { PLACES_FILE, POSTCODES_FILE, readPlacesCsv, readPostcodesCsv } from './places/place-files';
import { PlaceIndex } from './places/place-index';
import { parsePostcodeCsv } from './postcode-import';

export const BOUNDARY_ATTRIBUTION = '© GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0';
/** Attribution of the bundled place and postcode tables. */
export const PLACES_ATTRIBUTION = 'Orte und Postleitzahlen © GeoNames (www.geonames.org), CC BY 4.0';
/** `source` of the bundled postcodes in the postcode table. */
export const BUNDLED_POSTCODE_SOURCE = 'GeoNames (CC BY 4.0), bundled with Lotse';

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
  private costScale?: Promise<QueryCostScale>;

  private areaIndex?: Promise<AreaIndex>;
  private placeIndex?: Promise<PlaceIndex>;

  constructor(private readonly repository: GeoRepository) {}

  /**
   * Loads the bundled Saxony boundaries once (a no-op when they are present), then the bundled
   * places and postcodes when they are missing or of another version (see `ensurePlaces`).
   */
  async ensureBoundaries(force = false): Promise<void> {
    if (!force && (await this.repository.countDistricts()) > 0) return this.ensurePlaces();
    const started = Date.now();
    const [districts, municipalities] = await Promise.all([readFeatures('sn-districts.geojson.gz'), readFeatures('sn-municipalities.geojson.gz')]);
    await this.repository.replaceBoundaries(districts, municipalities);
    this.areaIndex = undefined;
    this.costScale = undefined;
    this.logger.log(`loaded ${districts.length} districts and ${municipalities.length} municipalities in ${Date.now() - started} ms`);
    await this.ensurePlaces(true);
  }

  /**
   * Loads the bundled place and postcode tables (libs/geo/data/sn-places.csv, sn-postcodes.csv)
   * when the database holds none or another version of them — so a release's tables replace the
   * previous ones at start. Called by `ensureBoundaries`; boundaries must be loaded first.
   */
  async ensurePlaces(force = false): Promise<void> {
    const [placesText, postcodesText] = await Promise.all([readFile(join(boundaryDataDir(), PLACES_FILE), 'utf8'), readFile(join(boundaryDataDir(), POSTCODES_FILE), 'utf8')]);
    const version = createHash('sha256').update(placesText).update('\0').update(postcodesText).digest('hex').slice(0, 32);
    if (!force && (await this.repository.referenceVersion('places')) === version) return;
    const started = Date.now();
    const places = readPlacesCsv(placesText);
    const postcodes = readPostcodesCsv(postcodesText);
    await this.repository.replaceBundledPlaces(places, postcodes, BUNDLED_POSTCODE_SOURCE, version);
    this.placeIndex = undefined;
    this.logger.log(`loaded ${places.length} places and ${postcodes.length} postcodes in ${Date.now() - started} ms`);
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

  /**
   * The scale of query cost: how many municipalities a district (or Saxony) has, counted once —
   * boundaries change only through `ensureBoundaries`, at start-up.
   */
  queryCostScale(): Promise<QueryCostScale> {
    this.costScale ??= this.repository.countMunicipalitiesByDistrict().then(
      (byDistrict) => {
        const total = [...byDistrict.values()].reduce((a, b) => a + b, 0);
        const largest = Math.max(0, ...byDistrict.values());
        // an unknown district is refused by validation; estimate it like the largest one
        return { municipalities: (districtAgs) => (districtAgs ? (byDistrict.get(districtAgs) ?? largest) : total) };
      },
      (error) => {
        this.costScale = undefined;
        throw error;
      },
    );
    return this.costScale;
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

  /**
   * Places matching what someone types (search as you type): exact names, beginnings, every word,
   * then with typos; larger places first within each. In memory — the text never reaches the
   * database or a log. See `PlaceIndex` for the rules.
   */
  async searchPlaces(text: string, options: PlaceSearchOptions): Promise<PlaceHit[]> {
    return (await this.places()).search(text, options);
  }

  /** Places by id, in the order asked (unknown ids are left out). */
  async placesByIds(ids: readonly string[]): Promise<Place[]> {
    const index = await this.places();
    return ids.flatMap((id) => index.get(id) ?? []);
  }

  /**
   * The place a reference names: a place id, else the best match of the text as `searchPlaces`
   * ranks it (so "Zabeltiz" is Zabeltitz). Null when nothing matches.
   */
  async findPlace(reference: string): Promise<PlaceHit | null> {
    const index = await this.places();
    const byId = index.get(reference.trim());
    if (byId) return { place: byId, match: PlaceMatchKind.EXACT, typos: 0 };
    return index.search(reference, { limit: 1 })[0] ?? null;
  }

  /**
   * Where people live, per municipality: every place of the given municipalities (or of a
   * district, or of all Saxony), grouped by municipality AGS. Each list starts with the
   * municipality's own place (kind MUNICIPALITY, at its main settlement), then its localities by
   * population, largest first (unknown population last, then by name). Populations are GeoNames'
   * (places of about 1,000 people or more), not census totals: for a municipality's total use the
   * imported Zensus figures. Municipalities without any place are absent.
   */
  async placesByMunicipality(filter: { municipalityAgs?: readonly string[]; districtAgs?: string } = {}): Promise<Map<string, Place[]>> {
    const wanted = filter.municipalityAgs ? new Set(filter.municipalityAgs) : undefined;
    const out = new Map<string, Place[]>();
    for (const place of (await this.places()).all()) {
      if (wanted && !wanted.has(place.municipalityAgs)) continue;
      if (filter.districtAgs && place.districtAgs !== filter.districtAgs) continue;
      out.set(place.municipalityAgs, [...(out.get(place.municipalityAgs) ?? []), place]);
    }
    for (const list of out.values()) {
      list.sort(
        (a, b) =>
          Number(b.kind === PlaceKind.MUNICIPALITY) - Number(a.kind === PlaceKind.MUNICIPALITY) ||
          (b.population ?? -1) - (a.population ?? -1) ||
          a.name.localeCompare(b.name, 'de') ||
          a.id.localeCompare(b.id),
      );
    }
    return out;
  }

  /** Builds the place lookup now, so the first search after a start does not wait for it. */
  async preparePlaceIndex(): Promise<void> {
    await this.places();
  }

  private places(): Promise<PlaceIndex> {
    this.placeIndex ??= this.repository.findPlaces().then(
      (rows) => new PlaceIndex(rows),
      (error) => {
        this.placeIndex = undefined;
        throw error;
      },
    );
    return this.placeIndex;
  }

  /** The postcode and place tables the offline geocoder answers from (bundled and imported postcodes). */
  async geocodingTables(): Promise<OfflineGeocodingTables> {
    const [postcodes, places] = await Promise.all([this.repository.findPostcodePoints(), this.places()]);
    return { postcodes, places: places.all() };
  }

  municipalityPoint(ags: string): Promise<{ latitude: number; longitude: number } | null> {
    return this.repository.municipalityPoint(ags);
  }

  /** A postcode, the point Lotse uses for it and the municipalities it touches; null when unknown. */
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
