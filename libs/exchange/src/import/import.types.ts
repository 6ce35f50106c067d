import {
  AccessibilityFeature,
  CostType,
  CourseSessionImport,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  ServiceCategory,
  WeeklyOpeningHours,
} from '@lotse/catalogue';

/** The formats an import reads. */
export enum ImportFormat {
  /** a coordinator's spreadsheet with German column headings, one row per service at a location */
  XLSX = 'xlsx',
  CSV = 'csv',
  /** HSDS 3.0 JSON: one object, a package (array) or a paginated list of organizations, services or service_at_locations */
  HSDS_JSON = 'hsds_json',
  /** the HSDS 3.0 tabular datapackage: datapackage.json and its CSV files (folder or zip) */
  HSDS_DATAPACKAGE = 'hsds_datapackage',
}

export enum ProblemCode {
  UNKNOWN_CATEGORY = 'unknown_category',
  UNKNOWN_NEED = 'unknown_need',
  /** a taxonomy term of an HSDS document Lotse has no meaning for (ignored) */
  UNKNOWN_TERM = 'unknown_term',
  BAD_POSTCODE = 'bad_postcode',
  ADDRESS_NOT_FOUND = 'address_not_found',
  DUPLICATE = 'duplicate',
  MISSING_VALUE = 'missing_value',
  BAD_VALUE = 'bad_value',
  /** a record refers to another that is missing or was refused (a service of an organisation not in the file) */
  BAD_REFERENCE = 'bad_reference',
  /** the file itself: unreadable, unknown format, no known columns */
  BAD_FILE = 'bad_file',
}

/**
 * One problem, where a coordinator finds it: row and column of a spreadsheet (row numbers as the
 * spreadsheet program shows them, the heading row is 1), or the JSON path / file and row of an
 * HSDS document. An error refuses the record it names (and what depends on it); a warning does not.
 */
export interface ImportProblem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** "Zeile 7, Spalte „PLZ“" or "$.contents[0].service_at_locations[0].location.addresses[0].postal_code" */
  where: string;
  row?: number;
  column?: string;
  path?: string;
  /** German, for the coordinator */
  message: string;
  /** the offending value, as read */
  value?: string;
}

/** Where a record came from, for its problems. */
export interface SourceRef {
  /** spreadsheet row (1-based, the heading is row 1) */
  row?: number;
  /** JSON path or "services.csv:4" */
  path?: string;
}

export interface ImportOrganization {
  externalId: string;
  name: string;
  kind: OrganizationKind;
  identifiers: { scheme: IdentifierScheme; value: string }[];
  website: string | null;
  email: string | null;
  phones: { number: string; label?: string }[];
  /** when the source offers a UUID of its own, the record keeps it in Lotse (if free): a round trip keeps ids */
  preferredId?: string;
  ref: SourceRef;
}

export interface ImportLocation {
  externalId: string;
  organizationExternalId: string;
  name: string | null;
  street: string;
  postcode: string;
  town: string;
  /** given coordinates win; without them the address is geocoded */
  latitude: number | null;
  longitude: number | null;
  /** the place's own phones; undefined = the source says nothing about them (a spreadsheet): the ones in Lotse stay */
  phones?: { number: string; label?: string }[];
  preferredId?: string;
  ref: SourceRef;
}

/** A course run; `externalId` is the source's id of it (an HSDS schedule's), kept as its Lotse id where free. */
export type ImportSession = CourseSessionImport & { externalId?: string };

export interface ImportService {
  externalId: string;
  organizationExternalId: string;
  locationExternalIds: string[];
  name: string;
  description: string;
  category: ServiceCategory;
  specialty: MedicalSpecialty | null;
  needs: string[];
  minAge: number | null;
  maxAge: number | null;
  insuranceRequirement: InsuranceRequirement;
  eligibilityNote: string | null;
  languages: string[];
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  costType: CostType;
  feeAmountEuro: number | null;
  costNote: string | null;
  acceptingNewClients: boolean;
  freeSeats: number | null;
  waitingDays: number | null;
  openingHours: WeeklyOpeningHours[];
  sessions: ImportSession[];
  /** districts (5-digit AGS) and municipalities (8-digit AGS) served; undefined = the source says nothing (the ones in Lotse stay) */
  serviceArea?: string[];
  /** when the source last confirmed the capacity (HSDS 3.1 `service_capacity.updated`, ISO); null = not said (now, when it changes) */
  capacityUpdatedAt: string | null;
  /** the day the source last checked the listing (HSDS `assured_date`, 'YYYY-MM-DD'); null = not said (Lotse's stays) */
  assuredDate: string | null;
  preferredId?: string;
  ref: SourceRef;
}

/**
 * What a file says, in Lotse's terms, before anything is written: the records that passed the
 * parser's checks, every external id the file lists (also of refused records — a full import must
 * not retire what it merely could not read), and the problems.
 */
export interface ImportDocument {
  format: ImportFormat;
  organizations: ImportOrganization[];
  locations: ImportLocation[];
  services: ImportService[];
  listed: { organizations: Set<string>; locations: Set<string>; services: Set<string> };
  problems: ImportProblem[];
  /** records the file holds (spreadsheet rows, HSDS services), for the report */
  records: number;
}

export interface ImportOptions {
  /** names the source; re-imports of the same source update its records */
  source: string;
  fileName: string;
  dryRun: boolean;
  /** imported organisations become ACTIVE (default: PENDING, for a coordinator to admit) */
  activate: boolean;
  /** retire what the source has in Lotse but this file no longer lists (a full import) */
  retireMissing: boolean;
  format?: ImportFormat;
  onProgress?: (done: number, total: number) => void;
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  refused: number;
}

export interface ImportReport {
  runId: string | null;
  format: ImportFormat;
  source: string;
  fileName: string;
  dryRun: boolean;
  /** records the file holds */
  records: number;
  organizations: EntityCounts;
  locations: EntityCounts;
  services: EntityCounts;
  /** the geocoder that placed addresses without coordinates, and how exact its points are */
  geocoder: string;
  precision: { exact: number; street: number; postcode: number; locality: number };
  problems: ImportProblem[];
  errors: number;
  warnings: number;
  elapsedMs: number;
  /** where the time went: reading and checking the file, reading what the source has, placing addresses, comparing, writing */
  phases: { readMs: number; existingMs: number; placeMs: number; planMs: number; writeMs: number };
}

export function emptyCounts(): EntityCounts {
  return { created: 0, updated: 0, unchanged: 0, retired: 0, refused: 0 };
}

/** "Zeile 7, Spalte „PLZ“" — where a spreadsheet problem is. */
export function spreadsheetWhere(row: number, column?: string): string {
  return column ? `Zeile ${row}, Spalte „${column}“` : `Zeile ${row}`;
}

export function whereOf(ref: SourceRef, field?: string): Pick<ImportProblem, 'where' | 'row' | 'column' | 'path'> {
  if (ref.row !== undefined) return { where: spreadsheetWhere(ref.row, field), row: ref.row, column: field };
  const path = field ? `${ref.path}.${field}` : ref.path ?? '$';
  return { where: path, path };
}
