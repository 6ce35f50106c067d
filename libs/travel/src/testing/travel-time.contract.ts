/**
 * One contract for every adapter of the routing port (Vendure's shared-test pattern): the calibrated
 * estimate and the timetable router pass the same suite. Call `travelTimeContract` inside a
 * describe block; the subject supplies the adapter and a scenario its data can answer.
 */
import { walkMinutes } from '../estimate/calibrated-travel-time.estimator';
import { haversineMeters } from '../transit/geometry';
import { DepartureWindow, LatLon, TravelLeg, TravelMode, TravelTime, TravelTimeEstimator } from '../travel-time.port';
import { tripPhrase } from '../wording/trip-wording';

export interface ContractScenario {
  origin: LatLon;
  rural: boolean;
  /** places the adapter answers for (for a router: near its stops) */
  targets: LatLon[];
  /** a window, then a wider one containing it */
  window: DepartureWindow;
  widerWindow: DepartureWindow;
  /** a window in which a timetable runs nothing */
  deadWindow: DepartureWindow;
  /** pairs over which the adapter's data are the same both ways */
  symmetric: [LatLon, LatLon][];
  /** the adapter answers from a timetable here (then unreachable must be said as such) */
  timetable: boolean;
}

export interface ContractSubject {
  estimator: () => TravelTimeEstimator | Promise<TravelTimeEstimator>;
  scenario: ContractScenario;
}

const legsTo = (origin: LatLon, targets: LatLon[]): TravelLeg[] =>
  targets.map((t) => ({ destination: t, distanceMeters: haversineMeters(origin.latitude, origin.longitude, t.latitude, t.longitude) }));

export function travelTimeContract(subject: ContractSubject): void {
  const s = subject.scenario;
  let estimator: TravelTimeEstimator;
  const ask = (window: DepartureWindow, origin = s.origin, targets = s.targets): Promise<TravelTime[]> =>
    estimator.travelTimes({ origin, mode: TravelMode.PUBLIC_TRANSPORT, rural: s.rural, window }, legsTo(origin, targets));

  beforeAll(async () => {
    estimator = await subject.estimator();
  });

  it('answers every leg, in order, with finite minutes, a mode and what the minutes rest on', async () => {
    const answers = await ask(s.window);
    expect(answers).toHaveLength(s.targets.length);
    for (const a of answers) {
      expect(Number.isFinite(a.minutes) && a.minutes >= 0).toBe(true);
      expect([TravelMode.PUBLIC_TRANSPORT, TravelMode.WALK]).toContain(a.mode);
      expect(['estimate', 'timetable']).toContain(a.basis.kind);
    }
    expect(answers.some((a) => a.basis.kind === 'timetable')).toBe(s.timetable);
    expect((await estimator.describe()).estimated).toBe(!s.timetable);
  });

  it('is never slower than walking', async () => {
    const legs = legsTo(s.origin, s.targets);
    const answers = await ask(s.window);
    answers.forEach((a, i) => expect(a.minutes).toBeLessThanOrEqual(walkMinutes(legs[i].distanceMeters) + 1e-9));
  });

  it('is monotone in the window: a wider window has at least the connections of a narrower one; an estimate does not depend on it', async () => {
    const [narrow, wide] = [await ask(s.window), await ask(s.widerWindow)];
    narrow.forEach((n, i) => {
      const w = wide[i];
      expect(w.basis.kind).toBe(n.basis.kind);
      if (n.basis.kind === 'timetable' && w.basis.kind === 'timetable') expect(w.basis.connections).toBeGreaterThanOrEqual(n.basis.connections);
      else expect(w.minutes).toBe(n.minutes);
    });
  });

  it('is symmetric where its data are', async () => {
    for (const [a, b] of s.symmetric) {
      const [there] = await ask(s.window, a, [b]);
      const [back] = await ask(s.window, b, [a]);
      expect(back.minutes).toBeCloseTo(there.minutes, 6);
      expect(back.mode).toBe(there.mode);
    }
  });

  it('says clearly when public transport cannot get there in the window', async () => {
    const answers = await ask(s.deadWindow);
    const legs = legsTo(s.origin, s.targets);
    let unreachable = 0;
    answers.forEach((a, i) => {
      if (a.basis.kind === 'estimate') return; // an estimate claims no timetable
      if (a.basis.connections > 0) return;
      unreachable++;
      expect(a.mode).toBe(TravelMode.WALK);
      expect(a.minutes).toBeCloseTo(walkMinutes(legs[i].distanceMeters), 6);
      expect(tripPhrase(a, legs[i].distanceMeters)).toMatch(/^keine Verbindung mit Bus\/Bahn /);
    });
    expect(unreachable > 0).toBe(s.timetable);
  });

  it('bounds every answer by its reach: within the minutes ⇒ within the reach radius', async () => {
    const legs = legsTo(s.origin, s.targets);
    const answers = await ask(s.window);
    for (const minutes of [10, 30, 60, 120]) {
      const reach = await estimator.reachMeters({ mode: TravelMode.PUBLIC_TRANSPORT, rural: s.rural, window: s.window }, minutes);
      answers.forEach((a, i) => {
        if (a.minutes <= minutes) expect(legs[i].distanceMeters).toBeLessThanOrEqual(reach);
      });
    }
  });
}
