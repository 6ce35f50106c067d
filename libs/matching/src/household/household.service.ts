import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService, CourseSession, OpeningHours, ServiceCategory } from '@lotse/catalogue';
import { InvalidInputError } from '@lotse/common';
import { MATCH_CLOCK, MatchingService } from '../matching.service';
import { HouseholdOutcome, HouseholdRequest } from '../matching.types';
import { berlinDate } from '../scoring/clock';
import { JointPlan, jointPlan, PlanMember, WORKING_DAYS } from './joint-plan';

/** At most this many needs over all persons: the joint plan is searched exhaustively. */
export const HOUSEHOLD_MAX_NEEDS = 8;

/**
 * Household requests (PASE): each person is matched on their own needs and constraints from the
 * household's one origin, then a joint plan picks one target per person and need preferring shared
 * places and days. Stateless like the matcher: nothing of the request is stored or logged.
 */
@Injectable()
export class HouseholdMatchingService {
  constructor(
    private readonly matching: MatchingService,
    private readonly catalogue: CatalogueService,
    @Inject(MATCH_CLOCK) private readonly clock: () => Date,
  ) {}

  async match(request: HouseholdRequest): Promise<HouseholdOutcome> {
    const total = request.members.reduce((n, m) => n + new Set(m.needs).size, 0);
    if (total > HOUSEHOLD_MAX_NEEDS) throw InvalidInputError.of('request.members', `at most ${HOUSEHOLD_MAX_NEEDS} needs over all persons (got ${total})`);
    const members: HouseholdOutcome['members'] = [];
    for (const [i, member] of request.members.entries()) {
      try {
        const outcome = await this.matching.match({
          needs: member.needs, constraints: member.constraints, preferences: member.preferences, partnerKinds: member.partnerKinds,
          origin: request.origin, districtAgs: request.districtAgs, travel: request.travel, diversify: request.diversify,
        });
        members.push({ label: `Person ${i + 1}`, outcome });
      } catch (e) {
        // a member's own fields are named with the member: request.members.1.needs
        throw e instanceof InvalidInputError ? ofMember(e, i) : e;
      }
    }
    let plan: Promise<JointPlan | null> | undefined;
    return {
      members,
      plan: () => (plan ??= this.plan(members.map((m) => ({ label: m.label, needs: m.outcome.needs, ranked: m.outcome.ranking })))),
    };
  }

  private async plan(members: PlanMember[]): Promise<JointPlan | null> {
    const ids = [...new Set(members.flatMap((m) => m.ranked.map((t) => t.service.id)))];
    const [hours, sessions] = await Promise.all([this.catalogue.openingHoursByServices(ids), this.catalogue.sessionsByServices(ids)]);
    const today = berlinDate(this.clock());
    const weekdays = weekdaysByService(hours, sessions, today);
    return jointPlan(members, (t) => (t.comesToPerson ? WORKING_DAYS : t.service.category === ServiceCategory.COURSE ? weekdays.sessions.get(t.service.id) ?? [] : weekdays.hours.get(t.service.id) ?? []));
  }
}

/** The matcher names a request's fields; a person's own (needs, constraints) belong under `request.members.<i>`. */
function ofMember(e: InvalidInputError, i: number): InvalidInputError {
  const shared = ['request.origin', 'request.districtAgs', 'request.travel'];
  return new InvalidInputError(
    e.problems.map((p) => (shared.some((f) => p.field === f || p.field.startsWith(`${f}.`)) ? p : { ...p, field: p.field.replace(/^request\./, `request.members.${i}.`) })),
  );
}

function weekdaysByService(hours: OpeningHours[], sessions: CourseSession[], today: string) {
  const add = (map: Map<string, number[]>, id: string, day: number) => {
    const list = map.get(id) ?? [];
    if (!list.includes(day)) list.push(day);
    map.set(id, list);
  };
  const byHours = new Map<string, number[]>();
  const bySessions = new Map<string, number[]>();
  for (const h of hours) add(byHours, h.serviceId, h.weekday);
  for (const s of sessions) if (s.endsOn >= today && s.freeSeats > 0) add(bySessions, s.serviceId, s.weekday);
  return { hours: byHours, sessions: bySessions };
}
