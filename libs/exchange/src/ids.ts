import { createHash } from 'node:crypto';

/**
 * HSDS wants a UUID for every object, also for the ones Lotse keeps as plain values (a taxonomy term,
 * a service's language, its opening hours, a service at a location). They get name-based UUIDs
 * (RFC 9562 version 5) under Lotse's namespace, so the same thing has the same id in every export and
 * an import of Lotse's own export finds it again.
 */
export const LOTSE_UUID_NAMESPACE = '6f1c1e52-8a43-4a64-9d0e-5b0c2f6a4c17';

export function uuidV5(name: string, namespace = LOTSE_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a derived object: its kind and what it belongs to, e.g. `derivedId('language', serviceId, 'de')`. */
export function derivedId(kind: string, ...parts: (string | number)[]): string {
  return uuidV5(`lotse:${kind}:${parts.join(':')}`);
}

/**
 * The id of the service at a location: from the pair, so it never changes while both exist. MD5 of
 * "<service id>:<location id>" in the UUID version-3 layout, because the database can compute it too
 * (`SERVICE_AT_LOCATION_ID_SQL`) and so find a pair by its id without storing it.
 */
export function serviceAtLocationId(serviceId: string, locationId: string): string {
  const hex = createHash('md5').update(`${serviceId.toLowerCase()}:${locationId.toLowerCase()}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-3${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `serviceAtLocationId` in SQL over the columns `serviceId`, `locationId` (uuid expressions). */
export function serviceAtLocationIdSql(serviceId: string, locationId: string): string {
  const x = `md5(${serviceId}::text || ':' || ${locationId}::text)`;
  return `(substr(${x}, 1, 12) || '3' || substr(${x}, 14, 3) || to_hex((('x' || substr(${x}, 17, 1))::bit(4)::int & 3) | 8) || substr(${x}, 18))::uuid`;
}
