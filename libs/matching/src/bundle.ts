import { CATEGORY_LABELS_DE, NeedTerm } from '@lotse/catalogue';
import { BundleItem, MatchBundle, MatchTarget, MissingNeed } from './matching.types';
import { formatDuration } from './scoring/explain';

/**
 * "Aus einer Hand": one target per need, chosen among the best six targets of each need to keep
 * the participant's trips and contacts few, minimising
 *
 *   cost = Σ travel minutes over distinct locations          (a place visited once is travelled to once)
 *        + 15 × (distinct organizations − 1)                 (each further organisation is another contact)
 *        + 10 × (distinct locations − 1)                     (each further place is another trip)
 *        − 30 × Σ scores                                     (quality still counts)
 *
 * That is a facility-location problem. Trying every combination costs 6^needs — 60 million for ten
 * needs, over a minute of CPU in which Node serves nobody else. `searchBundle` instead works within
 * a budget of `BUNDLE_STEPS_PER_NEED_OPTION × needs × options` steps (a step looks at one option;
 * options ≤ 6 × needs), so its work grows linearly in needs × options whatever the instance:
 *
 * 1. Local search from each need's best-ranked option. Moves, whose cost change is known in O(1)
 *    from how often each location and organisation is used: one need to another option; one need
 *    to another option with every other need then following if that pays; all needs that can to
 *    one location, or to one organisation (a second need at a place saves the trip only when both
 *    go); all needs away from one location. Passes repeat while the cost falls.
 * 2. Branch and bound over the choices with the local optimum as the bound to beat, most
 *    constrained need first, each need's options cheapest first; a partial bundle is cut when its
 *    cost plus a lower bound for the needs still open (each pays its best score and its share of a
 *    place or organisation not yet visited) cannot beat the best known. When it finishes within the
 *    budget the bundle is optimal — on instances of up to six needs it always did (bundle.spec.ts
 *    compares it with the exhaustive optimum on thousands of random instances); when the budget
 *    runs out, the best bundle found so far is taken.
 *
 * Deterministic: only strict improvements are taken, in rank order, so ties go to the better-ranked
 * targets.
 *
 * Only targets a participant can start with are bundled: one that takes no new clients, or a course
 * without a free seat, is never an item (whether or not the coach filtered on capacity). A need
 * without such a target is named in `missingNeeds` with the reason, and the bundle covers the rest;
 * every target passed every hard filter of the request already, the need's kind of partner included.
 * A target that comes to the person (outreach or online in its service area) costs no travel.
 */
export const BUNDLE_COST = { organizationMinutes: 15, locationMinutes: 10, scoreMinutes: 30, candidatesPerNeed: 6 };

/** Passes of the local search; each pass tries every move once. */
const MAX_PASSES = 12;
/** Hard cap on a search's need look-ups: this many per need × option, whatever the passes do. */
export const BUNDLE_STEPS_PER_NEED_OPTION = 64;
const EPSILON = 1e-9;

/** Counts the cost evaluations of a search (tests and the bench read it). */
export interface WorkMeter {
  bundleSteps: number;
}

/** A participant can start there now: accepting new clients and, where seats are counted, one free. */
export function isAvailable(t: MatchTarget): boolean {
  return t.service.acceptingNewClients !== false && t.service.freeSeats !== 0;
}

/** Minutes the participant travels to a target: none when it comes to them. */
export function tripMinutes(t: MatchTarget): number {
  return t.comesToPerson ? 0 : t.travelMinutes;
}

