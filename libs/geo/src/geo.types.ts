/** Plain results of the geo capability (no entities leave the repository). */
export interface District {
  ags: string;
  name: string;
  kind: string;
  municipalityCount: number;
}

export interface Municipality {
  ags: string;
  districtAgs: string;
  name: string;
  kind: string;
}

export interface Postcode {
  code: string;
  place: string;
  latitude: number;
  longitude: number;
  source: string;
}

export interface AreaAssignment {
  districtAgs: string | null;
  municipalityAgs: string | null;
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: { ags: string; name: string; kind: string; districtAgs?: string };
  geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown };
}

export interface PostcodeRow {
  code: string;
  place: string;
  latitude: number;
  longitude: number;
}
