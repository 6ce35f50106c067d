import { HEURISTIC_PARAMETERS } from '../heuristic/heuristic-travel-time.estimator';
import { LatLon, TravelContext, TravelEstimatorInfo, TravelLeg, TravelMode, TravelTime, TravelTimeEstimator } from '../travel-time.port';
import { bundledStations, haversineMeters, Station, StationIndex } from './stations';

/**
 * The calibrated estimate (`calibrated-v2`), used where no timetable answers. Every number with its
 * reason; the README's reference trips show what they give.
 *
 * Walking, cycling and driving keep heuristic-v1's figures. Public transport is the quickest of
 * three ways, each door to door for a participant who plans to the timetable (leaves home to reach
 * the stop a few minutes early, never waits half a headway — the same thing the timetable router
 * measures):
 *
 * - **walking** the whole way;
 * - **bus** (or tram): walk to the stop, a few minutes' margin, ride at a scheduled speed along a
 *   road distance, wait at changes (one after the first stretch, then one per further stretch),
 *   walk from the stop;
 * - **train**, when both ends lie within walking reach of a Deutsche Bahn station (db-stations): walk
 *   to the station, wait on the platform by the station's category, ride at regional-train speed
 *   along the track distance between the two stations, change on long trips, walk from the station.
 *
 * The estimate cannot know whether two stations lie on one line: up to 40 km of track it assumes a
 * direct train. Rural is a Landkreis, urban a kreisfreie Stadt.
 */
export const CALIBRATED_PARAMETERS = {
  walk: HEURISTIC_PARAMETERS.walk,
  bus: {
    /** road per straight-line km on bus routes, which wind through villages and around blocks (heuristic-v1's figure) */
    detour: 1.35,
    /** scheduled speed with stops: city bus and tram ≈ 18 km/h; regional (PlusBus/TaktBus) lines between towns ≈ 32 km/h */
    kmhUrban: 18,
    kmhRural: 32,
    /** walking to and from the stops, both ends together: ≈ 250 m each in a city's dense network, ≈ 400 m each in a town or village */
    accessMinUrban: 6,
    accessMinRural: 10,
    /** the margin at the first stop of someone who plans to the timetable: arrive a few minutes early, not half a headway (v1 had 5 / 20) */
    planningMin: 3,
    /** waiting at a change: city lines run every 10 minutes or better; rural connections are timed but often missed by a few minutes */
    transferMinUrban: 5,
    transferMinRural: 10,
    /** road km before the first change and per further change: city lines are short; regional lines run town to town, 20–30 km */
    kmBeforeFirstTransferUrban: 8,
    kmPerTransferUrban: 12,
    kmBeforeFirstTransferRural: 25,
    kmPerTransferRural: 25,
  },
  rail: {
    /** a station within 20 minutes' walk (1.2 km straight at the walk mode's pace) — the reach the timetable router allows to a stop */
    stationWalkMeters: 1200,
    /** track per straight-line km between two stations */
    detour: 1.15,
    /** regional train and S-Bahn with their stops: S1 Meißen–Radebeul Ost covers ≈ 17 km of track in ≈ 20 min, ≈ 50 km/h */
    kmh: 50,
    /** minutes on the platform before the train, by station category: at hubs (1–2) the next train is minutes away; at halts served hourly (6–7) a planner comes early */
    waitMinByCategory: [0, 2, 2, 3, 3, 4, 5, 5],
    /** shorter train rides than this are not worth the wait: the bus or walking answers */
    minRailKm: 2,
    /** track km before a change is assumed, and per further change */
    kmBeforeTransfer: 40,
    kmPerTransfer: 50,
    /** waiting at a change, by the smaller station's category: hubs 6, category 4–5 10, halts 15 minutes */
    transferMinByCategory: [0, 6, 6, 6, 10, 10, 15, 15],
  },
} as const;

const p = CALIBRATED_PARAMETERS;

export function walkMinutes(meters: number): number {
  return ((meters / 1000) * p.walk.detour / p.walk.kmh) * 60;
}

export function busMinutes(rural: boolean, meters: number): number {
  const b = p.bus;
  const roadKm = (meters / 1000) * b.detour;
  const first = rural ? b.kmBeforeFirstTransferRural : b.kmBeforeFirstTransferUrban;
  const per = rural ? b.kmPerTransferRural : b.kmPerTransferUrban;
  const transfers = roadKm <= first ? 0 : Math.ceil((roadKm - first) / per);
  return (
    (rural ? b.accessMinRural : b.accessMinUrban) +
    b.planningMin +
    (roadKm / (rural ? b.kmhRural : b.kmhUrban)) * 60 +
    transfers * (rural ? b.transferMinRural : b.transferMinUrban)
  );
}

export interface RailTrip {
  minutes: number;
  from: Station;
  to: Station;
}

/** The train between two stations, door to door (the walks to and from them included). */
export function railMinutes(walkToMeters: number, from: Station, to: Station, walkFromMeters: number): number | null {
  const r = p.rail;
  const trackKm = (haversineMeters(from.latitude, from.longitude, to.latitude, to.longitude) / 1000) * r.detour;
  if (from.eva === to.eva || trackKm < r.minRailKm) return null;
  const transfers = trackKm <= r.kmBeforeTransfer ? 0 : Math.ceil((trackKm - r.kmBeforeTransfer) / r.kmPerTransfer);
  const smaller = Math.max(from.category, to.category);
  return walkMinutes(walkToMeters) + r.waitMinByCategory[from.category] + (trackKm / r.kmh) * 60 + transfers * r.transferMinByCategory[smaller] + walkMinutes(walkFromMeters);
}