export function bestBundle(needs: NeedTerm[], ranked: MatchTarget[], meter?: WorkMeter): MatchBundle | null {
  if (needs.length < 2) return null;
  const options = bundleOptions(needs, ranked);
  const covered = needs.map((need, i) => ({ need, options: options[i] })).filter((c) => c.options.length > 0);
  if (!covered.length) return null;
  const chosen = searchBundle(covered.map((c) => c.options), meter);
  const missingNeeds: MissingNeed[] = needs
    .filter((_, i) => options[i].length === 0)
    .map((need) => ({
      need,
      explanation: ranked.some((t) => addresses(t, need))
        ? `Für „${need.labelDe}“ nimmt derzeit kein erreichbares Angebot neue Klient:innen auf (oder es ist kein Platz frei)`
        : `Kein erreichbares Angebot für „${need.labelDe}“, das alle Bedingungen erfüllt`,
    }));
  const coveredNeeds = covered.map((c) => c.need);
  const items: BundleItem[] = covered.map((c, i) => {
    const rank = ranked.filter((t) => addresses(t, c.need)).indexOf(chosen[i]) + 1;
    return { need: c.need, target: chosen[i], rank, explanation: itemExplanation(i, coveredNeeds, chosen, c.options, rank) };
  });
  const locations = distinct(chosen, (t) => t.location.id);
  const organizations = distinct(chosen, (t) => t.service.organizationId).length;
  const totalTravelMinutes = locations.reduce((sum, t) => sum + tripMinutes(t), 0);
  const missing = missingNeeds.length ? `; ohne Angebot: ${missingNeeds.map((m) => `„${m.need.labelDe}“`).join(', ')}` : '';
  return {
    items,
    missingNeeds,
    totalTravelMinutes,
    distinctOrganizations: organizations,
    distinctLocations: locations.length,
    explanation: `${items.length} Bedarfe bei ${organizations === 1 ? 'einem Träger' : `${organizations} Trägern`} an ${locations.length === 1 ? 'einem Ort' : `${locations.length} Orten`}, zusammen ca. ${Math.max(1, Math.round(totalTravelMinutes))} Min. Anfahrt (geschätzt)${missing}`,
  };
}

/**
 * The best `perNeed` available targets of each need, in rank order: one pass over the ranking. Where
 * the coach preferred a kind of partner for a need and an available target of that kind exists, the
 * need's options are those targets only — the preference decides the bundle, not just the order.
 */
export function bundleOptions(needs: NeedTerm[], ranked: MatchTarget[], perNeed = BUNDLE_COST.candidatesPerNeed): MatchTarget[][] {
  const index = new Map(needs.map((n, i) => [n.code, i]));
  const options: MatchTarget[][] = needs.map(() => []);
  const preferred: MatchTarget[][] = needs.map(() => []);
  for (const target of ranked) {
    if (!isAvailable(target)) continue;
    for (const need of target.matchedNeeds) {
      const i = index.get(need.code);
      if (i === undefined) continue;
      if (options[i].length < perNeed) options[i].push(target);
      if (preferred[i].length < perNeed && target.preferredKindNeeds?.includes(need.code)) preferred[i].push(target);
    }
  }
  return options.map((o, i) => (preferred[i].length ? preferred[i] : o));
}

export function bundleCost(choice: MatchTarget[]): number {
  const locations = distinct(choice, (t) => t.location.id);
  const organizations = distinct(choice, (t) => t.service.organizationId).length;
  return (
    locations.reduce((sum, t) => sum + tripMinutes(t), 0) +
    BUNDLE_COST.organizationMinutes * (organizations - 1) +
    BUNDLE_COST.locationMinutes * (locations.length - 1) -
    BUNDLE_COST.scoreMinutes * choice.reduce((sum, t) => sum + t.score, 0)
  );
}

