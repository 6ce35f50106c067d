import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Forward Relay pagination: `first` items after the opaque `after` cursor. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection` / `XEdge` object types for a node type. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`)
  abstract class EdgeType {
    @Field() cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of items matching the filter, across all pages' }) totalCount: number;
  }
  return ConnectionType;
}

/** Sort key of a row: the values of the ORDER BY columns, ending with a unique id. */
export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw InvalidInputError.of(field, 'is not a cursor returned by this query');
}

export interface Page {
  limit: number;
  after?: CursorKey;
}

export function toPage(args: PageArgs, arity: number): Page {
  return {
    limit: args.first ?? DEFAULT_PAGE_SIZE,
    after: args.after === undefined || args.after === null ? undefined : decodeCursor(args.after, arity),
  };
}

/**
 * Turns `limit + 1` rows fetched in cursor order into a connection; the extra row only tells
 * whether another page exists.
 */
export function toConnection<R, N>(
  rows: R[],
  page: Page,
  totalCount: number,
  keyOf: (row: R) => CursorKey,
  toNode: (row: R) => N,
): ConnectionShape<N> {
  const visible = rows.slice(0, page.limit);
  const edges = visible.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
