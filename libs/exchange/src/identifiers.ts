import { IdentifierScheme } from '@lotse/catalogue';

/**
 * German identifiers of organisations, the same in every export: FHIR `Identifier.system` and HSDS
 * `organization_identifier.identifier_scheme` carry the naming system's URI, so a reader of either
 * format recognises an IK or a BSNR without knowing Lotse.
 */
export const IDENTIFIER_SYSTEMS: Readonly<Record<string, { system: string; typeDe: string }>> = {
  [IdentifierScheme.IK]: { system: 'http://fhir.de/sid/arge-ik/iknr', typeDe: 'Institutionskennzeichen (IK)' },
  [IdentifierScheme.BSNR]: { system: 'https://fhir.kbv.de/NamingSystem/KBV_NS_Base_BSNR', typeDe: 'Betriebsstättennummer (BSNR)' },
  [IdentifierScheme.LANR]: { system: 'https://fhir.kbv.de/NamingSystem/KBV_NS_Base_ANR', typeDe: 'Lebenslange Arztnummer (LANR)' },
};

/** The naming system of a Lotse identifier scheme; OTHER (and anything unknown) has none. */
export function identifierSystem(scheme: string): string | undefined {
  return IDENTIFIER_SYSTEMS[scheme]?.system;
}

/** The Lotse scheme of a naming system URI (for imports), or undefined. */
export function schemeOfSystem(system: string): IdentifierScheme | undefined {
  const found = Object.entries(IDENTIFIER_SYSTEMS).find(([, v]) => v.system === system);
  return found ? (found[0] as IdentifierScheme) : undefined;
}
