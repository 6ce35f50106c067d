import { TravelContext, TravelEstimatorInfo, TravelLeg, TravelMode, TravelTime, TravelTimeEstimator } from '../travel-time.port';

/**
 * heuristic-v1, the first estimate: kept as the baseline the calibrated estimate is compared with
 * (README, reference trips); no longer what the application uses. Travel minutes from straight-line distance, by mode. Parameters (documented in README):
 *
 * | mode | detour | speed | fixed time |
 * |---|---|---|---|
 * | walk | ×1.25 | 4.5 km/h | – |
 * | bicycle | ×1.25 | 15 km/h | 2 min (bike, lock) |
 * | car | ×1.3 | 30 km/h city, 50 km/h rural | 5 min (walk to car, parking) |
 * | public transport | ×1.35 | 18 km/h city, 30 km/h rural (in vehicle) | access+egress walk 8 / 14 min, wait half a headway 5 / 20 min, 5 / 10 min per transfer (one per 12 km after the first 8 km) |
 *
 * Public transport never takes longer than walking (short trips are walked). "City" is a
 * kreisfreie Stadt, "rural" a Landkreis. Every function is monotone in distance, so the reach
 * radius for a time limit is exact.
 */
export const HEURISTIC_PARAMETERS = {
  walk: { detour: 1.25, kmh: 4.5 },
  bicycle: { detour: 1.25, kmh: 15, fixedMin: 2 },
  car: { detour: 1.3, kmhUrban: 30, kmhRural: 50, fixedMin: 5 },
  publicTransport: {
    detour: 1.35,
    kmhUrban: 18,
    kmhRural: 30,
    accessMinUrban: 8,
    accessMinRural: 14,
    waitMinUrban: 5,
    waitMinRural: 20,
    transferMinUrban: 5,
    transferMinRural: 10,
    kmBeforeFirstTransfer: 8,
    kmPerTransfer: 12,
  },
} as const;

export function estimateMinutes(mode: TravelMode, rural: boolean, distanceMeters: number): number {
  return estimateTravel(mode, rural, distanceMeters).minutes;
}

/** The estimate and how the trip goes: public transport is walked when walking is not slower. */
export function estimateTravel(mode: TravelMode, rural: boolean, distanceMeters: number): Omit<TravelTime, 'basis'> {
  const km = distanceMeters / 1000;
  const p = HEURISTIC_PARAMETERS;
  const walk = ((km * p.walk.detour) / p.walk.kmh) * 60;
  switch (mode) {
    case TravelMode.WALK:
      return { minutes: walk, mode };
    case TravelMode.BICYCLE:
      return { minutes: p.bicycle.fixedMin + ((km * p.bicycle.detour) / p.bicycle.kmh) * 60, mode };
    case TravelMode.CAR:
      return { minutes: p.car.fixedMin + ((km * p.car.detour) / (rural ? p.car.kmhRural : p.car.kmhUrban)) * 60, mode };
    case TravelMode.PUBLIC_TRANSPORT: {
      const t = p.publicTransport;
      const roadKm = km * t.detour;
      const transfers = roadKm <= t.kmBeforeFirstTransfer ? 0 : Math.ceil((roadKm - t.kmBeforeFirstTransfer) / t.kmPerTransfer);
      const transit =
        (rural ? t.accessMinRural + t.waitMinRural : t.accessMinUrban + t.waitMinUrban) +
        (roadKm / (rural ? t.kmhRural : t.kmhUrban)) * 60 +
        transfers * (rural ? t.transferMinRural : t.transferMinUrban);
      return walk <= transit ? { minutes: walk, mode: TravelMode.WALK } : { minutes: transit, mode };
    }
  }
}

/** Every answer's basis is the same: shared, never written. */
const ESTIMATE: TravelTime['basis'] = Object.freeze({ kind: 'estimate' as const });

export class HeuristicTravelTimeEstimator implements TravelTimeEstimator {
  static readonly INFO: TravelEstimatorInfo = {
    name: 'heuristic-v1',
    estimated: true,
    description:
      'Schätzung aus Luftlinie: Umwegfaktor und Geschwindigkeit je Verkehrsmittel; Bus/Bahn mit Zu- und Abgang, Wartezeit und Umstiegen, im ländlichen Raum langsamer.',
    feed: null,
  };

  async describe(): Promise<TravelEstimatorInfo> {
    return HeuristicTravelTimeEstimator.INFO;
  }

  async travelTimes(context: TravelContext, legs: TravelLeg[]): Promise<TravelTime[]> {
    return legs.map((leg) => {
      const { minutes, mode } = estimateTravel(context.mode, context.rural, leg.distanceMeters);
      return { minutes, mode, basis: ESTIMATE };
    });
  }

  async reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): Promise<number> {
    return this.reachMetersSync(context, minutes);
  }

  reachMetersSync(context: Omit<TravelContext, 'origin'>, minutes: number): number {
    // Bisection on the monotone estimate; 1 m precision.
    let low = 0;
    let high = 500_000;
    if (estimateMinutes(context.mode, context.rural, high) <= minutes) return high;
    while (high - low > 1) {
      const mid = (low + high) / 2;
      if (estimateMinutes(context.mode, context.rural, mid) <= minutes) low = mid;
      else high = mid;
    }
    return Math.ceil(high);
  }
}