/** One option per need, searched as described above. Exported for the comparison with the exhaustive optimum. */
export function searchBundle(options: MatchTarget[][], meter: WorkMeter = { bundleSteps: 0 }, stepsPerNeedOption = BUNDLE_STEPS_PER_NEED_OPTION): MatchTarget[] {
  const n = options.length;
  const optionCount = options.reduce((sum, o) => sum + o.length, 0);
  const budget = meter.bundleSteps + stepsPerNeedOption * n * optionCount;
  const exhausted = () => meter.bundleSteps >= budget;
  const shape = new BundleShape(options);

  // 1. local search, from each need's best-ranked option and from a greedy construction
  const localSearch = (start: number[]): BundleState => {
    const state = new BundleState(shape, meter);
    start.forEach((k, i) => state.place(i, k));
    const attempt = (moves: [number, number[]][]): boolean => {
      const before = state.choice.slice();
      let change = 0;
      for (const [i, ks] of moves) {
        let best = ks[0];
        let bestDelta = Infinity;
        for (const k of ks) {
          const d = state.delta(i, k);
          if (d < bestDelta - EPSILON) [best, bestDelta] = [k, d];
        }
        change += bestDelta;
        state.move(i, best);
      }
      for (let i = 0; i < n; i++) change += state.improve(i);
      if (change < -EPSILON) return true;
      for (let i = 0; i < n; i++) if (state.choice[i] !== before[i]) state.move(i, before[i]);
      return false;
    };
    let improved = true;
    for (let pass = 0; improved && pass < MAX_PASSES && !exhausted(); pass++) {
      improved = false;
      for (let i = 0; i < n; i++) if (state.improve(i) < 0) improved = true;
      for (let i = 0; i < n && !exhausted(); i++) {
        for (let k = 0; k < shape.count[i] && !exhausted(); k++) {
          if (k !== state.choice[i] && attempt([[i, [k]]])) improved = true;
        }
      }
      for (const group of shape.gatherings) if (!exhausted() && attempt(group)) improved = true;
      // everyone away from one place
      for (let p = 0; p < shape.places && !exhausted(); p++) {
        if (!state.placeUse[p]) continue;
        const moves: [number, number[]][] = [];
        for (let i = 0; i < n; i++) {
          if (shape.place(i, state.choice[i]) !== p) continue;
          const ks = [...Array(shape.count[i]).keys()].filter((k) => shape.place(i, k) !== p);
          moves.push([i, ks]);
        }
        if (moves.every(([, ks]) => ks.length > 0) && attempt(moves)) improved = true;
      }
    }
    return state;
  };
  const candidates = [localSearch(new Array<number>(n).fill(0)), localSearch(greedyStart(shape, meter))];
  const state = candidates.reduce((a, b) => (b.cost() < a.cost() - EPSILON ? b : a));

  // 2. branch and bound on an empty bundle, needs with fewest options first
  let bestCost = state.cost();
  let bestChoice = state.choice.slice();
  const order = [...options.keys()].sort((a, b) => shape.count[a] - shape.count[b] || a - b);
  const tree = new BundleState(shape, meter);
  /** Each need still open pays at least its best score and its share of a place or organisation not yet visited. */
  const lowerBound = (depth: number): number => {
    let bound = 0;
    for (let d = depth; d < n; d++) {
      const i = order[d];
      let least = Infinity;
      for (let k = 0; k < shape.count[i]; k++) {
        meter.bundleSteps++;
        const c = -BUNDLE_COST.scoreMinutes * shape.score(i, k) + (tree.placeUse[shape.place(i, k)] ? 0 : shape.placeShareCost(i, k)) + (tree.organizationUse[shape.organization(i, k)] ? 0 : shape.organizationShareCost(i, k));
        if (c < least) least = c;
      }
      bound += least;
    }
    return bound;
  };
  // per depth, the options of its need and their costs (reused: the search allocates nothing per node)
  const children = order.map((i) => new Array<number>(shape.count[i]));
  const costs = order.map((i) => new Float64Array(shape.count[i]));
  const visit = (depth: number, partial: number) => {
    if (exhausted()) return;
    if (depth === n) {
      if (partial < bestCost - EPSILON) [bestCost, bestChoice] = [partial, tree.choice.slice()];
      return;
    }
    if (partial + lowerBound(depth) >= bestCost - EPSILON) return;
    const i = order[depth];
    const ks = children[depth];
    const cs = costs[depth];
    for (let k = 0; k < shape.count[i]; k++) {
      ks[k] = k;
      cs[k] = tree.added(i, k);
    }
    ks.sort((a, b) => cs[a] - cs[b] || a - b);
    for (let c = 0; c < shape.count[i]; c++) {
      const k = ks[c];
      tree.place(i, k);
      visit(depth + 1, partial + cs[k]);
      tree.unplace(i);
    }
  };
  // the formula's − 1s: the first place and organisation are free
  visit(0, -BUNDLE_COST.locationMinutes - BUNDLE_COST.organizationMinutes);
  return bestChoice.map((k, i) => options[i][k]);
}

