/**
 * The curated German vocabulary of the health and social field: what coaches type, and what the
 * listings say instead. Both search engines apply it the same way, at indexing time: a document
 * that contains what an entry `finds` is indexed with the entry's `terms` as keywords, so a query
 * for one of the terms finds it — in PostgreSQL and in Meilisearch alike, without either engine
 * knowing the list at query time. (Change the list → run `npm run cli -- reindex`.)
 *
 * - `terms`: words a coach types (single words, any spelling with umlauts; they are folded).
 * - `finds`: what a listing says — words or phrases; a phrase ("rücken kurs") matches when the
 *   listing has all its words anywhere, also as parts of compounds ("Rückenschule – Präventionskurs").
 *   A word matches an indexed word or a compound part of one.
 * - Synonyms are entries whose terms also find each other (`synonyms(...)`); narrower terms are
 *   one-way: "Psychologe" finds psychotherapy listings, "Psychotherapie" does not find every
 *   listing that says "Psychologe".
 *
 * Compound words coaches type ("Rückenkurs", "Bewegungskurs", "Ernährungskurs") need no entry: the
 * query word is split into its parts (see `querySplit` in german.ts).
 */
export interface SearchTermEntry {
  terms: readonly string[];
  finds: readonly string[];
  /** why the entry exists (documentation only) */
  note?: string;
}

/** Every term finds every other: the entry's words are synonyms. */
function synonyms(words: string[], note?: string): SearchTermEntry {
  return { terms: words, finds: words, note };
}

export const SEARCH_TERMS: readonly SearchTermEntry[] = [
  // addiction, debts, insurance, GP — the first list (2026.1)
  synonyms(['suchtberatung', 'suchthilfe', 'suchtberatungsstelle', 'drogenberatung', 'alkoholberatung']),
  synonyms(['hausarzt', 'hausärztin', 'allgemeinmedizin', 'allgemeinmediziner', 'allgemeinarzt', 'hausarztpraxis']),
  synonyms(['schuldnerberatung', 'schuldenberatung', 'insolvenzberatung']),
  synonyms(['krankenkasse', 'krankenversicherung']),
  synonyms(['reha', 'rehabilitation']),
  synonyms(['psychotherapeut', 'psychotherapeutin', 'therapeut', 'therapeutin']),
  synonyms(['barrierefrei', 'rollstuhlgerecht', 'behindertengerecht']),
  synonyms(['ernährungsberatung', 'diätberatung']),

  // mental health
  {
    terms: ['psychologe', 'psychologin', 'psychologen', 'psychologisch', 'psychologische', 'psychologischer'],
    finds: ['psychotherapie', 'psychotherapeut', 'psychotherapeutin', 'psychotherapeutische', 'psychotherapeutisch', 'verhaltenstherapie', 'psychologe', 'psychologin'],
    note: 'coaches say Psychologe for any talking therapy; listings say Psychotherapie',
  },
  {
    terms: ['pia', 'institutsambulanz', 'psychiatrieambulanz'],
    finds: ['institutsambulanz', 'psychiatrische ambulanz', 'psychiatrieambulanz', 'pia'],
    note: 'PIA = Psychiatrische Institutsambulanz (§ 118 SGB V)',
  },
  {
    terms: ['psychiater', 'psychiaterin', 'psychiatrie', 'psychiatrisch', 'psychiatrische'],
    finds: ['psychiatrie', 'psychiater', 'psychiaterin', 'psychiatrische', 'institutsambulanz', 'nervenarzt', 'nervenärztin'],
  },
  synonyms(['krisendienst', 'krisenintervention', 'krisenhilfe', 'krisenberatung', 'krisentelefon', 'krisendienste'], 'crisis services'),
  {
    terms: ['notfall', 'notfallhilfe', 'akuthilfe'],
    finds: ['krisendienst', 'krisenintervention', 'krisenhilfe', 'notfall', 'notfallhilfe'],
  },
  synonyms(['angehörige', 'angehöriger', 'angehörigen', 'angehörigengruppe', 'angehörigenarbeit', 'angehörigenberatung', 'familienangehörige'], 'relatives and carers'),
  {
    terms: ['kranke', 'kranker', 'kranken', 'krankheit', 'erkrankte', 'erkrankter', 'erkrankten'],
    finds: ['krank', 'kranke', 'kranker', 'kranken', 'krankheit', 'erkrankt', 'erkrankte', 'erkrankter', 'erkrankten', 'erkrankung', 'erkrankungen'],
    note: '"psychisch Kranker" — listings say "psychisch erkrankter Menschen"',
  },
  synonyms(['selbsthilfe', 'selbsthilfegruppe', 'selbsthilfegruppen']),

  // smoking
  synonyms(
    ['raucherentwöhnung', 'rauchentwöhnung', 'tabakentwöhnung', 'rauchfrei', 'nichtraucher', 'nichtraucherin', 'nichtraucherkurs', 'rauchstopp', 'nichtrauchen'],
    'smoking cessation: "Rauchfrei-Kurs", "Nichtraucherkurs", "Rauchstopp"',
  ),

  // exercise and back
  {
    terms: ['rückenschule', 'rückenkurs', 'rückengymnastik', 'rückentraining', 'rückenfit'],
    finds: ['rückenschule', 'rückenkurs', 'rückengymnastik', 'rückentraining', 'rücken kurs', 'rücken training', 'rücken gymnastik'],
    note: 'a back course by any name',
  },
  {
    terms: ['bewegungskurs', 'bewegungsangebot', 'sportkurs', 'sportangebot'],
    finds: ['bewegung kurs', 'sport kurs', 'bewegungskurs', 'sportkurs', 'wassergymnastik'],
    note: 'an exercise course: any course about exercise',
  },
  synonyms(['entspannung', 'entspannungskurs', 'stressbewältigung', 'stressmanagement', 'achtsamkeit']),
  synonyms(['schmerz', 'schmerzen', 'schmerztherapie', 'schmerzbehandlung']),
  synonyms(['übergewicht', 'adipositas', 'abnehmen', 'gewichtsreduktion']),
];
