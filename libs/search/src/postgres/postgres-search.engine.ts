import { DataSource } from 'typeorm';
import { SearchEngine } from '../search-engine.port';
import { SearchDocument, SearchEngineHealth, SearchFacets, SearchQuery, SearchResult, SearchSort } from '../search.types';
import { foldedSynonyms, foldedWords, GERMAN_STOP_WORDS, querySplit, typoBudget, typoDistance } from '../text/german';

const STOP_WORDS = new Set(GERMAN_STOP_WORDS);

/** ts_rank weights for D, C, B, A: name ≫ organisation, labels, keywords ≫ towns, accessibility ≫ description. */
const RANK_WEIGHTS = `'{0.1, 0.2, 0.4, 1.0}'`;
/** Words of one query taken into account (longer queries are cut). */
const MAX_QUERY_WORDS = 10;
/** Nearest vocabulary words (trigram distance) checked for typos, per query word. */
const TYPO_CANDIDATES = 40;
/** Completions of the word being typed. */
const PREFIX_COMPLETIONS = 50;
const WRITE_CHUNK = 500;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One query word with its alternatives: [0] exact (and synonyms, completions), [1] one typo, [2] two
 * typos. An alternative is a word, or a compound's parts as a tsquery conjunction "(a & b)".
 */
type Alternatives = [string[], string[], string[]];