/**
 * A greedy start (the facility-location greedy): while needs are open, take the place that serves
 * some open needs at the least cost per need — its trip (unless already visited), a new
 * organisation's contact, and each need's loss of score against its best option — and give it
 * those needs.
 */
function greedyStart(shape: BundleShape, meter: WorkMeter): number[] {
  const n = shape.count.length;
  const choice = new Array<number>(n).fill(-1);
  const placeOpen = new Uint8Array(shape.places);
  const organizationOpen = new Uint8Array(shape.organizationCount);
  const regret = (i: number, k: number) => BUNDLE_COST.scoreMinutes * (shape.score(i, 0) - shape.score(i, k));
  for (let left = n; left > 0; ) {
    let best: { ratio: number; place: number; needs: [number, number][] } | undefined;
    for (const group of shape.byPlace) {
      const p = group.place;
      const members: [number, number, number][] = [];
      for (const [i, ks] of group.members) {
        if (choice[i] >= 0) continue;
        let k = ks[0];
        for (const x of ks) if (regret(i, x) < regret(i, k)) k = x;
        meter.bundleSteps += ks.length;
        members.push([i, k, regret(i, k)]);
      }
      if (!members.length) continue;
      members.sort((a, b) => a[2] - b[2] || a[0] - b[0]);
      let total = (placeOpen[p] ? 0 : shape.placeMinutes[p] + BUNDLE_COST.locationMinutes) + (organizationOpen[group.organization] ? 0 : BUNDLE_COST.organizationMinutes);
      for (let m = 0; m < members.length; m++) {
        total += members[m][2];
        const ratio = total / (m + 1);
        if (!best || ratio < best.ratio - EPSILON) best = { ratio, place: p, needs: members.slice(0, m + 1).map(([i, k]) => [i, k]) };
      }
    }
    for (const [i, k] of best!.needs) choice[i] = k;
    placeOpen[best!.place] = 1;
    organizationOpen[shape.organization(best!.needs[0][0], best!.needs[0][1])] = 1;
    left -= best!.needs.length;
  }
  return choice;
}

/** The options as numbers: places and organisations by index, so a cost change is arithmetic. */
class BundleShape {
  readonly count: number[];
  readonly places: number;
  /** the needs that could gather at one place or one organisation, each with its options there */
  readonly gatherings: [number, number[]][][];
  /** every place with its organisation and the needs that could go there, each with its options there */
  readonly byPlace: { place: number; organization: number; members: [number, number[]][] }[];
  private readonly placeOf: Int32Array;
  private readonly organizationOf: Int32Array;
  private readonly scores: Float64Array;
  private readonly placeShare: Float64Array;
  private readonly organizationShare: Float64Array;
  readonly placeMinutes: number[] = [];
  private readonly base: number[];

