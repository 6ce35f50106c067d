import { buildSchema, parse } from 'graphql';
import { WRITE_COST } from '@lotse/common';
import { costShape, estimateQueryCost } from './graphql-limits';

describe('costShape', () => {
  it('keeps page sizes, districts and the lengths of lists, nothing else of a request', () => {
    const variables = {
      request: { needs: ['addiction', 'debt_counselling'], origin: { postcode: '01662', latitude: 51.16 }, districtAgs: '14627', constraints: { age: 47, languages: ['fa'] } },
      first: 10,
      text: 'Suchtberatung Meißen',
    };
    const shape = JSON.stringify(costShape(variables));
    expect(costShape(variables)).toEqual({
      request: { needs: [null, null], origin: { postcode: null, latitude: null }, districtAgs: '14627', constraints: { age: null, languages: [null] } },
      first: 10,
      text: null,
    });
    for (const value of ['addiction', '01662', '51.16', '47', 'fa', 'Sucht']) expect({ value, kept: shape.includes(value) }).toEqual({ value, kept: false });
  });
});

describe('estimateQueryCost', () => {
  it('prices a mutation that declares no cost as a write, each alias on its own', () => {
    const schema = buildSchema('type Query { count: Int } type Thing { id: ID name: String } type Mutation { touch: Thing flag: Boolean }');
    const scale = { municipalities: () => 1 };
    expect(estimateQueryCost(schema, parse('mutation { touch { id name } }'), {}, scale)).toBe(WRITE_COST + 2);
    expect(estimateQueryCost(schema, parse('mutation { a: flag b: flag c: touch { id } }'), {}, scale)).toBe(3 * WRITE_COST + 1);
    expect(estimateQueryCost(schema, parse('{ count }'), {}, scale)).toBe(1);
  });
});
