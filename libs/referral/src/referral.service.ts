import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthService } from '@lotse/auth';
import { CatalogueService, DIRECTORY } from '@lotse/catalogue';
import { Actor, ConnectionShape, InvalidInputError, PageArgs, Role, toConnection, toPage } from '@lotse/common';
import { Environment } from '@lotse/config';
import { checkFreeText } from './domain/note';
import { generateReferralCode, normalizeReferralCode } from './domain/referral-code';
import {
  DeclineReason,
  isClosed,
  judgeMove,
  REASONS_FOR,
  ReferralReason,
  ReferralSide,
  ReferralStatus,
  WithdrawalReason,
} from './domain/referral-states';
import {
  ConsentInput,
  ConsentScope,
  CreateReferralInput,
  MoveInput,
  MoveResult,
  OutcomeCount,
  ReferralEventRecord,
  ReferralRecord,
  REQUIRED_CONSENT,
} from './domain/referral.types';
import { ReferralMailKind, referralMail } from './notify/referral-mail';
import { ReferralNotifier } from './notify/referral-notifier';
import { ReferralClock } from './referral.clock';
import { ReferralError, ReferralErrorReason } from './referral.errors';
import { ReferralChanges, ReferralListFilter, ReferralRepository, ReferralTx } from './referral.repository';

/** The side `actor` (whose coach scope is `coaches`) is on for the referral; pure, so it can run inside a transaction. */
function sideIn(actor: Actor, coaches: string[], referral: ReferralRecord): ReferralSide | null {
  if (actor.role === Role.COACH && coaches.includes(referral.coachUserId)) return ReferralSide.COACH;
  if (actor.role === Role.PARTNER && referral.status !== ReferralStatus.DRAFT && actor.organizationIds.includes(referral.organizationId)) return ReferralSide.PARTNER;
  return null;
}

/** Aggregate counts below this are withheld. */
export const SUPPRESS_BELOW = 5;
const suppress = (count: number) => (count < SUPPRESS_BELOW ? null : count);

