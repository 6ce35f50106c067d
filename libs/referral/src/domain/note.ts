import { InvalidInputError } from '@lotse/common';

export const NOTE_MAX_LENGTH = 500;

/**
 * The warning shown wherever a note to the partner is typed or read: the note must not identify the
 * participant. It is deleted with the referral (and at once when consent is withdrawn).
 */
export const NOTE_WARNING_DE =
  'Keine Namen, Geburtsdaten, Adressen, Telefonnummern, Aktenzeichen oder andere Angaben, die die Person erkennbar machen. Die Notiz wird mit der Vermittlung gelöscht.';

/**
 * What gives a note away as identifying, refused before anything is stored: an e-mail address, a
 * phone-like or case-number-like run of digits, a date. A heuristic, not a guarantee — the warning
 * stays the rule.
 */
const IDENTIFYING: { pattern: RegExp; what: string }[] = [
  { pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/, what: 'an e-mail address' },
  { pattern: /(?:\d[\s/.-]?){6,}/, what: 'a phone or file number' },
  { pattern: /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b/, what: 'a date' },
];

/** Trims a free text (note or reason); refuses one that is too long or looks identifying. */
export function checkFreeText(text: string | null | undefined, field: string, maxLength = NOTE_MAX_LENGTH): string | null {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return null;
  if (trimmed.length > maxLength) throw InvalidInputError.of(field, `at most ${maxLength} characters`);
  const hit = IDENTIFYING.find((i) => i.pattern.test(trimmed));
  if (hit) throw InvalidInputError.of(field, `looks like it contains ${hit.what}; nothing that identifies the participant may be written here`);
  return trimmed;
}
