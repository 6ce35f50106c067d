import { decodeCursor, encodeCursor, toConnection, toPage } from './pagination';
import { InvalidInputError } from './errors';

describe('cursor pagination', () => {
  it('round-trips a cursor key', () => {
    const key = ['Praxis Müller', '7d0c2d7e-2f7a-4f0b-9a55-1b1f3c1e2a10'];
    expect(decodeCursor(encodeCursor(key), 2)).toEqual(key);
  });

  it('rejects foreign or damaged cursors as bad input on `after`', () => {
    for (const bad of ['not-base64!', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrow(InvalidInputError);
    }
    try {
      decodeCursor('xyz', 2);
    } catch (e) {
      expect((e as InvalidInputError).details.field).toBe('after');
    }
  });

  it('uses limit+1 rows to detect a next page and cursors from the last visible row', () => {
    const page = toPage({ first: 2 }, 1);
    const connection = toConnection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], page, 3, (r) => [r.id], (r) => r.id);
    expect(connection.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor!, 1)).toEqual(['b']);
    const last = toConnection([{ id: 'c' }], toPage({ first: 2, after: connection.pageInfo.endCursor! }, 1), 3, (r) => [r.id], (r) => r.id);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
  });
});
