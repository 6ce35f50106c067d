import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { canonicalLanguageCode, findLanguage, IsLanguageCode, languageNameDe, searchLanguages } from './languages';

class Probe {
  @IsLanguageCode() languages: string[];
}

function problems(languages: unknown[]) {
  const probe = plainToInstance(Probe, { languages });
  return { value: probe.languages, errors: validateSync(probe).flatMap((e) => Object.values(e.constraints ?? {})) };
}

describe('languages (ISO 639-1 and ISO 639-3)', () => {
  it('knows the minority and migrant languages coaches meet, with German names', () => {
    expect(findLanguage('hsb')).toMatchObject({ code: 'hsb', iso6391: null, nameDe: 'Obersorbisch' });
    expect(findLanguage('dsb')?.nameDe).toBe('Niedersorbisch');
    expect(findLanguage('uk')).toMatchObject({ code: 'uk', iso6393: 'ukr', nameDe: 'Ukrainisch' });
    expect(findLanguage('prs')?.nameEn).toBe('Dari');
    expect(languageNameDe('ar')).toBe('Arabisch');
  });

  it('stores one code per language: ISO 639-1 where it exists, whichever standard was typed', () => {
    expect(canonicalLanguageCode('deu')).toBe('de');
    expect(canonicalLanguageCode('UKR')).toBe('uk');
    expect(canonicalLanguageCode('hsb')).toBe('hsb');
    expect(problems(['deu', 'hsb', 'ti'])).toEqual({ value: ['de', 'hsb', 'ti'], errors: [] });
  });

  it('refuses codes that name no language, saying which', () => {
    for (const code of ['xx', 'qqq', 'mul', 'und', 'Deutsch', '']) expect(findLanguage(code)).toBeUndefined();
    const { errors } = problems(['de', 'xx']);
    expect(errors).toEqual([expect.stringMatching(/languages must be ISO 639-1 or ISO 639-3 .*"xx" names no language/)]);
    expect(problems([42]).errors).toHaveLength(1);
  });

  it('finds languages by the beginning of a German or English name, the common ones first', () => {
    expect(searchLanguages('Sorb', 5).map((l) => l.code)).toEqual(expect.arrayContaining(['hsb', 'dsb']));
    expect(searchLanguages('ukr', 3)[0].code).toBe('uk');
    expect(searchLanguages('Arab', 5)[0].code).toBe('ar');
    expect(searchLanguages('', 500).every((l) => l.iso6391)).toBe(true);
  });
});
