import { InvalidInputError } from '@lotse/common';
import { GeoService, Place, PlaceKind } from '@lotse/geo';

/** What a coach gave as the participant's place. Exactly one of: point, postcode, municipality, place. */
export interface OriginRequest {
  latitude?: number;
  longitude?: number;
  postcode?: string;
  municipalityAgs?: string;
  /** a place id (from the `places` lookup) or a name as typed: the best match is used */
  place?: string;
}

export enum OriginKind {
  POINT = 'point',
  POSTCODE = 'postcode',
  MUNICIPALITY = 'municipality',
  PLACE = 'place',
}

/** The point a match is computed from, and what it stands for — so the coach sees which point was used. */
export interface ResolvedOrigin {
  latitude: number;
  longitude: number;
  kind: OriginKind;
  /** the place whose point is used (place, municipality, postcode with a known place) */
  place: Place | null;
  postcode: string | null;
  /** for a postcode: every municipality it touches, the point's first */
  postcodeMunicipalities: string[];
  /** German: which point was used */
  description: string;
}


/**
 * Turns an origin into the point Lotse computes from. A place name is looked up like the `places`
 * completion does (typos forgiven) and the best match is used; the result names it, so a coach who
 * typed "Zabeltiz" reads "Zabeltitz (Großenhain)". Nothing of the origin is stored or logged.
 */
export async function resolveOrigin(geo: GeoService, origin: OriginRequest, FIELD = 'request.origin'): Promise<ResolvedOrigin> {
  const given = [
    origin.latitude !== undefined || origin.longitude !== undefined,
    origin.postcode !== undefined,
    origin.municipalityAgs !== undefined,
    origin.place !== undefined,
  ].filter(Boolean).length;
  if (given !== 1) throw InvalidInputError.of(FIELD, 'give exactly one of: latitude and longitude, postcode, municipalityAgs, place');
  const none = { place: null, postcode: null, postcodeMunicipalities: [] };

  if (origin.place !== undefined) {
    const hit = await geo.findPlace(origin.place);
    if (!hit) throw InvalidInputError.of(`${FIELD}.place`, 'no place of Saxony matches; pick one from the places lookup');
    const p = hit.place;
    return { ...none, latitude: p.latitude, longitude: p.longitude, kind: OriginKind.PLACE, place: p, description: `Ort ${placeLabel(p)}` };
  }
  if (origin.municipalityAgs !== undefined) {
    const [place] = await geo.placesByIds([origin.municipalityAgs]);
    if (place) return { ...none, latitude: place.latitude, longitude: place.longitude, kind: OriginKind.MUNICIPALITY, place, description: `Gemeinde ${place.name} (Hauptort)` };
    const point = await geo.municipalityPoint(origin.municipalityAgs);
    if (!point) throw InvalidInputError.of(`${FIELD}.municipalityAgs`, `unknown municipality ${origin.municipalityAgs}`);
    return { ...none, ...point, kind: OriginKind.MUNICIPALITY, description: 'Punkt innerhalb der Gemeinde' };
  }
  if (origin.postcode !== undefined) {
    const postcode = await geo.postcode(origin.postcode);
    if (!postcode) throw InvalidInputError.of(`${FIELD}.postcode`, `postcode ${origin.postcode} is not in the postcode table`);
    const [place] = postcode.placeId ? await geo.placesByIds([postcode.placeId]) : [];
    const others = postcode.municipalities.filter((ags) => ags !== postcode.municipalityAgs);
    const otherNames = others.length ? (await geo.municipalities({ agsList: others }, { limit: others.length })).map((m) => m.name).sort((a, b) => a.localeCompare(b, 'de')) : [];
    const description =
      `PLZ ${postcode.code}: ${place ? placeLabel(place) : postcode.place}` + (otherNames.length ? `; die PLZ reicht auch nach ${otherNames.join(', ')}` : '');
    return {
      latitude: postcode.latitude,
      longitude: postcode.longitude,
      kind: OriginKind.POSTCODE,
      place: place ?? null,
      postcode: postcode.code,
      postcodeMunicipalities: postcode.municipalities,
      description,
    };
  }
  if (origin.latitude === undefined || origin.longitude === undefined) throw InvalidInputError.of(FIELD, 'give both latitude and longitude');
  return { ...none, latitude: origin.latitude, longitude: origin.longitude, kind: OriginKind.POINT, description: 'angegebener Punkt' };
}

function placeLabel(place: Place): string {
  return place.kind === PlaceKind.MUNICIPALITY ? place.name : `${place.name} (${place.municipalityName})`;
}
