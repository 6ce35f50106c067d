import { AreaIndex, containsPoint, ringsOf } from './area-index';

// A 1° square with a 0.5° hole (a municipality around an enclave), and the enclave itself.
const ring = (coords: number[][]) => [...coords, coords[0]];
const outer = ring([[10, 50], [11, 50], [11, 51], [10, 51]]);
const hole = ring([[10.25, 50.25], [10.75, 50.25], [10.75, 50.75], [10.25, 50.75]]);
const ringTown = { ags: '14000001', districtAgs: '14000', rings: ringsOf({ type: 'Polygon', coordinates: [outer, hole] }) };
const enclave = { ags: '14000002', districtAgs: '14000', rings: ringsOf({ type: 'MultiPolygon', coordinates: [[hole]] }) };

describe('AreaIndex', () => {
  const index = new AreaIndex([ringTown, enclave]);

  it('places a point in the municipality that contains it, holes included', () => {
    expect(index.lookup(10.1, 50.1)).toEqual({ municipalityAgs: '14000001', districtAgs: '14000' });
    expect(index.lookup(10.5, 50.5)).toEqual({ municipalityAgs: '14000002', districtAgs: '14000' });
  });

  it('leaves the decision to PostGIS outside every municipality and on any edge', () => {
    expect(index.lookup(12, 50.5)).toBeUndefined();
    expect(index.lookup(10, 50.5)).toBeUndefined(); // outer edge
    expect(index.lookup(10.25, 50.5)).toBeUndefined(); // shared edge of ring and enclave
    expect(index.lookup(10.75, 50.75)).toBeUndefined(); // shared vertex
  });

  it('leaves overlapping municipalities to PostGIS', () => {
    const twice = new AreaIndex([ringTown, { ...ringTown, ags: '14000003' }]);
    expect(twice.lookup(10.1, 50.1)).toBeUndefined();
  });
});

describe('containsPoint', () => {
  it('uses the even-odd rule over all rings', () => {
    const rings = ringsOf({ type: 'Polygon', coordinates: [outer, hole] });
    expect(containsPoint(rings, 10.1, 50.9)).toBe(true);
    expect(containsPoint(rings, 10.5, 50.5)).toBe(false);
    expect(containsPoint(rings, 9.9, 50.5)).toBe(false);
  });
});