  constructor(options: MatchTarget[][]) {
    this.count = options.map((o) => o.length);
    this.base = [];
    let total = 0;
    for (const o of options) {
      this.base.push(total);
      total += o.length;
    }
    this.placeOf = new Int32Array(total);
    this.organizationOf = new Int32Array(total);
    this.scores = new Float64Array(total);
    const places = new Map<string, number>();
    const organizations = new Map<string, number>();
    const placeNeeds = new Map<number, Map<number, number[]>>();
    const organizationNeeds = new Map<number, Map<number, number[]>>();
    const join = (groups: Map<number, Map<number, number[]>>, key: number, i: number, k: number) => {
      const members = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
      members.set(i, [...(members.get(i) ?? []), k]);
    };
    options.forEach((o, i) =>
      o.forEach((t, k) => {
        const j = this.base[i] + k;
        let p = places.get(t.location.id);
        if (p === undefined) {
          p = places.size;
          places.set(t.location.id, p);
          this.placeMinutes.push(tripMinutes(t));
        }
        const org = organizations.get(t.service.organizationId) ?? organizations.set(t.service.organizationId, organizations.size).get(t.service.organizationId)!;
        this.placeOf[j] = p;
        this.organizationOf[j] = org;
        this.scores[j] = t.score;
        join(placeNeeds, p, i, k);
        join(organizationNeeds, org, i, k);
      }),
    );
    this.places = places.size;
    this.organizationCount = organizations.size;
    const gather = (groups: Map<number, Map<number, number[]>>) => [...groups.values()].filter((m) => m.size > 1).map((m) => [...m.entries()]);
    this.gatherings = [...gather(placeNeeds), ...gather(organizationNeeds)];
    this.byPlace = [...placeNeeds.entries()].map(([place, members]) => {
      const [i, [k]] = members.entries().next().value!;
      return { place, organization: this.organization(i, k), members: [...members.entries()] };
    });
    // a place (organisation) not yet visited costs each need that could use it at least its share
    this.placeShare = new Float64Array(total);
    this.organizationShare = new Float64Array(total);
    for (let j = 0; j < total; j++) {
      const p = this.placeOf[j];
      this.placeShare[j] = (this.placeMinutes[p] + BUNDLE_COST.locationMinutes) / placeNeeds.get(p)!.size;
      this.organizationShare[j] = BUNDLE_COST.organizationMinutes / organizationNeeds.get(this.organizationOf[j])!.size;
    }
  }

  readonly organizationCount: number;

  place(i: number, k: number): number {
    return this.placeOf[this.base[i] + k];
  }
  organization(i: number, k: number): number {
    return this.organizationOf[this.base[i] + k];
  }
  score(i: number, k: number): number {
    return this.scores[this.base[i] + k];
  }
  placeShareCost(i: number, k: number): number {
    return this.placeShare[this.base[i] + k];
  }
  organizationShareCost(i: number, k: number): number {
    return this.organizationShare[this.base[i] + k];
  }
}

/** A (partial) choice of one option per need, with how often each place and organisation is used. */
class BundleState {
  readonly choice: number[];
  readonly placeUse: Int32Array;
  readonly organizationUse: Int32Array;

  constructor(
    private readonly shape: BundleShape,
    private readonly meter: WorkMeter,
  ) {
    this.choice = new Array<number>(shape.count.length).fill(-1);
    this.placeUse = new Int32Array(shape.places);
    this.organizationUse = new Int32Array(shape.organizationCount);
  }

  cost(): number {
    let c = -BUNDLE_COST.locationMinutes - BUNDLE_COST.organizationMinutes;
    for (let p = 0; p < this.shape.places; p++) if (this.placeUse[p]) c += this.shape.placeMinutes[p] + BUNDLE_COST.locationMinutes;
    for (let o = 0; o < this.shape.organizationCount; o++) if (this.organizationUse[o]) c += BUNDLE_COST.organizationMinutes;
    this.choice.forEach((k, i) => (c -= BUNDLE_COST.scoreMinutes * this.shape.score(i, k)));
    return c;
  }

  /** Cost of placing need i (not yet placed) on option k. */
  added(i: number, k: number): number {
    this.meter.bundleSteps++;
    const p = this.shape.place(i, k);
    let d = -BUNDLE_COST.scoreMinutes * this.shape.score(i, k);
    if (!this.placeUse[p]) d += this.shape.placeMinutes[p] + BUNDLE_COST.locationMinutes;
    if (!this.organizationUse[this.shape.organization(i, k)]) d += BUNDLE_COST.organizationMinutes;
    return d;
  }

