import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, returnedRows } from '@lotse/common';
import { ReferralEventRecord, ReferralRecord } from './domain/referral.types';
import { ReferralReason, ReferralStatus } from './domain/referral-states';

/** Every column of a referral, named once. */
const REFERRAL_COLUMNS = `r.id, r.code, r.coach_user_id AS "coachUserId", r.organization_id AS "organizationId", r.service_id AS "serviceId",
  r.location_id AS "locationId", r.district_ags AS "districtAgs", r.needs, r.urgency, r.languages, r.contact_route AS "contactRoute", r.note,
  r.consent_scopes AS "consentScopes", r.consent_given_at AS "consentGivenAt", r.consent_withdrawn_at AS "consentWithdrawnAt", r.status,
  r.reason, r.reason_text AS "reasonText", r.sent_at AS "sentAt", r.seen_at AS "seenAt", r.closed_at AS "closedAt",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.version`;

const EVENT_COLUMNS = `e.referral_id AS "referralId", e.version, e.occurred_at AS "occurredAt", e.from_status AS "fromStatus",
  e.to_status AS "toStatus", e.side, e.reason, e.reason_text AS "reasonText"`;

/** Columns a move may set: the only identifiers that reach SQL text. */
const MOVABLE = {
  status: 'status', reason: 'reason', reasonText: 'reason_text', sentAt: 'sent_at', seenAt: 'seen_at', closedAt: 'closed_at',
  consentScopes: 'consent_scopes', consentGivenAt: 'consent_given_at', consentWithdrawnAt: 'consent_withdrawn_at',
} as const;
export type ReferralChanges = Partial<Record<keyof typeof MOVABLE, unknown>>;

export interface ReferralListFilter {
  statuses?: ReferralStatus[];
  /** only open referrals (not draft, not closed) last changed before this moment */
  staleBefore?: Date;
}

/** One write transaction on one referral: locked, version-checked, changed and recorded together. */
export class ReferralTx {
  constructor(private readonly tx: EntityManager) {}

  async lock(id: string): Promise<ReferralRecord | null> {
    const [row] = await this.tx.query(`SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE r.id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /** Applies the changes and bumps the version; the caller has locked the row and compared versions. */
  async update(id: string, changes: ReferralChanges, at: Date): Promise<ReferralRecord> {
    const sets: string[] = [];
    const values: unknown[] = [id, at];
    for (const [key, value] of Object.entries(changes)) {
      values.push(value);
      sets.push(`${MOVABLE[key as keyof typeof MOVABLE]} = $${values.length}`);
    }
    const [row] = returnedRows<ReferralRecord>(await this.tx.query(
      `UPDATE referral r SET ${[...sets, 'updated_at = $2', 'version = r.version + 1'].join(', ')} WHERE r.id = $1 RETURNING ${REFERRAL_COLUMNS}`,
      values,
    ));
    return row;
  }

  async insert(r: Omit<ReferralRecord, 'version'>): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO referral (id, code, coach_user_id, organization_id, service_id, location_id, district_ags, needs, urgency, languages,
         contact_route, note, consent_scopes, consent_given_at, consent_withdrawn_at, status, reason, reason_text, sent_at, seen_at, closed_at,
         created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 1)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [r.id, r.code, r.coachUserId, r.organizationId, r.serviceId, r.locationId, r.districtAgs, r.needs, r.urgency, r.languages,
        r.contactRoute, r.note, r.consentScopes, r.consentGivenAt, r.consentWithdrawnAt, r.status, r.reason, r.reasonText, r.sentAt, r.seenAt,
        r.closedAt, r.createdAt, r.updatedAt],
    );
    return rows.length === 1;
  }

  /** Overwrites the note (consent withdrawn): nothing of it stays in the row. */
  async eraseNote(id: string): Promise<void> {
    await this.tx.query(`UPDATE referral SET note = NULL WHERE id = $1`, [id]);
  }

  async addEvent(e: ReferralEventRecord): Promise<void> {
    await this.tx.query(
      `INSERT INTO referral_event (referral_id, version, occurred_at, from_status, to_status, side, reason, reason_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.referralId, e.version, e.occurredAt, e.fromStatus, e.toStatus, e.side, e.reason, e.reasonText],
    );
  }

  /** Counts a closed referral once per need it addressed, in the district of its location. */
  async countOutcome(districtAgs: string | null, needs: string[], status: ReferralStatus, reason: ReferralReason | null): Promise<void> {
    await this.tx.query(
      `INSERT INTO referral_outcome_count (district_ags, need_code, status, reason, count)
       SELECT $1, need, $3, $4, 1 FROM unnest($2::text[]) AS need
       ON CONFLICT (district_ags, need_code, status, reason) DO UPDATE SET count = referral_outcome_count.count + 1`,
      [districtAgs ?? '', [...new Set(needs)], status, reason ?? ''],
    );
  }
}

