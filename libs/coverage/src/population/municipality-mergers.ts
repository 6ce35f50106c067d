/**
 * A municipality of the bundled boundaries (VG250, 01.01.2016) that has since been merged into
 * another one. Population tables of later years list only the merged municipality, under its own key.
 */
export interface MunicipalityMerger {
  /** AGS of the 2016 municipality (a polygon Lotse has) */
  ags2016: string;
  name2016: string;
  /** AGS of the municipality it belongs to today (it may or may not be a 2016 polygon itself) */
  agsCurrent: string;
  nameCurrent: string;
}

/**
 * The Saxon mergers between the 2016 boundaries and today (official territorial changes; the same
 * ten rows as `admin/sn_gemeinden_2016_to_current_crosswalk.csv` of the shared data, which a test
 * compares with this list). All of them stay within one district, so district totals never move.
 * Operators with newer boundaries or another vintage pass their own crosswalk instead
 * (`import-population --crosswalk`).
 */
export const SAXONY_MERGERS_SINCE_2016: readonly MunicipalityMerger[] = [
  { ags2016: '14521030', name2016: 'Aue', agsCurrent: '14521035', nameCurrent: 'Aue-Bad Schlema' },
  { ags2016: '14521050', name2016: 'Bad Schlema', agsCurrent: '14521035', nameCurrent: 'Aue-Bad Schlema' },
  { ags2016: '14521470', name2016: 'Pfaffroda', agsCurrent: '14521460', nameCurrent: 'Olbernhau' },
  { ags2016: '14522450', name2016: 'Ostrau', agsCurrent: '14522275', nameCurrent: 'Jahnatal' },
  { ags2016: '14522620', name2016: 'Zschaitz-Ottewig', agsCurrent: '14522275', nameCurrent: 'Jahnatal' },
  { ags2016: '14523350', name2016: 'Reuth', agsCurrent: '14523450', nameCurrent: 'Weischlitz' },
  { ags2016: '14625050', name2016: 'Bretnig-Hauswalde', agsCurrent: '14625200', nameCurrent: 'Großröhrsdorf' },
  { ags2016: '14625540', name2016: 'Schönteichen', agsCurrent: '14625250', nameCurrent: 'Kamenz' },
  { ags2016: '14729230', name2016: 'Kohren-Sahlis', agsCurrent: '14729140', nameCurrent: 'Frohburg' },
  { ags2016: '14729290', name2016: 'Narsdorf', agsCurrent: '14729150', nameCurrent: 'Geithain' },
];
