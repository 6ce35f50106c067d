/**
 * Places for the synthetic catalogue (major German cities, population-weighted) and for the match
 * origins (Saxon towns; the API only accepts origins inside Saxony). Coordinates are town centres,
 * rounded; populations in thousands, approximate — only the relative density matters.
 */

export interface City {
  name: string;
  lat: number;
  lon: number;
  /** thousands */
  pop: number;
  /** first two digits of its postcodes */
  plz: string;
}

/** Bounding box of Germany used for the uniform share of the catalogue. */
export const GERMANY_BBOX = { minLat: 47.3, maxLat: 55.0, minLon: 5.9, maxLon: 15.0 };

export const CITIES: readonly City[] = [
  { name: 'Berlin', lat: 52.52, lon: 13.405, pop: 3700, plz: '10' },
  { name: 'Hamburg', lat: 53.551, lon: 9.994, pop: 1900, plz: '20' },
  { name: 'München', lat: 48.137, lon: 11.575, pop: 1500, plz: '80' },
  { name: 'Köln', lat: 50.938, lon: 6.96, pop: 1080, plz: '50' },
  { name: 'Frankfurt am Main', lat: 50.11, lon: 8.682, pop: 760, plz: '60' },
  { name: 'Stuttgart', lat: 48.776, lon: 9.183, pop: 630, plz: '70' },
  { name: 'Düsseldorf', lat: 51.227, lon: 6.773, pop: 620, plz: '40' },
  { name: 'Leipzig', lat: 51.34, lon: 12.375, pop: 620, plz: '04' },
  { name: 'Dortmund', lat: 51.514, lon: 7.468, pop: 590, plz: '44' },
  { name: 'Essen', lat: 51.456, lon: 7.012, pop: 580, plz: '45' },
  { name: 'Bremen', lat: 53.079, lon: 8.802, pop: 570, plz: '28' },
  { name: 'Dresden', lat: 51.05, lon: 13.738, pop: 560, plz: '01' },
  { name: 'Hannover', lat: 52.376, lon: 9.732, pop: 540, plz: '30' },
  { name: 'Nürnberg', lat: 49.452, lon: 11.077, pop: 520, plz: '90' },
  { name: 'Duisburg', lat: 51.435, lon: 6.762, pop: 500, plz: '47' },
  { name: 'Bochum', lat: 51.482, lon: 7.216, pop: 365, plz: '44' },
  { name: 'Wuppertal', lat: 51.256, lon: 7.15, pop: 355, plz: '42' },
  { name: 'Bielefeld', lat: 52.03, lon: 8.532, pop: 335, plz: '33' },
  { name: 'Bonn', lat: 50.737, lon: 7.098, pop: 330, plz: '53' },
  { name: 'Münster', lat: 51.961, lon: 7.626, pop: 320, plz: '48' },
  { name: 'Mannheim', lat: 49.488, lon: 8.466, pop: 315, plz: '68' },
  { name: 'Karlsruhe', lat: 49.007, lon: 8.404, pop: 305, plz: '76' },
  { name: 'Augsburg', lat: 48.371, lon: 10.898, pop: 300, plz: '86' },
  { name: 'Wiesbaden', lat: 50.078, lon: 8.24, pop: 280, plz: '65' },
  { name: 'Mönchengladbach', lat: 51.185, lon: 6.442, pop: 260, plz: '41' },
  { name: 'Gelsenkirchen', lat: 51.517, lon: 7.086, pop: 260, plz: '45' },
  { name: 'Aachen', lat: 50.776, lon: 6.084, pop: 250, plz: '52' },
  { name: 'Braunschweig', lat: 52.269, lon: 10.521, pop: 250, plz: '38' },
  { name: 'Chemnitz', lat: 50.833, lon: 12.925, pop: 245, plz: '09' },
  { name: 'Kiel', lat: 54.323, lon: 10.123, pop: 245, plz: '24' },
  { name: 'Halle (Saale)', lat: 51.483, lon: 11.97, pop: 240, plz: '06' },
  { name: 'Magdeburg', lat: 52.121, lon: 11.628, pop: 240, plz: '39' },
  { name: 'Freiburg im Breisgau', lat: 47.999, lon: 7.842, pop: 230, plz: '79' },
  { name: 'Krefeld', lat: 51.339, lon: 6.586, pop: 225, plz: '47' },
  { name: 'Mainz', lat: 49.993, lon: 8.247, pop: 220, plz: '55' },
  { name: 'Lübeck', lat: 53.866, lon: 10.686, pop: 215, plz: '23' },
  { name: 'Erfurt', lat: 50.979, lon: 11.033, pop: 215, plz: '99' },
  { name: 'Rostock', lat: 54.092, lon: 12.099, pop: 210, plz: '18' },
  { name: 'Kassel', lat: 51.313, lon: 9.48, pop: 200, plz: '34' },
  { name: 'Potsdam', lat: 52.391, lon: 13.066, pop: 185, plz: '14' },
  { name: 'Saarbrücken', lat: 49.24, lon: 6.997, pop: 180, plz: '66' },
  { name: 'Zwickau', lat: 50.718, lon: 12.496, pop: 87, plz: '08' },
  { name: 'Plauen', lat: 50.495, lon: 12.137, pop: 64, plz: '08' },
  { name: 'Görlitz', lat: 51.153, lon: 14.98, pop: 56, plz: '02' },
  { name: 'Bautzen', lat: 51.181, lon: 14.424, pop: 38, plz: '02' },
];

