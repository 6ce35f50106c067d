// Derives libs/catalogue/data/languages.tsv.gz from the npm package `iso-639-3` (MIT; the code
// tables of ISO 639-3, maintained by SIL International) and German names from the ICU/CLDR data
// Node ships (Intl.DisplayNames). Run by `npm run languages:build`; the output is committed, so
// the API and the tests never depend on an ESM-only package at run time.
//
// Kept: individual languages and macrolanguages of every type (living, extinct, ancient, historic,
// constructed); left out: the special codes (mis, mul, und, zxx), which name no language.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso6393 } from 'iso-639-3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const german = new Intl.DisplayNames(['de'], { type: 'language', fallback: 'none' });
const rows = [];
for (const language of iso6393) {
  if (language.scope === 'special') continue;
  const code = language.iso6391 ?? language.iso6393;
  let nameDe = german.of(code) ?? german.of(language.iso6393) ?? '';
  if (nameDe === code || nameDe === language.iso6393) nameDe = '';
  rows.push([language.iso6393, language.iso6391 ?? '', language.name, nameDe].join('\t'));
}
rows.sort();
const out = join(root, 'libs', 'catalogue', 'data', 'languages.tsv.gz');
writeFileSync(out, gzipSync(`iso6393\tiso6391\tname_en\tname_de\n${rows.join('\n')}\n`, { level: 9 }));
console.log(`${rows.length} languages → ${out}`);
