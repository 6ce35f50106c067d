import { DataSource } from 'typeorm';
import { NEED_TERMS } from '@lotse/catalogue';
import { MIGRATIONS } from '@lotse/database';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

describe.each(databaseTargets())('schema and reference data on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(() => t?.close());

  it('migrates an empty database: extensions, tables, trigger', async () => {
    const db = t.app.get(DataSource);
    const extensions = (await db.query(`SELECT extname FROM pg_extension`)).map((r: { extname: string }) => r.extname);
    expect(extensions).toEqual(expect.arrayContaining(['postgis', 'pg_trgm', 'unaccent']));
    const migrations = await db.query(`SELECT name FROM migrations ORDER BY id`);
    expect(migrations.map((m: { name: string }) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
    const [trigger] = await db.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'trg_location_derive_areas'`);
    expect(trigger).toBeDefined();
  });

  it('leaves nothing for TypeORM to synchronize: entities and migrations describe the same schema', async () => {
    const db = t.app.get(DataSource);
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('indexes points with GiST', async () => {
    const db = t.app.get(DataSource);
    const [index] = await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_location_point'`);
    expect(index.indexdef).toMatch(/USING gist \(point\)/i);
  });

  it('seeds the versioned needs taxonomy with every required need', async () => {
    const res = await t.gql(`{ needsTaxonomy { version terms { code labelDe labelEn taxonomyVersion } } }`);
    expect(res.errors).toBeUndefined();
    const codes = res.data.needsTaxonomy.terms.map((n: { code: string }) => n.code);
    expect(codes).toEqual(NEED_TERMS.map((n) => n.code));
    for (const required of ['musculoskeletal', 'cardiovascular', 'metabolic', 'mental_health', 'addiction', 'exercise', 'nutrition',
      'stress_relaxation', 'specialist_assessment', 'medical_rehabilitation', 'psychotherapy', 'psychosocial_counselling',
      'social_participation', 'debt_counselling', 'family_couples', 'employment_qualification']) {
      expect(codes).toContain(required);
    }
    expect(res.data.needsTaxonomy.terms.every((n: { taxonomyVersion: string }) => n.taxonomyVersion === res.data.needsTaxonomy.version)).toBe(true);
  });

  it('serves taxonomy 2026.2: parents, default kinds of partner, and the documented specialties', async () => {
    const res = await t.gql(`{ needsTaxonomy { version terms { code parentCode defaultPartnerKinds { category specialty labelDe } } }
      medicalSpecialties { code labelDe fieldDe qualification personDe primaryCare } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.needsTaxonomy.version).toBe('2026.2');
    const terms = new Map<string, any>(res.data.needsTaxonomy.terms.map((n: any) => [n.code, n]));
    for (const code of ['psychotherapy', 'psychosocial_counselling', 'crisis_intervention', 'psychiatric_treatment']) expect(terms.get(code).parentCode).toBe('mental_health');
    expect(terms.get('mental_health').parentCode).toBeNull();
    // the database holds what the code defines
    for (const n of NEED_TERMS) expect(terms.get(n.code).parentCode).toBe(n.parent ?? null);
    const gp = terms.get('primary_care').defaultPartnerKinds;
    expect(gp.map((k: any) => [k.category, k.specialty])).toEqual([['PHYSICIAN', 'GENERAL_PRACTICE'], ['PHYSICIAN', 'INTERNAL_MEDICINE']]);
    expect(terms.get('specialist_assessment').defaultPartnerKinds.some((k: any) => k.category === 'HEALTH_INSURER')).toBe(false);
    const ortho = res.data.medicalSpecialties.find((s: any) => s.code === 'ORTHOPAEDICS');
    expect(ortho).toMatchObject({ labelDe: 'Orthopädie und Unfallchirurgie', fieldDe: 'Chirurgie', qualification: 'FACHARZT', primaryCare: false });
    expect(res.data.medicalSpecialties.length).toBeGreaterThanOrEqual(50);
    // a parent that does not exist, or a need as its own parent, is refused by the database
    const db = t.app.get(DataSource);
    await expect(db.query(`UPDATE need_term SET parent_code = 'nonexistent' WHERE code = 'addiction'`)).rejects.toThrow();
    await expect(db.query(`UPDATE need_term SET parent_code = 'addiction' WHERE code = 'addiction'`)).rejects.toThrow();
  });

  it('loads the 13 districts and all 426 municipalities of Saxony', async () => {
    const res = await t.gql(`{ districts { ags name municipalityCount } municipalities(first: 1) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.districts.map((d: { ags: string }) => d.ags)).toEqual([
      '14511', '14521', '14522', '14523', '14524', '14612', '14625', '14626', '14627', '14628', '14713', '14729', '14730',
    ]);
    expect(res.data.municipalities.totalCount).toBe(426);
    const sum = res.data.districts.reduce((n: number, d: { municipalityCount: number }) => n + d.municipalityCount, 0);
    expect(sum).toBe(426);
  });

  it('answers the health check', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up', kind: target.name } });
  });
});