/** Saxon towns the match origins are drawn around (a small random offset is added per request). */
export const SAXON_TOWNS: readonly { name: string; lat: number; lon: number }[] = [
  { name: 'Dresden', lat: 51.0504, lon: 13.7373 },
  { name: 'Leipzig', lat: 51.3397, lon: 12.3731 },
  { name: 'Chemnitz', lat: 50.8278, lon: 12.9214 },
  { name: 'Zwickau', lat: 50.7189, lon: 12.4961 },
  { name: 'Plauen', lat: 50.4977, lon: 12.137 },
  { name: 'Görlitz', lat: 51.155, lon: 14.97 },
  { name: 'Bautzen', lat: 51.1814, lon: 14.4242 },
  { name: 'Meißen', lat: 51.1636, lon: 13.4775 },
  { name: 'Riesa', lat: 51.3077, lon: 13.2938 },
  { name: 'Freiberg', lat: 50.9119, lon: 13.3428 },
  { name: 'Pirna', lat: 50.9623, lon: 13.9387 },
  { name: 'Grimma', lat: 51.2386, lon: 12.7253 },
  { name: 'Borna', lat: 51.1244, lon: 12.4966 },
  { name: 'Annaberg-Buchholz', lat: 50.5796, lon: 13.0046 },
  { name: 'Aue', lat: 50.5868, lon: 12.7009 },
  { name: 'Hoyerswerda', lat: 51.438, lon: 14.235 },
  { name: 'Delitzsch', lat: 51.5257, lon: 12.3426 },
  { name: 'Döbeln', lat: 51.1194, lon: 13.1108 },
  { name: 'Torgau', lat: 51.5603, lon: 12.9961 },
  { name: 'Kamenz', lat: 51.2686, lon: 14.0936 },
  { name: 'Radebeul', lat: 51.1036, lon: 13.6698 },
  { name: 'Freital', lat: 51.0017, lon: 13.6497 },
  { name: 'Glauchau', lat: 50.8192, lon: 12.5446 },
  { name: 'Mittweida', lat: 50.9856, lon: 12.9812 },
  { name: 'Oschatz', lat: 51.3, lon: 13.1078 },
  { name: 'Marienberg', lat: 50.6508, lon: 13.1647 },
  { name: 'Stollberg', lat: 50.7086, lon: 12.7783 },
  { name: 'Reichenbach im Vogtland', lat: 50.6211, lon: 12.3036 },
  { name: 'Zittau', lat: 50.8961, lon: 14.8072 },
  { name: 'Weißwasser', lat: 51.5042, lon: 14.6378 },
  { name: 'Markkleeberg', lat: 51.2778, lon: 12.3689 },
  { name: 'Wurzen', lat: 51.3706, lon: 12.7394 },
  { name: 'Eilenburg', lat: 51.4597, lon: 12.6336 },
  { name: 'Coswig', lat: 51.1261, lon: 13.5839 },
  { name: 'Großenhain', lat: 51.2892, lon: 13.5333 },
  { name: 'Dippoldiswalde', lat: 50.8936, lon: 13.6711 },
  { name: 'Niesky', lat: 51.2919, lon: 14.8211 },
  { name: 'Löbau', lat: 51.0989, lon: 14.6678 },
  { name: 'Auerbach/Vogtl.', lat: 50.51, lon: 12.4003 },
  { name: 'Oelsnitz/Vogtl.', lat: 50.4147, lon: 12.17 },
  { name: 'Limbach-Oberfrohna', lat: 50.8592, lon: 12.7614 },
  { name: 'Werdau', lat: 50.7358, lon: 12.3769 },
  { name: 'Crimmitschau', lat: 50.8167, lon: 12.3867 },
  { name: 'Hohenstein-Ernstthal', lat: 50.8022, lon: 12.7081 },
  { name: 'Schwarzenberg', lat: 50.5453, lon: 12.7792 },
  { name: 'Flöha', lat: 50.8561, lon: 13.0747 },
  { name: 'Sebnitz', lat: 50.9725, lon: 14.2736 },
  { name: 'Bischofswerda', lat: 51.1267, lon: 14.1797 },
  { name: 'Leisnig', lat: 51.1578, lon: 12.9281 },
  { name: 'Schkeuditz', lat: 51.3967, lon: 12.2239 },
];

const KM_PER_DEGREE_LAT = 111.32;

/** Point `sdKm` (gaussian, per axis) around lat/lon. */
export function gaussianAround(rng: { gauss(): number }, lat: number, lon: number, sdKm: number): { lat: number; lon: number } {
  const dLat = (rng.gauss() * sdKm) / KM_PER_DEGREE_LAT;
  const dLon = (rng.gauss() * sdKm) / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return { lat: lat + dLat, lon: lon + dLon };
}

export function clampToGermanyBbox(p: { lat: number; lon: number }): { lat: number; lon: number } {
  return {
    lat: Math.min(GERMANY_BBOX.maxLat, Math.max(GERMANY_BBOX.minLat, p.lat)),
    lon: Math.min(GERMANY_BBOX.maxLon, Math.max(GERMANY_BBOX.minLon, p.lon)),
  };
}
