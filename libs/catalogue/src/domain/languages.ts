import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Languages a service is offered in and a participant speaks: every language of ISO 639-3 (which
 * includes all of ISO 639-1), from the `iso-639-3` package (SIL International's code tables), with
 * German names from CLDR where it has one and the English reference name otherwise. Derived by
 * `npm run languages:build` into `libs/catalogue/data/languages.tsv.gz`.
 *
 * A language has one code in Lotse: its two-letter ISO 639-1 code where it has one ("de", "uk"),
 * its three-letter ISO 639-3 code otherwise ("hsb" Obersorbisch, "prs" Dari). Input may use either
 * ("deu" is stored as "de"), so filters and matching compare like with like; a code that names no
 * language ("xx") is refused.
 */
export interface Language {
  /** the code Lotse stores: ISO 639-1 where it exists, else ISO 639-3 */
  code: string;
  iso6393: string;
  iso6391: string | null;
  nameDe: string;
  nameEn: string;
}

let table: { byCode: Map<string, Language>; all: Language[] } | undefined;

function languages() {
  if (!table) {
    const text = gunzipSync(readFileSync(join(__dirname, '..', '..', 'data', 'languages.tsv.gz'))).toString('utf8');
    const byCode = new Map<string, Language>();
    const all: Language[] = [];
    for (const line of text.split('\n').slice(1)) {
      if (!line) continue;
      const [iso6393, iso6391, nameEn, nameDe] = line.split('\t');
      const language: Language = { code: iso6391 || iso6393, iso6393, iso6391: iso6391 || null, nameEn, nameDe: nameDe || nameEn };
      all.push(language);
      byCode.set(iso6393, language);
      if (iso6391) byCode.set(iso6391, language);
    }
    all.sort((a, b) => a.nameDe.localeCompare(b.nameDe, 'de'));
    table = { byCode, all };
  }
  return table;
}

/** The language a code names (either standard, any case), or undefined. */
export function findLanguage(code: string): Language | undefined {
  return typeof code === 'string' ? languages().byCode.get(code.trim().toLowerCase()) : undefined;
}

/** Lotse's code for a language code, or the input unchanged when it names no language (validation then refuses it). */
export function canonicalLanguageCode(code: string): string {
  return findLanguage(code)?.code ?? code;
}

export function languageNameDe(code: string): string {
  return findLanguage(code)?.nameDe ?? code;
}

/** Languages whose German or English name or code starts with (or, from three letters, contains) `text`. */
export function searchLanguages(text: string, limit: number): Language[] {
  const q = text.trim().toLocaleLowerCase('de');
  const { all } = languages();
  if (!q) return all.filter((l) => l.iso6391).slice(0, limit);
  const exact = findLanguage(q);
  const scored: { language: Language; rank: number }[] = [];
  for (const language of all) {
    const de = language.nameDe.toLocaleLowerCase('de');
    const en = language.nameEn.toLowerCase();
    const rank = language === exact ? 0 : de.startsWith(q) ? 1 : en.startsWith(q) ? 2 : q.length >= 3 && (de.includes(q) || en.includes(q)) ? 3 : -1;
    // the 184 languages of ISO 639-1 are the ones most people speak: before the rest of a rank
    if (rank >= 0) scored.push({ language, rank: rank * 2 + (language.iso6391 ? 0 : 1) });
  }
  return scored.sort((a, b) => a.rank - b.rank).slice(0, limit).map((s) => s.language);
}

/**
 * For input fields holding language codes (one or, with `each`, a list): stores Lotse's code
 * (`deu` → `de`) and refuses codes that name no language, with a message naming the field.
 */
export function IsLanguageCode(options: ValidationOptions = {}): PropertyDecorator {
  const normalize = Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? canonicalLanguageCode(v) : v)) : typeof value === 'string' ? canonicalLanguageCode(value) : value,
  );
  return (target: object, propertyName: string | symbol) => {
    normalize(target, propertyName);
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be ISO 639-1 or ISO 639-3 language codes such as "de", "uk" or "hsb"; "${[args.value].flat().find((v) => !findLanguage(v as string))}" names no language`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => (Array.isArray(value) ? value.every((v) => typeof v === 'string' && !!findLanguage(v)) : typeof value === 'string' && !!findLanguage(value)),
      },
    });
  };
}
