import { Args, ArgsType, Context, Field, Float, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  catalogueLoaders,
  CatalogueService,
  LocationType,
  OpeningHoursType,
  PhoneType,
  RoomEquipment,
  ROOM_EQUIPMENT_DE,
  ServiceType,
  toLocationType,
  toServiceType,
} from '@lotse/catalogue';
import { Cost, RequestContext } from '@lotse/common';
import { GeoService, toPlaceType } from '@lotse/geo';
import { Room, RoomsOutcome, RoomsService } from '../rooms/rooms.service';
import { OriginInput } from './matching.inputs';
import { MatchOriginType, OpeningTodayType } from './matching.types.graphql';

@ArgsType()
export class RoomsArgs {
  @Field(() => OriginInput, { description: 'where the consultation should be: a place (id or name), postcode, municipality or point' })
  @ValidateNested() @Type(() => OriginInput)
  near: OriginInput;

  @Field(() => Float, { defaultValue: 15, description: 'straight-line radius in kilometres (at most 100)' })
  @Min(0.1, { message: 'maxKilometers must be at least 0.1' }) @Max(100, { message: 'maxKilometers must be at most 100' })
  maxKilometers: number = 15;

  @Field(() => [RoomEquipment], { nullable: true, description: 'the room must offer all of these' })
  @IsOptional() @ArrayMaxSize(10) @IsEnum(RoomEquipment, { each: true })
  equipment?: RoomEquipment[];

  @Field(() => Int, { nullable: true, description: 'ISO weekday (1 = Monday) of the consultation: only rooms open that day' })
  @IsOptional() @IsInt() @Min(1, { message: 'weekday must be 1–7' }) @Max(7, { message: 'weekday must be 1–7' })
  weekday?: number;

  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1, { message: 'first must be at least 1' }) @Max(50, { message: 'first must be at most 50' })
  first: number = 10;
}

@ObjectType('Room', { description: 'A room for an outreach consultation (a community room), with its hours and equipment' })
export class RoomType {
  @Field(() => ServiceType) service: ServiceType;
  @Field(() => LocationType) location: LocationType;
  @Field(() => Float, { description: 'straight line, metres' }) distanceMeters: number;
  @Field(() => [RoomEquipment]) equipment: RoomEquipment[];
  @Field(() => [String], { description: 'the equipment in German' }) equipmentDe: string[];
  @Field(() => [OpeningHoursType], { description: 'the week' }) openingHours: OpeningHoursType[];
  @Field(() => OpeningTodayType) openingToday: OpeningTodayType;
  @Field(() => String, { nullable: true, description: 'how to book it, e.g. "Buchung über die Stadtverwaltung."' }) bookingNote: string | null;
  @Field({ description: 'German: name, distance, hours of the week, equipment, how to book' }) explanation: string;
  room: Room;
}

@ObjectType('RoomsResult')
export class RoomsResultType {
  @Field(() => MatchOriginType, { description: 'the point searched from, and what it stands for' }) origin: MatchOriginType;
  @Field(() => [RoomType], { description: 'nearest first' }) rooms: RoomType[];
}

@Resolver(() => RoomType)
export class RoomsResolver {
  constructor(
    private readonly rooms: RoomsService,
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
  ) {}

  @Query(() => RoomsResultType, {
    name: 'rooms',
    // one nearest-first search and one batched read of the hours, then at most `first` rooms
    complexity: Cost.work((args) => Math.min(Number(args.first ?? 10), 50) * 2),
    description: 'Rooms for an outreach consultation near a place, postcode or point (the municipalities’ rooms coaches book), nearest first, with hours and equipment. Rooms never appear in a match unless asked for. Not stored or logged.',
  })
  async roomsNear(@Args() args: RoomsArgs): Promise<RoomsResultType> {
    const outcome: RoomsOutcome = await this.rooms.rooms({ near: args.near, maxKilometers: args.maxKilometers, equipment: args.equipment ?? [], weekday: args.weekday, limit: args.first });
    return {
      origin: { ...outcome.origin, place: outcome.origin.place && toPlaceType(outcome.origin.place) } as MatchOriginType,
      rooms: outcome.rooms.map((room) => ({
        service: toServiceType(room.service),
        location: toLocationType(room.location),
        distanceMeters: room.distanceMeters,
        equipment: room.service.equipment,
        equipmentDe: room.service.equipment.map((e) => ROOM_EQUIPMENT_DE[e]),
        openingHours: room.openingHours,
        openingToday: room.openingToday,
        bookingNote: room.service.eligibilityNote,
        explanation: room.explanation,
        room,
      })),
    };
  }

  @ResolveField(() => PhoneType, { complexity: Cost.lookup, nullable: true, description: "the room's labelled phone (its location's first)" })
  phone(@Parent() room: RoomType): PhoneType | null {
    return room.room.location.phones?.[0] ?? null;
  }

  /** the organisation offering the room, for the coach to contact (its name: the municipality) */
  @ResolveField(() => String, { complexity: Cost.lookup, description: 'who offers the room (the municipality or provider)' })
  async providerName(@Parent() room: RoomType, @Context() ctx: RequestContext): Promise<string> {
    const org = await catalogueLoaders(ctx, this.catalogue, this.geo).organization.load(room.room.service.organizationId);
    return org?.name ?? '';
  }
}
