/**
 * Rows the exports read from the catalogue, named once: the HSDS and FHIR mappers build their
 * documents from these, never from SQL results of their own; the import's records
 * (import/import.repository.ts) are these columns plus what only the import keeps. Columns are
 * snake_case as selected.
 */

/** A phone as the catalogue stores it (organisation or location), with its label ("Anmeldung"). */
export interface Phone {
  number: string;
  label?: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  kind: string;
  identifiers: { scheme: string; value: string }[];
  website: string | null;
  email: string | null;
  phones: Phone[];
  fictitious: boolean;
  updated_at: Date;
}

export interface LocationRow {
  id: string;
  organization_id: string;
  name: string | null;
  street: string;
  postcode: string;
  town: string;
  latitude: number;
  longitude: number;
  district_ags: string | null;
  municipality_ags: string | null;
  /** the phones of this place, each labelled */
  phones: Phone[];
  updated_at: string | Date;
}

/** times are 'HH:MM:SS' (as HSDS writes them), dates 'YYYY-MM-DD' */
export interface OpeningHoursRow {
  weekday: number;
  opens_at: string;
  closes_at: string;
}

export interface CourseSessionRow {
  id: string;
  starts_on: string;
  ends_on: string;
  weekday: number;
  start_time: string;
  end_time: string;
  seats: number;
  free_seats: number;
}

export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  category: string;
  specialty: string | null;
  min_age: number | null;
  max_age: number | null;
  insurance_requirement: string;
  eligibility_note: string | null;
  languages: string[];
  accessibility: string[];
  delivery_modes: string[];
  cost_type: string;
  fee_amount: number | null;
  cost_note: string | null;
  accepting_new_clients: boolean;
  free_seats: number | null;
  waiting_days: number | null;
  /** districts (5-digit AGS) and municipalities (8-digit AGS) an outreach or online service serves */
  service_area: string[];
  capacity_updated_at: Date;
  verified_at: Date | null;
  last_modified: Date;
  needs: string[];
  organization: OrganizationRow;
}

/** A service with what a full export nests in it. */
export interface FullServiceRow extends ServiceRow {
  locations: LocationRow[];
  opening_hours: OpeningHoursRow[];
  sessions: CourseSessionRow[];
}

export interface ServiceAtLocationRow {
  service: ServiceRow | FullServiceRow;
  location: LocationRow;
  /** metres from the query's point, when it had one */
  distance_meters: number | null;
}