  /** Cost change if need i (placed) took option k instead. */
  delta(i: number, k: number): number {
    this.meter.bundleSteps++;
    const from = this.choice[i];
    if (from === k) return 0;
    const s = this.shape;
    let d = BUNDLE_COST.scoreMinutes * (s.score(i, from) - s.score(i, k));
    const [p, q] = [s.place(i, from), s.place(i, k)];
    if (p !== q) {
      if (this.placeUse[p] === 1) d -= s.placeMinutes[p] + BUNDLE_COST.locationMinutes;
      if (!this.placeUse[q]) d += s.placeMinutes[q] + BUNDLE_COST.locationMinutes;
    }
    const [o, r] = [s.organization(i, from), s.organization(i, k)];
    if (o !== r) {
      if (this.organizationUse[o] === 1) d -= BUNDLE_COST.organizationMinutes;
      if (!this.organizationUse[r]) d += BUNDLE_COST.organizationMinutes;
    }
    return d;
  }

  place(i: number, k: number): void {
    this.choice[i] = k;
    this.placeUse[this.shape.place(i, k)]++;
    this.organizationUse[this.shape.organization(i, k)]++;
  }

  unplace(i: number): void {
    const k = this.choice[i];
    this.placeUse[this.shape.place(i, k)]--;
    this.organizationUse[this.shape.organization(i, k)]--;
    this.choice[i] = -1;
  }

  move(i: number, k: number): void {
    this.unplace(i);
    this.place(i, k);
  }

  /** Moves need i to its best option if that lowers the cost; returns the change (≤ 0). */
  improve(i: number): number {
    let best = -1;
    let bestDelta = -EPSILON;
    for (let k = 0; k < this.shape.count[i]; k++) {
      if (k === this.choice[i]) continue;
      const d = this.delta(i, k);
      if (d < bestDelta) [best, bestDelta] = [k, d];
    }
    if (best < 0) return 0;
    this.move(i, best);
    return bestDelta;
  }
}

/**
 * Why this item, in German: its kind, its rank for the need, what it shares with the other items
 * (the reason a lower-ranked option can win), and that it takes new clients.
 */
function itemExplanation(i: number, needs: NeedTerm[], chosen: MatchTarget[], options: MatchTarget[], rank: number): string {
  const t = chosen[i];
  const label = `„${needs[i].labelDe}“`;
  const via = t.matchedVia.find((m) => m.need === needs[i].code)?.via;
  const others = (test: (o: MatchTarget) => boolean) => needs.filter((_, j) => j !== i && test(chosen[j])).map((n) => `„${n.labelDe}“`);
  const sameTarget = others((o) => o === t);
  const samePlace = others((o) => o !== t && o.location.id === t.location.id);
  const sameOrganization = others((o) => o.location.id !== t.location.id && o.service.organizationId === t.service.organizationId);
  const kind = CATEGORY_LABELS_DE[t.service.category] ?? 'Angebot';
  const parts = [rank === 1 ? `${kind}, bestes erreichbares Angebot für ${label}` : `${kind}, Rang ${rank} für ${label}`];
  if (via?.length) parts.push(`über ${via.map((v) => `„${v.labelDe}“`).join(', ')}`);
  if (sameTarget.length) parts.push(`deckt auch ${sameTarget.join(', ')} ab`);
  if (samePlace.length) parts.push(`am selben Ort wie ${samePlace.join(', ')} – ein Weg weniger`);
  if (sameOrganization.length) parts.push(`beim selben Träger wie ${sameOrganization.join(', ')}`);
  if (rank > 1 && !sameTarget.length && !samePlace.length && !sameOrganization.length && tripMinutes(t) < tripMinutes(options[0]) - 0.5) {
    parts.push('kürzere Anfahrt als das bestplatzierte Angebot');
  }
  if (t.comesToPerson) parts.push('kommt zur Person');
  parts.push(t.service.waitingDays ? `nimmt neue Klient:innen auf, Wartezeit ca. ${formatDuration(t.service.waitingDays)}` : 'nimmt neue Klient:innen auf');
  return parts.join('; ');
}

function addresses(t: MatchTarget, need: NeedTerm): boolean {
  return t.matchedNeeds.some((n) => n.code === need.code);
}

function distinct<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
