import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { InvalidInputError } from '@lotse/common';
import { DEFAULT_DEPARTURE_WINDOW, DepartureWindow, FeedAttribution, TravelEstimatorInfo } from '../travel-time.port';

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** The longest departure window a request may name: the router's work grows with it. */
export const MAX_WINDOW_MINUTES = 6 * 60;

@InputType('DepartureWindowInput', { description: 'When the participant leaves, for public transport with a timetable (default: Tuesday 07:00–09:00)' })
export class DepartureWindowInput {
  @Field(() => Int, { defaultValue: DEFAULT_DEPARTURE_WINDOW.weekday, description: 'ISO weekday, 1 = Monday … 7 = Sunday' })
  @IsOptional() @IsInt() @Min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' }) @Max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday?: number;

  @Field({ defaultValue: '07:00', description: 'HH:MM, local time: leaving home from' })
  @IsOptional() @Matches(TIME, { message: 'from must be HH:MM' })
  from?: string;

  @Field({ defaultValue: '09:00', description: 'HH:MM (24:00 allowed): leaving home until' })
  @IsOptional() @Matches(TIME, { message: 'to must be HH:MM' })
  to?: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The input as a window; `field` names it in errors (e.g. "request.travel.departure"). */
export function toDepartureWindow(input: { weekday?: number; from?: string; to?: string } | null | undefined, field: string): DepartureWindow {
  if (!input) return { ...DEFAULT_DEPARTURE_WINDOW };
  const at = (key: string) => (field ? `${field}.${key}` : key);
  const weekday = input.weekday ?? DEFAULT_DEPARTURE_WINDOW.weekday;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw InvalidInputError.of(at('weekday'), 'must be 1 (Monday) to 7 (Sunday)');
  for (const key of ['from', 'to'] as const) {
    if (input[key] !== undefined && !TIME.test(input[key]!)) throw InvalidInputError.of(at(key), 'must be HH:MM');
  }
  const fromMinutes = input.from !== undefined ? minutesOf(input.from) : DEFAULT_DEPARTURE_WINDOW.fromMinutes;
  const toMinutes = input.to !== undefined ? minutesOf(input.to) : DEFAULT_DEPARTURE_WINDOW.toMinutes;
  if (toMinutes <= fromMinutes) throw InvalidInputError.of(at('to'), 'must be later than from');
  if (toMinutes - fromMinutes > MAX_WINDOW_MINUTES) throw InvalidInputError.of(at('to'), `the window may span at most ${MAX_WINDOW_MINUTES / 60} hours`);
  return { weekday, fromMinutes, toMinutes };
}

@ObjectType('TransitFeed', { description: 'The imported GTFS timetable that answers public-transport trips, with what its licence asks to credit' })
export class TransitFeedType {
  @Field({ description: 'short name shown to coaches, e.g. "VVO"' }) name: string;
  @Field(() => String, { nullable: true }) publisherName: string | null;
  @Field(() => String, { nullable: true }) publisherUrl: string | null;
  @Field(() => String, { nullable: true, description: 'as given on import, e.g. "CC BY 4.0"' }) licence: string | null;
  @Field(() => String, { nullable: true }) licenceUrl: string | null;
  @Field(() => String, { nullable: true }) feedVersion: string | null;
  @Field({ description: 'first day of service, YYYY-MM-DD' }) validFrom: string;
  @Field({ description: 'last day of service, YYYY-MM-DD' }) validTo: string;
  @Field({ description: 'ISO timestamp of the import' }) importedAt: string;
  @Field({ description: 'credit line for maps and reports' }) attribution: string;
}

export function toTransitFeedType(feed: FeedAttribution): TransitFeedType {
  const { text, ...rest } = feed;
  return { ...rest, attribution: text };
}

@ObjectType('TravelEstimator', { description: 'What answered the travel times' })
export class TravelEstimatorType {
  @Field() name: string;
  @Field({ description: 'true when every time is an estimate (no timetable loaded)' }) estimated: boolean;
  @Field() description: string;
  @Field(() => TransitFeedType, { nullable: true, description: 'the timetable that answers public-transport trips, when one is loaded' }) feed: TransitFeedType | null;
}

export function toTravelEstimatorType(info: TravelEstimatorInfo): TravelEstimatorType {
  return { ...info, feed: info.feed && toTransitFeedType(info.feed) };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

@ObjectType('DepartureWindow', { description: 'When the participant leaves: the window public-transport times were found for' })
export class DepartureWindowType {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @Field({ description: 'HH:MM' }) from: string;
  @Field({ description: 'HH:MM' }) to: string;
}

export function toDepartureWindowType(window: DepartureWindow): DepartureWindowType {
  return { weekday: window.weekday, from: hhmm(window.fromMinutes), to: hhmm(window.toMinutes) };
}

export enum TravelBasisKind {
  ESTIMATE = 'estimate',
  TIMETABLE = 'timetable',
}
registerEnumType(TravelBasisKind, { name: 'TravelBasis', description: 'What a travel time rests on: an estimate, or a loaded timetable' });
