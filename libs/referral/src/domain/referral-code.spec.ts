import { generateReferralCode, normalizeReferralCode, REFERRAL_CODE_ALPHABET, REFERRAL_CODE_BITS } from './referral-code';

describe('referral codes', () => {
  it('are three groups of four symbols from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(generateReferralCode()).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    for (const c of ['0', 'O', '1', 'I', 'L', 'U']) expect(REFERRAL_CODE_ALPHABET).not.toContain(c);
    expect(REFERRAL_CODE_ALPHABET).toHaveLength(30);
  });

  it('carry at least 50 bits', () => {
    expect(REFERRAL_CODE_BITS).toBeGreaterThanOrEqual(50);
  });

  it('show no sequence: 20 000 codes are distinct, successive codes share no more than chance, symbols are uniform', () => {
    const codes = Array.from({ length: 20_000 }, () => generateReferralCode().replace(/-/g, ''));
    expect(new Set(codes).size).toBe(codes.length);
    // successive codes agree in a position with probability 1/30: about 0.4 of 12 positions
    let samePositions = 0;
    for (let i = 1; i < codes.length; i++) for (let p = 0; p < 12; p++) if (codes[i][p] === codes[i - 1][p]) samePositions++;
    const perPair = samePositions / (codes.length - 1);
    expect(perPair).toBeGreaterThan(0.3);
    expect(perPair).toBeLessThan(0.5);
    // each symbol appears 240 000 / 30 = 8 000 times; chi-square with 29 degrees of freedom stays far below 70
    const counts = new Map<string, number>();
    for (const code of codes) for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(30);
    const expected = (codes.length * 12) / 30;
    const chi2 = [...counts.values()].reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(70);
  });

  it('use the random source for every symbol', () => {
    let i = 0;
    expect(generateReferralCode(() => i++ % 30)).toBe('2345-6789-ABCD');
  });

  it('are read back however they are typed, and nonsense is refused', () => {
    expect(normalizeReferralCode(' 7kqm x4tb-9hzd ')).toBe('7KQM-X4TB-9HZD');
    expect(normalizeReferralCode('7KQM-X4TB-9HZ')).toBeNull();
    expect(normalizeReferralCode('7KQM-X4TB-9HZ0')).toBeNull();
    expect(normalizeReferralCode('')).toBeNull();
  });
});
