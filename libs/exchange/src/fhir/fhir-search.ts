import { InvalidInputError } from '@lotse/common';
import { LotseVocabulary, taxonomyUri } from '../vocabulary/lotse-taxonomies';

/** Parsing of FHIR search parameter values (R4 "Search"), each error naming its parameter. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 200 km: the whole of Saxony from its middle */
export const MAX_NEAR_KM = 200;

/** `_id=a,b`: ids that are no UUID can match nothing, so they are dropped (an empty result, not an error). */
export function idsOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((v) => v.trim()).filter((v) => UUID.test(v));
}

/** `organization=Organization/<id>` or `<id>`; `null` when it can match nothing. */
export function referenceId(value: string | undefined, type: string, param: string): string | null | undefined {
  if (value === undefined) return undefined;
  const match = new RegExp(`^(?:(?:.*/)?${type}/)?([^/]+)$`).exec(value.trim());
  if (!match) throw InvalidInputError.of(param, `${param} must be ${type}/<id> or <id>`);
  return UUID.test(match[1]) ? match[1].toLowerCase() : null;
}

/**
 * `_lastUpdated` values (prefix + date or date-time, repeatable) as a half-open interval. A date stands
 * for its whole day (UTC), a date-time for its second, as FHIR's implicit precision has it.
 */
export function lastUpdatedRange(values: string[] | undefined): { after?: Date; before?: Date } {
  const range: { after?: Date; before?: Date } = {};
  const later = (a: Date | undefined, b: Date) => (!a || b > a ? b : a);
  const earlier = (a: Date | undefined, b: Date) => (!a || b < a ? b : a);
  for (const value of values ?? []) {
    const match = /^(eq|ne|gt|ge|lt|le|sa|eb|ap)?(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.exec(value.trim());
    if (!match) throw InvalidInputError.of('_lastUpdated', '_lastUpdated must be [eq|gt|ge|lt|le]YYYY-MM-DD or a date-time with time zone, e.g. ge2026-11-01T00:00:00Z');
    const [, prefix = 'eq', date, time] = match;
    const lo = new Date(time ? `${date}${time}` : `${date}T00:00:00Z`);
    if (Number.isNaN(lo.getTime())) throw InvalidInputError.of('_lastUpdated', `${value} is not a date`);
    const hi = new Date(lo.getTime() + (time ? (/:\d{2}:\d{2}/.test(time) ? 1000 : 60_000) : 86_400_000));
    switch (prefix) {
      case 'eq': range.after = later(range.after, lo); range.before = earlier(range.before, hi); break;
      case 'ge': case 'sa': range.after = later(range.after, prefix === 'sa' ? hi : lo); break;
      case 'gt': range.after = later(range.after, hi); break;
      case 'le': range.before = earlier(range.before, hi); break;
      case 'lt': case 'eb': range.before = earlier(range.before, lo); break;
      default: throw InvalidInputError.of('_lastUpdated', `the prefix ${prefix} is not supported; use eq, gt, ge, lt or le`);
    }
  }
  return range;
}

/** `near=lat|lon|distance|units` (units km or m; distance default 50 km, at most 200 km). */
export function nearOf(value: string | undefined): { latitude: number; longitude: number; meters: number } | undefined {
  if (value === undefined) return undefined;
  const [lat, lon, distance, units = 'km'] = value.split('|');
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (!lat || !lon || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw InvalidInputError.of('near', 'near must be latitude|longitude|distance|units, e.g. 51.16|13.48|10|km');
  }
  const factor = units === 'km' || units === 'urn:ucum:km' ? 1000 : units === 'm' ? 1 : NaN;
  if (Number.isNaN(factor)) throw InvalidInputError.of('near', 'near units must be km or m');
  const meters = distance === undefined || distance === '' ? 50_000 : Number(distance) * factor;
  if (!Number.isFinite(meters) || meters <= 0 || meters > MAX_NEAR_KM * 1000) throw InvalidInputError.of('near', `near distance must be more than 0 and at most ${MAX_NEAR_KM} km`);
  return { latitude, longitude, meters };
}

/**
 * A token parameter over one of Lotse's vocabularies: `code`, `system|code` or `|code`, comma for OR.
 * Codes of another system match nothing.
 */
export function tokenCodes(value: string | undefined, vocabulary: LotseVocabulary): string[] | undefined {
  if (value === undefined) return undefined;
  const system = taxonomyUri(vocabulary);
  return value.split(',').flatMap((token) => {
    const bar = token.indexOf('|');
    if (bar < 0) return [token.trim()];
    const [s, code] = [token.slice(0, bar), token.slice(bar + 1)];
    return s === '' || s === system ? [code.trim()] : [];
  }).filter(Boolean);
}
