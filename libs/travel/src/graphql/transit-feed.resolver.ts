import { Query, Resolver } from '@nestjs/graphql';
import { Cost, Public } from '@lotse/common';
import { TimetableProvider } from '../transit/timetable.provider';
import { toTransitFeedType, TransitFeedType } from './travel.graphql-types';

@Resolver()
export class TransitFeedResolver {
  constructor(private readonly timetables: TimetableProvider) {}

  @Public()
  @Query(() => TransitFeedType, { complexity: Cost.lookup, nullable: true, description: 'The imported timetable (GTFS) that answers public-transport trips, with its attribution; null when none is imported' })
  async transitFeed(): Promise<TransitFeedType | null> {
    const loaded = await this.timetables.current();
    return loaded && toTransitFeedType(loaded.attribution);
  }
}
