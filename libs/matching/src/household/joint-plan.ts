import { NeedTerm } from '@lotse/catalogue';
import { BUNDLE_COST, bundleOptions, tripMinutes } from '../bundle';
import { MatchTarget } from '../matching.types';

/**
 * The joint plan of a household (PASE: a person and their partner in one Bedarfsgemeinschaft, each
 * with their own needs): one target per person and need, chosen so the household makes few trips —
 * shared places, shared days. Exhaustive over the best few available targets of each slot, minimising
 *
 *   cost = Σ travel minutes over distinct locations     (a place both go to is travelled to once, together)
 *        + 10 × (distinct locations − 1)                 (each further place is another trip)
 *        + 15 × (distinct organisations − 1)             (each further organisation is another contact)
 *        + 20 × (weekdays needed − 1)                    (each further day is another outing)
 *        − 30 × Σ scores                                 (quality still counts)
 *
 * "Weekdays needed" is the fewest weekdays on which every item can take place (its opening hours, a
 * course's session day; a target that comes to the person fits any working day). Each item is then
 * given one of those days, a place's items the same day where they can. Slots and options are capped
 * so at most PLAN_COMBINATIONS combinations are tried.
 */
export const PLAN_COST = { locationMinutes: 10, organizationMinutes: 15, dayMinutes: 20, scoreMinutes: 30 };
export const PLAN_COMBINATIONS = 20_000;
export const WORKING_DAYS = [1, 2, 3, 4, 5];
const WEEKDAY_NAMES = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const WEEKDAY_SHORT = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

export interface PlanMember {
  /** "Person 1", "Person 2": households are numbered, never named */
  label: string;
  needs: NeedTerm[];
  /** the member's own ranking (their constraints applied) */
  ranked: MatchTarget[];
}

export interface PlanItem {
  member: string;
  need: NeedTerm;
  target: MatchTarget;
  /** ISO weekday the item is planned on */
  weekday: number;
  /** German: why this target, and what it shares with the household's other items */
  explanation: string;
}

export interface JointPlan {
  items: PlanItem[];
  /** needs of a member with no available reachable target */
  missing: { member: string; need: NeedTerm; explanation: string }[];
  distinctLocations: number;
  /** locations where items of more than one member take place */
  sharedLocations: number;
  weekdays: number[];
  totalTravelMinutes: number;
  explanation: string;
}

/** ISO weekdays on which a target can be visited. */
export type WeekdaysOf = (target: MatchTarget) => readonly number[];

interface Slot {
  member: string;
  need: NeedTerm;
  options: MatchTarget[];
}

export function jointPlan(members: PlanMember[], weekdaysOf: WeekdaysOf): JointPlan | null {
  const slots: Slot[] = [];
  const missing: JointPlan['missing'] = [];
  for (const m of members) {
    const perNeed = bundleOptions(m.needs, m.ranked, BUNDLE_COST.candidatesPerNeed);
    for (const [i, need] of m.needs.entries()) {
      const options = perNeed[i];
      if (options.length) slots.push({ member: m.label, need, options });
      else missing.push({ member: m.label, need, explanation: `${m.label}: kein verfügbares erreichbares Angebot für „${need.labelDe}“` });
    }
  }
  if (!slots.length) return null;
  const perSlot = Math.max(1, Math.min(BUNDLE_COST.candidatesPerNeed, Math.floor(Math.pow(PLAN_COMBINATIONS, 1 / slots.length))));
  const options = slots.map((s) => s.options.slice(0, perSlot));
  const masks = new Map<MatchTarget, number>();
  for (const list of options) for (const t of list) if (!masks.has(t)) masks.set(t, dayMask(weekdaysOf(t)));

  let best: { cost: number; choice: MatchTarget[]; days: number } | null = null;
  const choice: MatchTarget[] = [];
  const visit = (i: number) => {
    if (i === options.length) {
      const days = fewestDays(choice.map((t) => masks.get(t)!));
      const cost = planCost(choice, popcount(days));
      if (!best || cost < best.cost - 1e-9) best = { cost, choice: [...choice], days };
      return;
    }
    for (const option of options[i]) {
      choice.push(option);
      visit(i + 1);
      choice.pop();
    }
  };
  visit(0);
  const { choice: chosen, days } = best!;
  const weekdays = daysOfMask(days);
  const assigned = assignDays(chosen, weekdays, masks);
  const items: PlanItem[] = slots.map((slot, i) => ({
    member: slot.member,
    need: slot.need,
    target: chosen[i],
    weekday: assigned[i],
    explanation: itemExplanation(i, slots, chosen, assigned),
  }));
  const locations = new Map<string, MatchTarget>();
  for (const t of chosen) if (!locations.has(t.location.id)) locations.set(t.location.id, t);
  const sharedLocations = [...locations.keys()].filter((id) => new Set(items.filter((x) => x.target.location.id === id).map((x) => x.member)).size > 1).length;
  const totalTravelMinutes = [...locations.values()].reduce((sum, t) => sum + tripMinutes(t), 0);
  const people = new Set(items.map((i) => i.member)).size;
  const explanation =
    `${items.length} ${items.length === 1 ? 'Angebot' : 'Angebote'} für ${people === 1 ? 'eine Person' : `${people} Personen`} an ${locations.size === 1 ? 'einem Ort' : `${locations.size} Orten`}` +
    (sharedLocations ? `, ${sharedLocations === 1 ? 'einer' : sharedLocations} davon gemeinsam` : '') +
    `, an ${weekdays.length === 1 ? 'einem Wochentag' : `${weekdays.length} Wochentagen`} (${weekdays.map((d) => WEEKDAY_SHORT[d]).join(', ')})` +
    `, zusammen ca. ${Math.max(1, Math.round(totalTravelMinutes))} Min. Anfahrt (geschätzt)` +
    (missing.length ? `; ohne Angebot: ${missing.map((m) => `${m.member} „${m.need.labelDe}“`).join(', ')}` : '');
  return { items, missing, distinctLocations: locations.size, sharedLocations, weekdays, totalTravelMinutes, explanation };
}

