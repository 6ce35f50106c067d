import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService, Location, OpeningHours, RoomEquipment, ROOM_EQUIPMENT_DE, Service, ServiceCategory } from '@lotse/catalogue';
import { formatKilometers } from '@lotse/travel';
import { GeoService } from '@lotse/geo';
import { InvalidInputError } from '@lotse/common';
import { MATCH_CLOCK } from '../matching.service';
import { OriginRequest, resolveOrigin, ResolvedOrigin } from '../origin';
import { OpeningToday, openingToday, WEEKDAY_NAMES_DE } from '../handover';

export interface RoomsRequest {
  near: OriginRequest;
  maxKilometers: number;
  /** all of these */
  equipment: RoomEquipment[];
  /** ISO weekday the coach wants to hold the consultation on: only rooms open that day */
  weekday?: number;
  limit: number;
}

export interface Room {
  service: Service;
  location: Location;
  distanceMeters: number;
  openingHours: OpeningHours[];
  openingToday: OpeningToday;
  /** "Beratungsraum für aufsuchende Sprechstunden, 1,2 km Luftlinie; geöffnet Mo–Fr 08:00–18:00; …" */
  explanation: string;
}

export interface RoomsOutcome {
  origin: ResolvedOrigin & { districtAgs: string | null; municipalityAgs: string | null };
  rooms: Room[];
}

/** Rooms among this many nearest are checked for the weekday; a town has a handful. */
const WEEKDAY_SCAN = 200;

/**
 * Rooms for an outreach consultation (ReSiSaX: the municipalities' rooms coaches book for a
 * consultation near where participants live): community rooms near a place, postcode or point,
 * nearest first, with their hours and equipment. Rooms are resources, not referral targets, so they
 * never appear in a match unless asked for; this is where coaches find them. Not stored or logged.
 */
@Injectable()
export class RoomsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
    @Inject(MATCH_CLOCK) private readonly clock: () => Date,
  ) {}

  async rooms(request: RoomsRequest): Promise<RoomsOutcome> {
    const resolved = await resolveOrigin(this.geo, request.near, 'near');
    const area = await this.geo.areaAt(resolved.latitude, resolved.longitude);
    if (!area.districtAgs) throw InvalidInputError.of('near', 'lies outside the area Lotse covers (Saxony)');
    const [found] = await this.catalogue.findServicesNear(
      { latitude: resolved.latitude, longitude: resolved.longitude },
      request.maxKilometers * 1000,
      { categories: [ServiceCategory.COMMUNITY_ROOM], equipment: request.equipment.length ? request.equipment : undefined },
      { limit: request.weekday ? WEEKDAY_SCAN : request.limit },
    );
    const hours = await this.catalogue.openingHoursByServices([...new Set(found.map((f) => f.service.id))]);
    const now = this.clock();
    const rooms: Room[] = [];
    for (const f of found) {
      const own = hours.filter((h) => h.serviceId === f.service.id);
      if (request.weekday && !own.some((h) => h.weekday === request.weekday)) continue;
      rooms.push({ ...f, openingHours: own, openingToday: openingToday(own, now), explanation: roomExplanation(f.service, f.distanceMeters, own) });
      if (rooms.length === request.limit) break;
    }
    return { origin: { ...resolved, districtAgs: area.districtAgs, municipalityAgs: area.municipalityAgs }, rooms };
  }
}

/** "Mo 08:00–18:00, Di 08:00–18:00" grouped by equal hours: "Mo–Fr 08:00–18:00; Sa 09:00–14:00" */
export function weeklyHoursDe(hours: readonly OpeningHours[]): string {
  if (!hours.length) return 'keine Öffnungszeiten angegeben';
  const byDay = new Map<number, string>();
  for (const h of [...hours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))) {
    const range = `${h.opensAt}–${h.closesAt}`;
    byDay.set(h.weekday, byDay.has(h.weekday) ? `${byDay.get(h.weekday)} und ${range}` : range);
  }
  const short = (d: number) => WEEKDAY_NAMES_DE[d].slice(0, 2);
  const groups: { from: number; to: number; text: string }[] = [];
  for (const [day, text] of byDay) {
    const last = groups[groups.length - 1];
    if (last && last.to === day - 1 && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  return groups.map((g) => `${g.from === g.to ? short(g.from) : g.to === g.from + 1 ? `${short(g.from)}, ${short(g.to)}` : `${short(g.from)}–${short(g.to)}`} ${g.text}`).join('; ');
}

function roomExplanation(service: Service, distanceMeters: number, hours: readonly OpeningHours[]): string {
  const parts = [`${service.name}, ${formatKilometers(distanceMeters)} km Luftlinie`, `geöffnet ${weeklyHoursDe(hours)}`];
  if (service.equipment.length) parts.push(service.equipment.map((e) => ROOM_EQUIPMENT_DE[e]).join(', '));
  if (service.eligibilityNote) parts.push(service.eligibilityNote);
  return parts.join('; ');
}
