/**
 * Real towns of the five model-project regions. Coordinates are WGS84 town centres (market square or
 * the centre of the city part), checked against the BKG VG250 municipality boundaries together with a
 * circle of `spreadMeters` around them, because the API derives district and municipality from the point.
 */
export interface DemoTown {
  /** display name; for Dresden the city part */
  name: string;
  /** postal town as written in an address */
  town: string;
  postcode: string;
  /** AGS of the district (Kreis) the town belongs to */
  districtAgs: string;
  latitude: number;
  longitude: number;
  /** radius around the centre within which demo locations are scattered */
  spreadMeters: number;
  /** telephone area code without the leading 0 */
  areaCode: string;
  /** rough size, drives how many practices and providers are placed there */
  size: 1 | 2 | 3;
}

export interface DemoRegion {
  districtAgs: string;
  /** name used in invented organisation names ("Gesundheitsamt Landkreis Meißen") */
  name: string;
  shortName: string;
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { districtAgs: '14627', name: 'Landkreis Meißen', shortName: 'Meißen' },
  { districtAgs: '14729', name: 'Landkreis Leipzig', shortName: 'Leipziger Land' },
  { districtAgs: '14521', name: 'Erzgebirgskreis', shortName: 'Erzgebirge' },
  { districtAgs: '14612', name: 'Landeshauptstadt Dresden', shortName: 'Dresden' },
  { districtAgs: '14625', name: 'Landkreis Bautzen', shortName: 'Bautzen' },
];

type TownRow = [name: string, town: string, postcode: string, lat: number, lon: number, spread: number, area: string, size: 1 | 2 | 3];

const ROWS: Record<string, TownRow[]> = {
  '14627': [
    ['Meißen', 'Meißen', '01662', 51.1636, 13.474, 700, '3521', 3],
    ['Riesa', 'Riesa', '01587', 51.304, 13.288, 600, '3525', 3],
    ['Großenhain', 'Großenhain', '01558', 51.2893, 13.5318, 600, '3522', 2],
    ['Radebeul', 'Radebeul', '01445', 51.106, 13.66, 600, '351', 2],
    ['Coswig', 'Coswig', '01640', 51.1267, 13.5799, 500, '3523', 2],
    ['Radeburg', 'Radeburg', '01471', 51.2154, 13.726, 400, '35208', 1],
  ],
  '14729': [
    ['Markkleeberg', 'Markkleeberg', '04416', 51.272, 12.385, 500, '341', 2],
    ['Grimma', 'Grimma', '04668', 51.2369, 12.7262, 600, '3437', 3],
    ['Borna', 'Borna', '04552', 51.1233, 12.4966, 600, '3433', 3],
    ['Wurzen', 'Wurzen', '04808', 51.37, 12.744, 500, '3425', 2],
    ['Markranstädt', 'Markranstädt', '04420', 51.3016, 12.2209, 500, '34205', 1],
    ['Geithain', 'Geithain', '04643', 51.0553, 12.6978, 400, '34341', 1],
    ['Colditz', 'Colditz', '04680', 51.1303, 12.8064, 400, '34381', 1],
  ],
  '14521': [
    ['Annaberg-Buchholz', 'Annaberg-Buchholz', '09456', 50.5798, 13.0035, 600, '3733', 3],
    ['Aue-Bad Schlema', 'Aue-Bad Schlema', '08280', 50.5865, 12.7009, 500, '3771', 3],
    ['Stollberg', 'Stollberg/Erzgeb.', '09366', 50.7084, 12.7791, 500, '37296', 2],
    ['Marienberg', 'Marienberg', '09496', 50.651, 13.1633, 500, '3735', 2],
    ['Schwarzenberg', 'Schwarzenberg/Erzgeb.', '08340', 50.544, 12.783, 500, '3774', 2],
    ['Zschopau', 'Zschopau', '09405', 50.7481, 13.0699, 400, '3725', 1],
  ],
  '14612': [
    ['Dresden-Altstadt', 'Dresden', '01067', 51.0503, 13.7383, 600, '351', 3],
    ['Dresden-Neustadt', 'Dresden', '01099', 51.0665, 13.753, 500, '351', 3],
    ['Dresden-Gorbitz', 'Dresden', '01169', 51.0447, 13.6668, 500, '351', 2],
    ['Dresden-Prohlis', 'Dresden', '01239', 51.001, 13.798, 500, '351', 2],
    ['Dresden-Pieschen', 'Dresden', '01127', 51.077, 13.73, 500, '351', 2],
    ['Dresden-Blasewitz', 'Dresden', '01309', 51.053, 13.808, 500, '351', 2],
    ['Dresden-Johannstadt', 'Dresden', '01307', 51.051, 13.766, 500, '351', 2],
  ],
  '14625': [
    ['Bautzen', 'Bautzen', '02625', 51.1815, 14.4244, 700, '3591', 3],
    ['Hoyerswerda', 'Hoyerswerda', '02977', 51.436, 14.242, 700, '3571', 3],
    ['Kamenz', 'Kamenz', '01917', 51.2681, 14.0934, 500, '3578', 2],
    ['Radeberg', 'Radeberg', '01454', 51.1165, 13.9195, 500, '3528', 2],
    ['Bischofswerda', 'Bischofswerda', '01877', 51.127, 14.18, 500, '3594', 2],
  ],
};

export const DEMO_TOWNS: DemoTown[] = Object.entries(ROWS).flatMap(([districtAgs, rows]) =>
  rows.map(([name, town, postcode, latitude, longitude, spreadMeters, areaCode, size]) => ({
    name, town, postcode, districtAgs, latitude, longitude, spreadMeters, areaCode, size,
  })),
);
