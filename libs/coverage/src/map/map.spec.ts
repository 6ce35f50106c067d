import { Resvg } from '@resvg/resvg-js';
import { binIndex, escapeXml, minuteBins, renderCoverageMap, PALETTE } from './svg-map';
import { pathData, projectPolygons, Projection } from './projection';
import { douglasPeucker, Pt, simplifyShared } from './simplify';

describe('projection', () => {
  const saxony = { minLon: 11.87, minLat: 50.17, maxLon: 15.04, maxLat: 51.69 };

  it('fits the extent into the box, north up, with equal ground scale in x and y', () => {
    const p = new Projection(saxony, 1000, 800, 10, 20);
    expect(p.x(saxony.minLon)).toBeCloseTo(10);
    expect(p.y(saxony.maxLat)).toBeCloseTo(20);
    expect(Math.max(p.width, p.height)).toBeCloseTo(1000, 6);
    expect(p.y(51)).toBeLessThan(p.y(50.5));
    // 0.01° of latitude and cos(lat)-scaled 0.01° of longitude cover the same pixels
    const cos = Math.cos((((saxony.minLat + saxony.maxLat) / 2) * Math.PI) / 180);
    expect(p.x(13 + 0.01 / cos) - p.x(13)).toBeCloseTo(p.y(51) - p.y(51.01), 9);
    expect(p.kmPerPixel * p.scale).toBeCloseTo(111.32, 6);
  });

  it('writes closed subpaths with relative steps that return exactly to the rounded points', () => {
    const p = new Projection({ minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 }, 100, 100);
    const rings = projectPolygons([[[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]]], p);
    expect(rings[0][1]).toHaveLength(3); // duplicate and closing point dropped
    const d = pathData(rings);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/z/g)).toHaveLength(2);
    expect(d.startsWith('M0 100l')).toBe(true);
  });
});

describe('shared-border simplification', () => {
  it('Douglas–Peucker keeps the ends and the far points', () => {
    const line: Pt[] = [[0, 0], [10, 1], [20, 0], [30, 50], [40, 0]];
    expect(douglasPeucker(line, 5)).toEqual([[0, 0], [20, 0], [30, 50], [40, 0]]);
  });

  it('simplifies a border shared by two polygons identically on both sides, and keeps junctions', () => {
    // a wiggly shared border from (0,0) to (0,100), two squares left and right
    const border: Pt[] = Array.from({ length: 51 }, (_, i) => [i % 2 ? 1 : 0, i * 2]);
    const left: Pt[] = [...border, [-100, 100], [-100, 0]];
    const right: Pt[] = [...[...border].reverse(), [100, 0], [100, 100]].reverse() as Pt[];
    const [[[l]], [[r]]] = simplifyShared([[[left]], [[right]]], 2);
    const onBorder = (ring: Pt[]) => ring.filter(([x]) => x >= 0 && x <= 1).map(([x, y]) => `${x},${y}`).sort();
    expect(onBorder(l)).toEqual(onBorder(r));
    expect(onBorder(l)).toEqual(['0,0', '0,100']);
    expect(l.length).toBe(4);
  });

  it('keeps an enclave and the hole around it identical', () => {
    const island: Pt[] = Array.from({ length: 40 }, (_, i) => [Math.round(50 + 20 * Math.cos((i * Math.PI) / 20)), Math.round(50 + 20 * Math.sin((i * Math.PI) / 20))] as Pt);
    const outer: Pt[] = [[0, 0], [100, 0], [100, 100], [0, 100]];
    const [[[, hole]], [[enclave]]] = simplifyShared([[[outer, [...island].reverse()]], [[island]]], 1.5);
    expect([...hole].map(String).sort()).toEqual([...enclave].map(String).sort());
    expect(enclave.length).toBeLessThan(island.length);
  });
});

describe('coverage map', () => {
  it('classes minutes around the threshold: two shades inside, four beyond', () => {
    const bins = minuteBins(30);
    expect(bins.map((b) => b.label)).toEqual(['bis 15 Min.', '15–30 Min.', '30–45 Min.', '45–60 Min.', '60–90 Min.', 'über 90 Min.']);
    expect(binIndex(bins, 10, true)).toBe(0);
    expect(binIndex(bins, 30, true)).toBe(1);
    // the 1-m band where the reach radius and the rounded minutes disagree follows `covered`
    expect(binIndex(bins, 30.001, true)).toBe(1);
    expect(binIndex(bins, 31, false)).toBe(2);
    expect(binIndex(bins, 500, false)).toBe(5);
    expect(binIndex(bins, null, false)).toBeNull();
  });

  it('escapes text', () => {
    expect(escapeXml(`Müller & Söhne <"'>`)).toBe('Müller &amp; Söhne &lt;&quot;&apos;&gt;');
  });

  it('draws one path per municipality, the legend and the attribution, as SVG resvg can read', () => {
    const square = (x: number, y: number) => [[[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]]] as [number, number][][][];
    const svg = renderCoverageMap({
      title: 'Erreichbarkeit: Sucht – Test & Co',
      subtitle: 'Untertitel',
      extent: { minLon: 13, minLat: 51, maxLon: 13.3, maxLat: 51.1 },
      municipalities: [0, 1, 2].map((i) => ({
        ags: `1462700${i}`, name: `Gemeinde ${i}`, geometry: square(13 + i * 0.1, 51), minutes: i === 2 ? null : 10 + 40 * i, covered: i === 0, population: 1000, nearestName: 'X', label: { latitude: 51.05, longitude: 13.05 + i * 0.1 },
      })),
      districts: [{ ags: '14627', name: 'Meißen', geometry: [[[[13, 51], [13.3, 51], [13.3, 51.1], [13, 51.1], [13, 51]]]], label: { latitude: 51.05, longitude: 13.15 }, inScope: true }],
      partners: [{ latitude: 51.05, longitude: 13.05 }],
      thresholdMinutes: 30,
      summary: ['Gemeinden innerhalb 30 Min.: 1 von 3'],
      method: 'Methode.',
      attribution: '© GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0',
      labelMunicipalities: true,
    });
    expect(svg.match(/<path class="municipality"/g)).toHaveLength(3);
    expect(svg).toContain(`fill="${PALETTE[0]}"`);
    expect(svg).toContain(`fill="${PALETTE[3]}"`);
    expect(svg).toContain('fill="url(#no-partner)"');
    expect(svg).toContain('<g id="legend"');
    expect(svg).toContain('Test &amp; Co');
    expect(svg).toContain('id="attribution"');
    const image = new Resvg(svg).render();
    expect(image.width).toBeGreaterThan(400);
  });
});
