import { randomInt } from 'node:crypto';

/**
 * The alphabet of referral codes: Crockford's base 32 without 0 and 1 as well (it already leaves
 * out I, L, O and U), so no two characters look or sound alike when a participant reads the code
 * from the hand-out over the phone. 30 symbols.
 */
export const REFERRAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERRAL_CODE_GROUPS = 3;
export const REFERRAL_CODE_GROUP_LENGTH = 4;
/** 12 symbols of 30: log2(30^12) ≈ 58.9 bits, far beyond guessing through a rate-limited API. */
export const REFERRAL_CODE_BITS = REFERRAL_CODE_GROUPS * REFERRAL_CODE_GROUP_LENGTH * Math.log2(REFERRAL_CODE_ALPHABET.length);

/**
 * A new referral code such as "7KQM-X4TB-9HZD": every symbol drawn independently from the
 * operating system's CSPRNG (`randomInt` rejects biased samples), so codes carry no sequence, no
 * time and nothing about the referral. Never log one.
 */
export function generateReferralCode(random: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < REFERRAL_CODE_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < REFERRAL_CODE_GROUP_LENGTH; i++) group += REFERRAL_CODE_ALPHABET[random(REFERRAL_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

const CODE_PATTERN = new RegExp(`^[${REFERRAL_CODE_ALPHABET}]{${REFERRAL_CODE_GROUPS * REFERRAL_CODE_GROUP_LENGTH}}$`);

/**
 * The stored form of a code as typed or read out: any case, spaces and dashes anywhere. Returns
 * null when it cannot be a code (wrong length or a symbol outside the alphabet).
 */
export function normalizeReferralCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  if (!CODE_PATTERN.test(compact)) return null;
  const size = REFERRAL_CODE_GROUP_LENGTH;
  return Array.from({ length: REFERRAL_CODE_GROUPS }, (_, g) => compact.slice(g * size, (g + 1) * size)).join('-');
}
