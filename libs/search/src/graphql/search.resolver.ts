import { Args, Query, Resolver } from '@nestjs/graphql';
import { toServiceType } from '@lotse/catalogue';
import { Cost, decodeCursor, DEFAULT_PAGE_SIZE, DirectoryRead, encodeCursor, InvalidInputError } from '@lotse/common';
import { SearchService } from '../search.service';
import { SearchServicesArgs } from './search.args';
import { ServiceSearchConnection } from './search.graphql-types';

const CURSOR_TAG = 'search';

/** Cursors of a ranked result are positions in it: ['search', n] = after the n-th hit. */
function offsetOf(after: string | undefined): number {
  if (after === undefined || after === null) return 0;
  const [tag, position] = decodeCursor(after, 2);
  if (tag !== CURSOR_TAG || typeof position !== 'number' || !Number.isInteger(position) || position < 0) {
    throw InvalidInputError.of('after', 'is not a cursor returned by searchServices');
  }
  return position;
}

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @DirectoryRead()
  @Query(() => ServiceSearchConnection, { complexity: Cost.page(),
    description:
      'Full-text search over services and their organisations, needs, specialties and towns, forgiving typos; ' +
      'with filters, an optional radius around a point (hits then carry their distance), facet counts and cursor pagination. ' +
      'The search text is never logged or stored.',
  })
  async searchServices(@Args() args: SearchServicesArgs): Promise<ServiceSearchConnection> {
    const offset = offsetOf(args.after);
    const limit = args.first ?? DEFAULT_PAGE_SIZE;
    const result = await this.search.searchServices({ text: args.text, filter: args.filter, near: args.near, sort: args.sort, offset, limit });
    const edges = result.hits.map((hit) => ({
      cursor: encodeCursor([CURSOR_TAG, hit.position]),
      node: { service: toServiceType(hit.service), distanceMeters: hit.distanceMeters },
    }));
    return {
      edges,
      totalCount: result.total,
      pageInfo: {
        hasNextPage: offset + limit < result.total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      facets: result.facets as ServiceSearchConnection['facets'],
      sort: result.sort,
      engine: result.engine,
    };
  }
}