function planCost(choice: MatchTarget[], days: number): number {
  const locations = new Map<string, MatchTarget>();
  const organizations = new Set<string>();
  let scores = 0;
  for (const t of choice) {
    if (!locations.has(t.location.id)) locations.set(t.location.id, t);
    organizations.add(t.service.organizationId);
    scores += t.score;
  }
  let minutes = 0;
  for (const t of locations.values()) minutes += tripMinutes(t);
  return (
    minutes +
    PLAN_COST.locationMinutes * (locations.size - 1) +
    PLAN_COST.organizationMinutes * (organizations.size - 1) +
    PLAN_COST.dayMinutes * (days - 1) -
    PLAN_COST.scoreMinutes * scores
  );
}

const MASKS_BY_SIZE = Array.from({ length: 127 }, (_, i) => i + 1).sort((a, b) => popcount(a) - popcount(b) || a - b);

function dayMask(weekdays: readonly number[]): number {
  let mask = 0;
  for (const d of weekdays.length ? weekdays : WORKING_DAYS) mask |= 1 << (d - 1);
  return mask;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function daysOfMask(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => mask & (1 << (d - 1)));
}

/** The fewest weekdays (as a mask) on which every item has a day; the earliest days first on ties. */
export function fewestDays(itemMasks: number[]): number {
  for (const mask of MASKS_BY_SIZE) if (itemMasks.every((m) => (m & mask) !== 0)) return mask;
  return 0;
}

/** One of the plan's weekdays per item; items at one place get the same day where they can. */
function assignDays(chosen: MatchTarget[], weekdays: number[], masks: Map<MatchTarget, number>): number[] {
  const byLocation = new Map<string, number>();
  return chosen.map((t) => {
    const fits = weekdays.filter((d) => masks.get(t)! & (1 << (d - 1)));
    const previous = byLocation.get(t.location.id);
    const day = previous !== undefined && fits.includes(previous) ? previous : fits[0];
    if (previous === undefined) byLocation.set(t.location.id, day);
    return day;
  });
}

function itemExplanation(i: number, slots: Slot[], chosen: MatchTarget[], days: number[]): string {
  const t = chosen[i];
  const slot = slots[i];
  const rank = slot.options.indexOf(t) + 1;
  const label = (j: number) => `${slots[j].member} „${slots[j].need.labelDe}“`;
  const others = (test: (j: number) => boolean) => slots.map((_, j) => j).filter((j) => j !== i && test(j)).map(label);
  const parts = [rank === 1 ? `bestes verfügbares Angebot für „${slot.need.labelDe}“` : `Rang ${rank} für „${slot.need.labelDe}“`];
  const via = t.matchedVia.find((m) => m.need === slot.need.code)?.via;
  if (via?.length) parts.push(`über ${via.map((v) => `„${v.labelDe}“`).join(', ')}`);
  const together = others((j) => chosen[j] === t && slots[j].member !== slot.member);
  const samePlace = others((j) => chosen[j] !== t && chosen[j].location.id === t.location.id);
  const sameDay = others((j) => chosen[j].location.id !== t.location.id && days[j] === days[i]);
  if (together.length) parts.push(`gemeinsamer Termin mit ${together.join(', ')}`);
  if (samePlace.length) parts.push(`am selben Ort wie ${samePlace.join(', ')}`);
  if (sameDay.length) parts.push(`am selben Tag wie ${sameDay.join(', ')}`);
  parts.push(t.comesToPerson ? `kommt nach Hause, z. B. am ${WEEKDAY_NAMES[days[i]]}` : `möglich am ${WEEKDAY_NAMES[days[i]]}`);
  return parts.join('; ');
}