/** The quickest train between stations near the two ends, or null when an end has none. */
export function quickestRail(origins: { station: Station; meters: number }[], destinations: { station: Station; meters: number }[]): RailTrip | null {
  let best: RailTrip | null = null;
  for (const o of origins) {
    for (const d of destinations) {
      const minutes = railMinutes(o.meters, o.station, d.station, d.meters);
      if (minutes !== null && (!best || minutes < best.minutes)) best = { minutes, from: o.station, to: d.station };
    }
  }
  return best;
}

/** Public transport between two points, or walking where that is quicker. */
export function estimatePublicTransport(stations: StationIndex, rural: boolean, origin: LatLon, destination: LatLon, distanceMeters: number, originStations = stations.near(origin.latitude, origin.longitude, p.rail.stationWalkMeters)) {
  const walk = walkMinutes(distanceMeters);
  let transit = busMinutes(rural, distanceMeters);
  if (originStations.length) {
    const rail = quickestRail(originStations, stations.near(destination.latitude, destination.longitude, p.rail.stationWalkMeters));
    if (rail && rail.minutes < transit) transit = rail.minutes;
  }
  return walk <= transit ? { minutes: walk, mode: TravelMode.WALK } : { minutes: transit, mode: TravelMode.PUBLIC_TRANSPORT };
}

/** Minutes of an ordinary trip of this length by the mode (no stations, no timetable): what a kilometre limit means in time. */
export function minutesForDistance(mode: TravelMode, rural: boolean, distanceMeters: number): number {
  if (mode !== TravelMode.PUBLIC_TRANSPORT) return otherModeMinutes(mode, rural, distanceMeters);
  return Math.min(walkMinutes(distanceMeters), busMinutes(rural, distanceMeters));
}

function otherModeMinutes(mode: TravelMode, rural: boolean, meters: number): number {
  const km = meters / 1000;
  const h = HEURISTIC_PARAMETERS;
  switch (mode) {
    case TravelMode.BICYCLE:
      return h.bicycle.fixedMin + ((km * h.bicycle.detour) / h.bicycle.kmh) * 60;
    case TravelMode.CAR:
      return h.car.fixedMin + ((km * h.car.detour) / (rural ? h.car.kmhRural : h.car.kmhUrban)) * 60;
    default:
      return walkMinutes(meters);
  }
}

export const CALIBRATED_ESTIMATOR_NAME = 'calibrated-v2';

/** Every answer's basis is the same: shared, never written. */
const ESTIMATE: TravelTime['basis'] = Object.freeze({ kind: 'estimate' as const });

export class CalibratedTravelTimeEstimator implements TravelTimeEstimator {
  constructor(private readonly stations: StationIndex = bundledStations()) {}

  async describe(): Promise<TravelEstimatorInfo> {
    return {
      name: CALIBRATED_ESTIMATOR_NAME,
      estimated: true,
      description:
        'Schätzung aus Luftlinie: Umwegfaktor und Geschwindigkeit je Verkehrsmittel. Bus/Bahn für jemanden, der nach Fahrplan plant: ' +
        'Bus mit Fußwegen, wenigen Minuten Vorlauf und Umstiegen; Bahn, wo beide Enden in Gehweite eines Bahnhofs liegen ' +
        `(Wartezeit nach Bahnhofskategorie); zu Fuß, wo das schneller ist. ${this.stations.attribution}.`,
      feed: null,
    };
  }

  async travelTimes(context: TravelContext, legs: TravelLeg[]): Promise<TravelTime[]> {
    if (context.mode !== TravelMode.PUBLIC_TRANSPORT) {
      return legs.map((l) =>
        context.mode === TravelMode.WALK
          ? { minutes: walkMinutes(l.distanceMeters), mode: TravelMode.WALK, basis: ESTIMATE }
          : { minutes: otherModeMinutes(context.mode, context.rural, l.distanceMeters), mode: context.mode, basis: ESTIMATE },
      );
    }
    const originStations = this.stations.near(context.origin.latitude, context.origin.longitude, p.rail.stationWalkMeters);
    return legs.map((l) => ({ ...estimatePublicTransport(this.stations, context.rural, context.origin, l.destination, l.distanceMeters, originStations), basis: ESTIMATE }));
  }

  /**
   * An upper bound: the farthest the walk, the bus (monotone in distance: bisection) or a train
   * leaving at once from a hub at the door could get in the time.
   */
  async reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): Promise<number> {
    const byDistance = (meters: number) => minutesForDistance(context.mode, context.rural, meters);
    let low = 0;
    let high = 500_000;
    if (byDistance(high) <= minutes) return high;
    while (high - low > 1) {
      const mid = (low + high) / 2;
      if (byDistance(mid) <= minutes) low = mid;
      else high = mid;
    }
    const road = Math.ceil(high);
    if (context.mode !== TravelMode.PUBLIC_TRANSPORT) return road;
    const r = p.rail;
    const rail = Math.ceil((Math.max(0, minutes - r.waitMinByCategory[1]) / 60) * r.kmh * 1000 / r.detour);
    return Math.max(road, rail);
  }
}
