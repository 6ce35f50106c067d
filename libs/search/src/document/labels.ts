/**
 * German words coaches type for the catalogue's codes. They are indexed with each listing, so
 * "Orthopäde barrierefrei" finds an orthopaedic practice with step-free access.
 */

export const CATEGORY_LABELS: Record<string, string> = {
  physician: 'Arztpraxis',
  clinic: 'Klinik',
  health_insurer: 'Krankenkasse',
  addiction_counselling: 'Suchtberatung',
  course: 'Kurs',
  psychosocial_service: 'Psychosoziale Beratung',
  social_service: 'Soziale Beratung',
  community_room: 'Beratungsraum',
  employment_measure: 'Beschäftigungsmaßnahme',
};

export const SPECIALTY_LABELS: Record<string, string[]> = {
  general_practice: ['Allgemeinmedizin', 'Hausarzt', 'Hausärztin'],
  internal_medicine: ['Innere Medizin', 'Internist', 'Internistin'],
  orthopaedics: ['Orthopädie', 'Orthopäde', 'Orthopädin'],
  cardiology: ['Kardiologie', 'Kardiologe', 'Kardiologin'],
  psychiatry: ['Psychiatrie', 'Psychiater', 'Psychiaterin'],
  psychotherapy: ['Psychotherapie', 'Psychotherapeut', 'Psychotherapeutin'],
  neurology: ['Neurologie', 'Neurologe', 'Neurologin'],
  physical_and_rehabilitative_medicine: ['Physikalische und Rehabilitative Medizin', 'Rehabilitationsmedizin'],
  diabetology: ['Diabetologie', 'Diabetologe', 'Diabetologin'],
  addiction_medicine: ['Suchtmedizin'],
};

export const ACCESSIBILITY_LABELS: Record<string, string[]> = {
  step_free_access: ['barrierefrei', 'stufenlos'],
  accessible_wc: ['barrierefreies WC', 'Behinderten-WC'],
  lift: ['Aufzug', 'Fahrstuhl'],
  accessible_parking: ['Behindertenparkplatz'],
  sign_language: ['Gebärdensprache'],
  hearing_loop: ['Induktionsschleife', 'Hörschleife'],
  easy_language: ['Leichte Sprache'],
  braille: ['Brailleschrift', 'Blindenschrift'],
};