const MAX_NEEDS = 10;
const MAX_LANGUAGES = 10;
const DAY_MS = 86_400_000;
/** A consent time a little ahead of the server's clock is a clock difference, not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Referrals: created and sent by a coach, answered and followed up by the receiving partner.
 * Every move is checked against the state machine (referral-states.ts) and the caller's side, and
 * written with its history entry — and, when the referral closes, the coordinators' counters — in
 * one transaction under a row lock with a version check, so of two concurrent moves one wins.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly repository: ReferralRepository,
    private readonly catalogue: CatalogueService,
    private readonly auth: AuthService,
    private readonly clock: ReferralClock,
    private readonly env: Environment,
    private readonly notifier: ReferralNotifier,
  ) {}

  // ---------- who sees what ----------

  /** The coaches whose referrals this actor follows (a coach: their team; others: none). */
  private async coachScope(actor: Actor): Promise<string[]> {
    return actor.role === Role.COACH ? this.auth.teamMateIds(actor.userId) : [];
  }

  /** The side the actor is on for this referral, or null when they may not see it at all. */
  async sideOf(actor: Actor, referral: ReferralRecord): Promise<ReferralSide | null> {
    return sideIn(actor, await this.coachScope(actor), referral);
  }

  async get(actor: Actor, id: string): Promise<ReferralRecord> {
    const referral = await this.repository.findById(id);
    if (!referral || !(await this.sideOf(actor, referral))) throw ReferralError.notFound(id);
    return referral;
  }

  /** A partner (or the coach) looks a referral up by the code the participant reads out. */
  async getByCode(actor: Actor, code: string): Promise<ReferralRecord> {
    const normalized = normalizeReferralCode(code);
    if (!normalized) throw InvalidInputError.of('code', 'a referral code has 12 letters and digits, e.g. 7KQM-X4TB-9HZD');
    const referral = await this.repository.findByCode(normalized);
    // the code is never echoed: not in the error, not in a log
    if (!referral || !(await this.sideOf(actor, referral))) throw new ReferralError(ReferralErrorReason.NOT_FOUND, 'No referral with this code for you');
    return referral;
  }

  /** The coach's own referrals and their team's. */
  async listForCoach(actor: Actor, filter: { statuses?: ReferralStatus[]; staleOnly?: boolean }, args: PageArgs): Promise<ConnectionShape<ReferralRecord>> {
    const page = toPage(args, 2);
    const listFilter: ReferralListFilter = { statuses: filter.statuses, staleBefore: filter.staleOnly ? this.staleBefore() : undefined };
    const [rows, total] = await this.repository.list({ coachIds: await this.coachScope(actor) }, listFilter, page);
    return toConnection(rows, page, total, (r) => [r.updatedAt.toISOString(), r.id], (r) => r);
  }

  /** Referrals sent to the partner's organisations (one of them, if asked), never drafts. */
  async listForPartner(actor: Actor, filter: { organizationId?: string; statuses?: ReferralStatus[] }, args: PageArgs): Promise<ConnectionShape<ReferralRecord>> {
    const page = toPage(args, 2);
    const organizationIds = filter.organizationId ? actor.organizationIds.filter((o) => o === filter.organizationId) : actor.organizationIds;
    const [rows, total] = await this.repository.list({ organizationIds }, { statuses: filter.statuses }, page);
    return toConnection(rows, page, total, (r) => [r.updatedAt.toISOString(), r.id], (r) => r);
  }

  /** Records by id, for field resolvers of referrals the caller has already been allowed to see. */
  byIds(ids: readonly string[]): Promise<ReferralRecord[]> {
    return this.repository.findByIds(ids);
  }

  historyOf(ids: readonly string[]): Promise<ReferralEventRecord[]> {
    return this.repository.eventsOf(ids);
  }

  /** Open, sent and not touched for REFERRAL_STALE_DAYS: the coach should ask after it. */
  isStale(referral: ReferralRecord): boolean {
    return referral.status !== ReferralStatus.DRAFT && !isClosed(referral.status) && referral.updatedAt < this.staleBefore();
  }

  private staleBefore(): Date {
    return new Date(this.clock.now().getTime() - this.env.REFERRAL_STALE_DAYS * DAY_MS);
  }

  // ---------- coordinators: aggregates only ----------

  /**
   * Closed referrals per district × need × outcome (status, and with `withReasons` the reason),
   * from the counters that outlive the referrals. Counts under SUPPRESS_BELOW are withheld (null):
   * a small count could point at one person in a small district.
   */
  async outcomes(filter: { districtAgs?: string[]; needs?: string[]; withReasons?: boolean }): Promise<OutcomeCount[]> {
    const rows = await this.repository.outcomeCounts({ districtAgs: filter.districtAgs, needs: filter.needs });
    const cells = new Map<string, OutcomeCount & { raw: number }>();
    for (const row of rows) {
      const reason = filter.withReasons && row.reason ? (row.reason as ReferralReason) : null;
      const key = `${row.districtAgs}|${row.needCode}|${row.status}|${reason ?? ''}`;
      const cell = cells.get(key) ?? { districtAgs: row.districtAgs || null, needCode: row.needCode, status: row.status, reason, count: null, raw: 0 };
      cell.raw += row.count;
      cells.set(key, cell);
    }
    return [...cells.values()].map(({ raw, ...cell }) => ({ ...cell, count: suppress(raw) }));
  }

  /** Unmet demand: declines for lack of capacity per district × need (suppressed like the outcomes). */
  async unmetDemand(filter: { districtAgs?: string[]; needs?: string[] }): Promise<{ districtAgs: string | null; needCode: string; declinedForCapacity: number | null }[]> {
    const rows = await this.repository.outcomeCounts({ ...filter, statuses: [ReferralStatus.DECLINED], reasons: [DeclineReason.NO_CAPACITY] });
    return rows.map((r) => ({ districtAgs: r.districtAgs || null, needCode: r.needCode, declinedForCapacity: suppress(r.count) }));
  }

  // ---------- the coach's side ----------

  async create(actor: Actor, input: CreateReferralInput): Promise<ReferralRecord> {
    const now = this.clock.now();
    const needs = [...new Set(input.needs)];
    if (needs.length === 0 || needs.length > MAX_NEEDS) throw InvalidInputError.of('input.needs', `name 1–${MAX_NEEDS} needs`);
    await this.catalogue.assertKnownNeeds(needs, 'input.needs');
    const languages = [...new Set(input.languages)];
    if (languages.length > MAX_LANGUAGES) throw InvalidInputError.of('input.languages', `at most ${MAX_LANGUAGES} languages`);
    const note = checkFreeText(input.note, 'input.note');
    const consent = input.consent ? this.checkConsent(input.consent, 'input.consent', now) : null;
    if (input.send && !consent) throw this.consentRequired('input.consent');
    // only a listing every coach may find: an active organisation's current service at one of its locations
    const service = await this.catalogue.visibleService(input.serviceId, DIRECTORY);
    if (!service) throw new ReferralError(ReferralErrorReason.TARGET_NOT_AVAILABLE, 'input.serviceId: no such service in the directory', { field: 'input.serviceId' });
    const [listing] = await this.catalogue.listingsByIds([{ serviceId: service.id, locationId: input.locationId }]);
    if (!listing) throw new ReferralError(ReferralErrorReason.TARGET_NOT_AVAILABLE, 'input.locationId: the service is not offered at this location', { field: 'input.locationId' });

    const status = input.send ? ReferralStatus.SENT : ReferralStatus.DRAFT;
    const created = await this.repository.transaction(async (tx) => {
      const id = randomUUID();
      const record: Omit<ReferralRecord, 'version'> = {
        id, code: '', coachUserId: actor.userId, organizationId: service.organizationId, serviceId: service.id, locationId: listing.location.id,
        districtAgs: listing.location.districtAgs, needs, urgency: input.urgency, languages, contactRoute: input.contactRoute, note,
        consentScopes: consent?.scopes ?? null, consentGivenAt: consent?.givenAt ?? null, consentWithdrawnAt: null,
        status, reason: null, reasonText: null, sentAt: input.send ? now : null, seenAt: null, closedAt: null, createdAt: now, updatedAt: now,
      };
      // 58.9 bits make a collision practically impossible; the unique index makes it certain
      for (let attempt = 0; ; attempt++) {
        if (await tx.insert({ ...record, code: generateReferralCode() })) break;
        if (attempt >= 5) throw new Error('could not draw an unused referral code');
      }
      await tx.addEvent({ referralId: id, version: 1, occurredAt: now, fromStatus: null, toStatus: status, side: ReferralSide.COACH, reason: null, reasonText: null });
      return (await tx.lock(id))!;
    });
    if (created.status === ReferralStatus.SENT) await this.notify(created, 'new_referral');
    return created;
  }

  /** Records (or replaces) the participant's consent on a draft. */
  async recordConsent(actor: Actor, id: string, expectedVersion: number, input: ConsentInput): Promise<ReferralRecord> {
    const now = this.clock.now();
    const consent = this.checkConsent(input, 'consent', now);
    const coaches = await this.coachScope(actor);
    return this.repository.transaction(async (tx) => {
      const referral = await this.locked(tx, actor, coaches, id, expectedVersion, ReferralSide.COACH);
      if (referral.status !== ReferralStatus.DRAFT) {
        throw new ReferralError(ReferralErrorReason.MOVE_NOT_ALLOWED, `Consent is recorded before sending; this referral is ${referral.status}`, { status: referral.status });
      }
      return tx.update(id, { consentScopes: consent.scopes, consentGivenAt: consent.givenAt }, now);
    });
  }

  async send(actor: Actor, id: string, expectedVersion: number): Promise<ReferralRecord> {
    return this.move(actor, id, expectedVersion, ReferralSide.COACH, { to: ReferralStatus.SENT });
  }

  /**
   * The coach withdraws the referral; with `consentWithdrawn` because the participant withdrew
   * their consent — then the note is erased at once, not only when the referral is deleted.
   */
  async withdraw(actor: Actor, id: string, expectedVersion: number, consentWithdrawn: boolean): Promise<ReferralRecord> {
    const reason = consentWithdrawn ? WithdrawalReason.CONSENT_WITHDRAWN : WithdrawalReason.BY_COACH;
    return this.move(actor, id, expectedVersion, ReferralSide.COACH, { to: ReferralStatus.WITHDRAWN, reason });
  }

  // ---------- the partner's side ----------

  /** seen, accepted, waiting list, declined, in progress, completed, not come about */
  async partnerMove(actor: Actor, id: string, expectedVersion: number, input: MoveInput): Promise<MoveResult> {
    const referral = await this.move(actor, id, expectedVersion, ReferralSide.PARTNER, input);
    const capacityPrompt = referral.reason === DeclineReason.NO_CAPACITY && referral.status === ReferralStatus.DECLINED
      ? { serviceId: referral.serviceId, message: 'Sie haben wegen fehlender Kapazität abgelehnt. Bitte aktualisieren Sie die Kapazität des Angebots (freie Plätze, Wartezeit, Aufnahme neuer Personen), damit Coaches nicht weiter dorthin vermitteln.' }
      : null;
    return { referral, capacityPrompt };
  }

  // ---------- the machinery ----------

  private async move(actor: Actor, id: string, expectedVersion: number, side: ReferralSide, input: MoveInput): Promise<ReferralRecord> {
    const now = this.clock.now();
    const reason = this.checkReason(input);
    const reasonText = input.reason === DeclineReason.OTHER ? checkFreeText(input.reasonText, 'move.reasonText', 300) : null;
    if (input.reason === DeclineReason.OTHER && !reasonText) throw InvalidInputError.of('move.reasonText', 'say the other reason in a few words');
    if (input.reason !== DeclineReason.OTHER && input.reasonText) throw InvalidInputError.of('move.reasonText', 'only with the reason OTHER');

    // read before the transaction: inside it, the one connection of the embedded database is taken
    const coaches = await this.coachScope(actor);
    const { before, after } = await this.repository.transaction(async (tx) => {
      const referral = await this.locked(tx, actor, coaches, id, expectedVersion, side);
      const verdict = judgeMove(referral.status, input.to, side);
      if (verdict === 'other_side') throw new ReferralError(ReferralErrorReason.OTHER_SIDE, `Only the ${side === ReferralSide.COACH ? 'partner' : 'coach'} may move a referral from ${referral.status} to ${input.to}`, { status: referral.status, to: input.to });
      if (verdict === 'not_allowed') throw new ReferralError(ReferralErrorReason.MOVE_NOT_ALLOWED, `A referral cannot move from ${referral.status} to ${input.to}`, { status: referral.status, to: input.to });
      if (input.to === ReferralStatus.SENT && !referral.consentGivenAt) throw this.consentRequired('consent');

      const changes: ReferralChanges = { status: input.to, reason, reasonText };
      if (input.to === ReferralStatus.SENT) changes.sentAt = now;
      if (side === ReferralSide.PARTNER && !referral.seenAt) changes.seenAt = now;
      if (isClosed(input.to)) changes.closedAt = now;
      if (reason === WithdrawalReason.CONSENT_WITHDRAWN) Object.assign(changes, { consentWithdrawnAt: now });
      const updated = await tx.update(id, changes, now);
      if (reason === WithdrawalReason.CONSENT_WITHDRAWN) await tx.eraseNote(id);
      await tx.addEvent({ referralId: id, version: updated.version, occurredAt: now, fromStatus: referral.status, toStatus: input.to, side, reason, reasonText });
      // a draft that is withdrawn was never a referral anyone received: not counted
      if (isClosed(input.to) && referral.status !== ReferralStatus.DRAFT) await tx.countOutcome(referral.districtAgs, referral.needs, input.to, reason);
      return { before: referral, after: reason === WithdrawalReason.CONSENT_WITHDRAWN ? { ...updated, note: null } : updated };
    });
    // after the commit: news for the other side (a withdrawn draft was never news to anyone)
    if (side === ReferralSide.PARTNER) await this.notify(after, 'status_changed');
    else if (after.status === ReferralStatus.SENT) await this.notify(after, 'new_referral');
    else if (before.status !== ReferralStatus.DRAFT) await this.notify(after, 'referral_withdrawn');
    return after;
  }

  /**
   * Queues the e-mail for the other side: the organisation's contact address for news to the
   * partner, the coach's account address for news to the coach. Nothing of the referral goes in it.
   */
  private async notify(referral: ReferralRecord, kind: ReferralMailKind): Promise<void> {
    const to = kind === 'status_changed'
      ? (await this.auth.findUser(referral.coachUserId))?.email
      : (await this.catalogue.organizationsByIds([referral.organizationId]))[0]?.email;
    if (to) this.notifier.send(referralMail(kind, to, this.env.LOTSE_PUBLIC_URL));
  }

  // ---------- reminders ----------

  /**
   * E-mails each coach one reminder for their referrals without an update for REFERRAL_STALE_DAYS
   * — once per staleness period: a referral is claimed again only after another period without
   * reminder (or after an update makes it fresh and it goes stale again). The e-mail says only
   * that there is news, never which referral. Returns how many referrals and coaches.
   */
  async remindStale(): Promise<{ referrals: number; coaches: number }> {
    const coachIds = await this.repository.claimStale(this.staleBefore(), this.clock.now());
    const coaches = [...new Set(coachIds)];
    for (const coachId of coaches) {
      const to = (await this.auth.findUser(coachId))?.email;
      if (to) this.notifier.send(referralMail('referrals_stale', to, this.env.LOTSE_PUBLIC_URL));
    }
    return { referrals: coachIds.length, coaches: coaches.length };
  }

  // ---------- retention ----------

  /**
   * Deletes referrals closed more than REFERRAL_RETENTION_MONTHS ago, and drafts untouched as long
   * (their history and notes go with them); the coordinators' counters stay. Returns how many.
   */
  async purgeExpired(): Promise<{ deleted: number; cutoff: Date }> {
    const cutoff = new Date(this.clock.now());
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.env.REFERRAL_RETENTION_MONTHS);
    return { deleted: await this.repository.deleteExpired(cutoff), cutoff };
  }

  /** Locks the referral and checks that the actor may act on it from `side` and holds the current version. */
  private async locked(tx: ReferralTx, actor: Actor, coaches: string[], id: string, expectedVersion: number, side: ReferralSide): Promise<ReferralRecord> {
    const referral = await tx.lock(id);
    if (!referral) throw ReferralError.notFound(id);
    const actorSide = sideIn(actor, coaches, referral);
    // like every write of the API: refused, not hidden (reads say NOT_FOUND; a random id tells nothing)
    if (!actorSide) throw new ReferralError(ReferralErrorReason.NOT_YOURS, 'This referral is neither yours nor your team’s nor your organisation’s');
    if (actorSide !== side) throw new ReferralError(ReferralErrorReason.OTHER_SIDE, `This is the ${side}'s move; you are the ${actorSide}`);
    if (referral.version !== expectedVersion) {
      throw new ReferralError(ReferralErrorReason.VERSION_CONFLICT, `Referral ${id} was changed in the meantime: you saw version ${expectedVersion}, the current version is ${referral.version}`, {
        entity: 'Referral', id, currentVersion: referral.version, expectedVersion, status: referral.status,
      });
    }
    return referral;
  }

  private checkReason(input: MoveInput): ReferralReason | null {
    const allowed = REASONS_FOR[input.to];
    if (!allowed) {
      if (input.reason) throw InvalidInputError.of('move.reason', `a move to ${input.to} takes no reason`);
      return null;
    }
    if (!input.reason || !allowed.includes(input.reason)) throw InvalidInputError.of('move.reason', `a move to ${input.to} needs one of: ${allowed.join(', ')}`);
    return input.reason;
  }

  private checkConsent(consent: ConsentInput, field: string, now: Date): { scopes: ConsentScope[]; givenAt: Date } {
    if (!consent.agreed) throw this.consentRequired(`${field}.agreed`);
    const missing = REQUIRED_CONSENT.filter((s) => !consent.scopes.includes(s));
    if (missing.length) throw InvalidInputError.of(`${field}.scopes`, `the participant must agree to: ${missing.join(', ')}`);
    const givenAt = consent.givenAt ?? now;
    if (givenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw InvalidInputError.of(`${field}.givenAt`, 'lies in the future');
    return { scopes: [...REQUIRED_CONSENT], givenAt };
  }

  private consentRequired(field: string): ReferralError {
    return new ReferralError(ReferralErrorReason.CONSENT_REQUIRED, `${field}: the participant's consent (to the partner receiving the referral and reporting its status back) is recorded before a referral is sent`, { field });
  }
}
