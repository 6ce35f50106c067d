import { parsePostcodeCsv } from './postcode-import';
import { parseCsv } from './csv';

describe('parsePostcodeCsv', () => {
  it('reads GeoNames-style rows and averages several places of one postcode', () => {
    const csv = 'zipcode,place,community,community_code,state,state_code,latitude,longitude\n' +
      '01662,Meißen,Landkreis Meißen,14627,Sachsen,13,51.16,13.47\n' +
      '01662,"Meißen, Cölln",Landkreis Meißen,14627,Sachsen,13,51.18,13.49\n' +
      'xx,Broken,,,,,1,1\n';
    const { rows, skipped } = parsePostcodeCsv(csv);
    expect(skipped).toBe(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].code).toBe('01662');
    expect(rows[0].place).toBe('Meißen');
    expect(rows[0].latitude).toBeCloseTo(51.17, 6);
    expect(rows[0].longitude).toBeCloseTo(13.48, 6);
  });

  it('reads WZB-style headers and restores leading zeros', () => {
    const { rows } = parsePostcodeCsv('plz,lat,lon\n1067,51.05,13.71\n');
    expect(rows[0]).toMatchObject({ code: '01067', latitude: 51.05, longitude: 13.71 });
  });

  it('parses quotes, doubled quotes, CRLF and semicolons', () => {
    expect(parseCsv('a;b\r\n"x;""y""";z\r\n')).toEqual([['a', 'b'], ['x;"y"', 'z']]);
  });
});