/** All SQL of referrals, their history and the coordinators' counters. */
@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: ReferralTx) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new ReferralTx(manager)));
  }

  async findById(id: string): Promise<ReferralRecord | null> {
    const [row] = await this.db.query(`SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async findByCode(code: string): Promise<ReferralRecord | null> {
    const [row] = await this.db.query(`SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE r.code = $1`, [code]);
    return row ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<ReferralRecord[]> {
    if (ids.length === 0) return [];
    return this.db.query(`SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE r.id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * One page of referrals, newest change first, made by these coaches (`coachIds`) or sent to these
   * organisations (`organizationIds`, never drafts). Keyset on (updated_at, id).
   */
  async list(scope: { coachIds: string[] } | { organizationIds: string[] }, filter: ReferralListFilter, page: Page): Promise<[ReferralRecord[], number]> {
    const values: unknown[] = [];
    const where: string[] = [];
    if ('coachIds' in scope) {
      values.push(scope.coachIds);
      where.push(`r.coach_user_id = ANY($${values.length}::uuid[])`);
    } else {
      values.push(scope.organizationIds);
      where.push(`r.organization_id = ANY($${values.length}::uuid[])`, `r.status <> 'draft'`);
    }
    if (filter.statuses?.length) {
      values.push(filter.statuses);
      where.push(`r.status = ANY($${values.length}::text[])`);
    }
    if (filter.staleBefore) {
      values.push(filter.staleBefore);
      where.push(`r.updated_at < $${values.length}`, `r.closed_at IS NULL`, `r.status <> 'draft'`);
    }
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM referral r WHERE ${where.join(' AND ')}`, values);
    const pageWhere = [...where];
    const pageValues = [...values];
    if (page.after) {
      pageValues.push(page.after[0], page.after[1]);
      pageWhere.push(`(r.updated_at, r.id) < ($${pageValues.length - 1}::timestamptz, $${pageValues.length}::uuid)`);
    }
    pageValues.push(page.limit + 1);
    const rows = await this.db.query(
      `SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE ${pageWhere.join(' AND ')} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${pageValues.length}`,
      pageValues,
    );
    return [rows, total];
  }

  async eventsOf(referralIds: readonly string[]): Promise<ReferralEventRecord[]> {
    if (referralIds.length === 0) return [];
    return this.db.query(`SELECT ${EVENT_COLUMNS} FROM referral_event e WHERE e.referral_id = ANY($1::uuid[]) ORDER BY e.referral_id, e.version`, [referralIds]);
  }

  /**
   * Claims the open referrals (sent, not closed) last changed before `staleBefore` whose coach was
   * not reminded since then, marking them reminded at `now` — one UPDATE, so two processes running
   * the daily job never claim the same referral. Returns the coach of each claimed referral. The
   * mark does not touch `updated_at`: being reminded is no update of the referral.
   */
  async claimStale(staleBefore: Date, now: Date): Promise<string[]> {
    const rows = returnedRows<{ coachUserId: string }>(await this.db.query(
      `UPDATE referral SET stale_notified_at = $2
       WHERE status <> 'draft' AND closed_at IS NULL AND updated_at < $1 AND (stale_notified_at IS NULL OR stale_notified_at < $1)
       RETURNING coach_user_id AS "coachUserId"`,
      [staleBefore, now],
    ));
    return rows.map((r) => r.coachUserId);
  }

  /** Deletes closed referrals closed before `cutoff` and drafts last changed before it; history goes by cascade. */
  async deleteExpired(cutoff: Date): Promise<number> {
    const rows = returnedRows(await this.db.query(
      `DELETE FROM referral WHERE (closed_at IS NOT NULL AND closed_at < $1) OR (status = 'draft' AND updated_at < $1) RETURNING id`,
      [cutoff],
    ));
    return rows.length;
  }

  /** The counters (district × need × status × reason), optionally for some districts and needs. */
  async outcomeCounts(filter: { districtAgs?: string[]; needs?: string[]; statuses?: ReferralStatus[]; reasons?: string[] }): Promise<
    { districtAgs: string; needCode: string; status: ReferralStatus; reason: string; count: number }[]
  > {
    const values: unknown[] = [];
    const where: string[] = ['true'];
    const add = (column: string, list: string[] | undefined) => {
      if (!list?.length) return;
      values.push(list);
      where.push(`${column} = ANY($${values.length}::text[])`);
    };
    add('district_ags', filter.districtAgs);
    add('need_code', filter.needs);
    add('status', filter.statuses);
    add('reason', filter.reasons);
    return this.db.query(
      `SELECT district_ags AS "districtAgs", need_code AS "needCode", status, reason, count FROM referral_outcome_count
       WHERE ${where.join(' AND ')} ORDER BY district_ags, need_code, status, reason`,
      values,
    );
  }
}

