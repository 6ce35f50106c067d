import { costShape } from './graphql-limits';

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