/**
 * @description
 * Full-text search in PostgreSQL itself: the default engine and the one of the embedded database.
 *
 * - Index: `search_document` with a weighted `tsvector` (German configuration, after umlaut folding
 *   and `unaccent`) on a GIN index, the listing's points as a geography MultiPoint on GiST, filter
 *   columns as arrays on GIN. `search_vocabulary` holds every indexed word for typo correction.
 * - Typos: each query word is looked up in the vocabulary by trigram distance (KNN on a GiST
 *   trigram index), and candidates within the word's typo budget (Damerau–Levenshtein, see
 *   `typoDistance`) become alternatives, as do its synonyms and — for the word being typed — its
 *   completions. Every word must match through one of its alternatives.
 * - Ranking, like Meilisearch's rules: fewer typos first, then ts_rank with attribute weights
 *   (+1 when the whole name equals the query), then name and id for a stable order.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';

  constructor(private readonly db: DataSource) {}

  async init(): Promise<void> {
    // Tables and indexes come with the migrations.
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
      const chunk = documents.slice(i, i + WRITE_CHUNK);
      const vocabulary = new Set<string>();
      const records = chunk.map((d) => {
        const texts = {
          a: foldedWords(d.name),
          b: foldedWords([d.organizationName, d.categoryLabel, ...d.specialtyLabels, ...d.needLabels, ...d.keywords].join(' ')),
          c: foldedWords([...d.towns, ...d.accessibilityLabels].join(' ')),
          d: foldedWords(d.description),
        };
        for (const list of Object.values(texts)) for (const w of list) vocabulary.add(w);
        return {
          id: d.id,
          document: d,
          name_sort: d.nameSort,
          category: d.category,
          needs: d.needs,
          district_ags: d.districtAgs,
          languages: d.languages,
          accessibility: d.accessibility,
          accepting: d.acceptingNewClients,
          points: d.locations.map((l) => [l.longitude, l.latitude]),
          a: texts.a.join(' '),
          b: texts.b.join(' '),
          c: texts.c.join(' '),
          d: texts.d.join(' '),
        };
      });
      // One statement (the data-modifying CTE always runs): documents and their words land together or not at all.
      await this.db.query(
        `WITH docs AS (
           INSERT INTO search_document (id, document, name_sort, category, needs, district_ags, languages, accessibility,
                                        accepting_new_clients, points, search_vector, indexed_at)
           SELECT r.id, r.document, r.name_sort, r.category, r.needs, r.district_ags, r.languages, r.accessibility, r.accepting,
                  (SELECT ST_Multi(ST_Collect(ST_SetSRID(ST_MakePoint((p->>0)::float8, (p->>1)::float8), 4326)))::geography
                   FROM jsonb_array_elements(r.points) p),
                  setweight(to_tsvector('german', unaccent(r.a)), 'A') || setweight(to_tsvector('german', unaccent(r.b)), 'B') ||
                  setweight(to_tsvector('german', unaccent(r.c)), 'C') || setweight(to_tsvector('german', unaccent(r.d)), 'D'),
                  now()
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, document jsonb, name_sort text, category varchar, needs text[], district_ags text[],
                                                  languages text[], accessibility text[], accepting boolean, points jsonb, a text, b text, c text, d text)
           ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, name_sort = EXCLUDED.name_sort, category = EXCLUDED.category,
             needs = EXCLUDED.needs, district_ags = EXCLUDED.district_ags, languages = EXCLUDED.languages, accessibility = EXCLUDED.accessibility,
             accepting_new_clients = EXCLUDED.accepting_new_clients, points = EXCLUDED.points, search_vector = EXCLUDED.search_vector,
             indexed_at = EXCLUDED.indexed_at
           RETURNING 1
         )
         INSERT INTO search_vocabulary (word) SELECT w FROM unnest($2::text[]) AS w
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(records), [...vocabulary]],
      );
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Vocabulary words stay: a stale word can only propose a correction that then matches nothing.
    await this.db.query(`DELETE FROM search_document WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async clear(): Promise<void> {
    await this.db.query(`DELETE FROM search_document`);
    await this.db.query(`DELETE FROM search_vocabulary`);
  }

  async *listIds(): AsyncIterable<string[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string }[] = await this.db.query(`SELECT id FROM search_document WHERE id > $1::uuid ORDER BY id LIMIT 1000`, [after]);
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      after = rows[rows.length - 1].id;
    }
  }

  async health(): Promise<SearchEngineHealth> {
    try {
      await this.db.query(`SELECT 1 FROM search_document LIMIT 1`);
      return { status: 'up' };
    } catch (e) {
      return { status: 'down', message: e instanceof Error ? e.message : String(e) };
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const p = new Params();
    const where: string[] = [];
    const select: string[] = ['d.id', 'd.name_sort', 'd.category', 'd.needs', 'd.district_ags'];
    let typos = '0';
    let rank = '0';
    /** the text's tsqueries, computed once per search (not per row): columns of CTE `q` */
    const queries: string[] = [];

    const text = query.text ?? '';
    // stop words are ignored entirely (as Meilisearch does with the same list)
    const tokens = [...new Set(foldedWords(text))].filter((w) => !STOP_WORDS.has(w)).slice(0, MAX_QUERY_WORDS);
    if (tokens.length > 0) {
      const typing = !/\s$/.test(text);
      const alternatives = await this.alternatives(tokens, typing);
      const all = alternatives.map((alts) => `to_tsquery('german', ${p.add(alts.flat().join(' | '))})`).join(' && ');
      // inline in WHERE, where it is a constant for the GIN index scan
      where.push(`d.search_vector @@ (${all})`);
      queries.push(`${all} AS q_all`);
      // Typos of a hit: for every query word, the fewest with which one of its alternatives matches.
      typos = alternatives
        .map((alts, i) => {
          queries.push(`to_tsquery('german', ${p.add(alts[0].join(' | '))}) AS q${i}_0`);
          const cases = [`WHEN numnode(q.q${i}_0) = 0 OR d.search_vector @@ q.q${i}_0 THEN 0`];
          if (alts[1].length) {
            queries.push(`to_tsquery('german', ${p.add(alts[1].join(' | '))}) AS q${i}_1`);
            cases.push(`WHEN d.search_vector @@ q.q${i}_1 THEN 1`);
          }
          return `CASE ${cases.join(' ')} ELSE 2 END`;
        })
        .join(' + ');
      const name = p.add(foldedWords(text).join(' '));
      rank = `ts_rank(${RANK_WEIGHTS}, d.search_vector, q.q_all, 0) + CASE WHEN d.name_sort = ${name} THEN 1 ELSE 0 END`;
    }
    select.push(`(${typos}) AS typos`, `(${rank})::float8 AS rank`);

    const f = query.filter ?? {};
    if (f.categories?.length) where.push(`d.category = ANY(${p.add(f.categories)}::text[])`);
    if (f.needs?.length) where.push(`d.needs && ${p.add(f.needs)}::text[]`);
    if (f.districtAgs) where.push(`d.district_ags @> ARRAY[${p.add(f.districtAgs)}]::text[]`);
    if (f.language) where.push(`d.languages @> ARRAY[${p.add(f.language)}]::text[]`);
    if (f.accessibility?.length) where.push(`d.accessibility @> ${p.add(f.accessibility)}::text[]`);
    if (f.acceptingNewClients !== undefined) where.push(`d.accepting_new_clients = ${p.add(f.acceptingNewClients)}`);
    if (query.near) {
      const origin = `ST_SetSRID(ST_MakePoint(${p.add(query.near.longitude)}::float8, ${p.add(query.near.latitude)}::float8), 4326)::geography`;
      where.push(`ST_DWithin(d.points, ${origin}, ${p.add(query.near.radiusMeters)}::float8)`);
      select.push(`ST_Distance(d.points, ${origin}) AS distance`);
    } else {
      select.push(`NULL::float8 AS distance`);
    }

    const order =
      query.sort === SearchSort.DISTANCE ? 'distance, typos, rank DESC, name_sort, id'
      : query.sort === SearchSort.NAME ? 'name_sort, id'
      : 'typos, rank DESC, name_sort, id';
    const [row] = await this.db.query(
      `WITH q AS MATERIALIZED (SELECT ${queries.length ? queries.join(', ') : 'NULL AS none'}),
       m AS MATERIALIZED (
         SELECT ${select.join(', ')} FROM search_document d CROSS JOIN q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       )
       SELECT (SELECT count(*)::int FROM m) AS total,
              (SELECT coalesce(json_agg(json_build_object('id', x.id, 'distanceMeters', x.distance) ORDER BY x.n), '[]'::json)
                 FROM (SELECT id, distance, row_number() OVER (ORDER BY ${order}) AS n FROM m
                       ORDER BY ${order} OFFSET ${p.add(query.offset)} LIMIT ${p.add(query.limit)}) x) AS hits,
              (SELECT json_object_agg(v, n) FROM (SELECT category AS v, count(*)::int AS n FROM m GROUP BY 1) c) AS categories,
              (SELECT json_object_agg(v, n) FROM (SELECT unnest(needs) AS v, count(*)::int AS n FROM m GROUP BY 1) c) AS needs,
              (SELECT json_object_agg(v, n) FROM (SELECT unnest(district_ags) AS v, count(*)::int AS n FROM m GROUP BY 1) c) AS districts`,
      p.values,
    );
    const facets: SearchFacets = { category: row.categories ?? {}, need: row.needs ?? {}, district: row.districts ?? {} };
    return { total: row.total, hits: row.hits, facets };
  }

  /**
   * For each query word: itself, synonyms and completions; vocabulary words within its typo
   * budget; and, for a compound ("Rückenkurs", "Ernärungskurs"), its parts — each part with its own
   * typo alternatives — as a conjunction, at the level of its parts' typos.
   */
  private async alternatives(tokens: string[], typing: boolean): Promise<Alternatives[]> {
    const splits = tokens.map((t) => querySplit(t));
    /** every word looked up in the vocabulary: the tokens, then the compound parts */
    const words = [...tokens, ...splits.flatMap((sp) => sp ?? [])];
    const fuzzy = words.map((t, i) => ({ t, i })).filter(({ t }) => typoBudget(t) > 0);
    const last = tokens[tokens.length - 1];
    const rows: { i: number; word: string }[] = await this.db.query(
      `SELECT t.i::int AS i, v.word FROM unnest($1::text[], $2::int[]) AS t(tok, i)
       CROSS JOIN LATERAL (SELECT word FROM search_vocabulary ORDER BY word <-> t.tok LIMIT ${TYPO_CANDIDATES}) v
       UNION ALL
       SELECT -1, word FROM (SELECT word FROM search_vocabulary WHERE $3::boolean AND word LIKE $4 ORDER BY word LIMIT ${PREFIX_COMPLETIONS}) c`,
      [fuzzy.map((f) => f.t), fuzzy.map((f) => f.i), typing, `${last}%`],
    );
    const ofWord = (index: number, completions: boolean): Alternatives => {
      const token = words[index];
      const exact = new Set([token, ...foldedSynonyms(token)]);
      if (completions) for (const r of rows) if (r.i === -1) exact.add(r.word);
      const oneTypo = new Set<string>();
      const twoTypos = new Set<string>();
      const budget = typoBudget(token);
      for (const r of rows) {
        if (r.i !== index || exact.has(r.word)) continue;
        const d = typoDistance(token, r.word, budget);
        if (d === 1) oneTypo.add(r.word);
        else if (d === 2 && budget >= 2) twoTypos.add(r.word);
      }
      return [[...exact], [...oneTypo], [...twoTypos]];
    };
    let partIndex = tokens.length;
    return tokens.map((_token, index) => {
      const alternatives = ofWord(index, index === tokens.length - 1);
      const split = splits[index];
      if (split) {
        const [a, b] = [ofWord(partIndex++, false), ofWord(partIndex++, false)];
        const upTo = (alts: Alternatives, level: number) => alts.slice(0, level + 1).flat();
        const conjunction = (level: number) => `(( ${upTo(a, level).join(' | ')} ) & ( ${upTo(b, level).join(' | ')} ))`;
        // the parts with at most `level` typos each; added where that level adds something
        for (let level = 0; level <= 2; level++) {
          if (level === 0 || a[level].length || b[level].length) alternatives[level].push(conjunction(level));
        }
      }
      return alternatives;
    });
  }
}
