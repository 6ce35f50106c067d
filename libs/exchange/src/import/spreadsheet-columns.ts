/**
 * The columns of the coordinators' spreadsheet, in the template's order: German headings (a few
 * other spellings are accepted), whether a row needs them, what they mean and an example. The
 * template (`npm run cli -- import-template`) and README's table are made from this list.
 */
export interface SpreadsheetColumn {
  key: ColumnKey;
  heading: string;
  aliases: string[];
  required: boolean;
  description: string;
  example: string;
}

export type ColumnKey =
  | 'organizationId' | 'organizationName' | 'organizationKind' | 'ik' | 'bsnr' | 'website' | 'email' | 'phone'
  | 'locationId' | 'locationName' | 'street' | 'postcode' | 'town' | 'latitude' | 'longitude'
  | 'serviceId' | 'serviceName' | 'description' | 'category' | 'specialty' | 'needs' | 'languages' | 'accessibility' | 'deliveryModes'
  | 'costType' | 'fee' | 'costNote' | 'insurance' | 'minAge' | 'maxAge' | 'eligibility' | 'hours'
  | 'accepting' | 'freeSeats' | 'waitingDays' | 'courseStart' | 'courseEnd' | 'courseTime' | 'courseSeats';

const c = (key: ColumnKey, heading: string, required: boolean, description: string, example: string, aliases: string[] = []): SpreadsheetColumn => ({ key, heading, aliases, required, description, example });

export const SPREADSHEET_COLUMNS: readonly SpreadsheetColumn[] = [
  c('organizationId', 'Träger-ID', false, 'Ihre Kennung des Trägers. Ohne sie erkennt Lotse den Träger an seinem IK, sonst an seinem Namen.', 'T-0815', ['Traeger-ID', 'Träger ID', 'Organisations-ID']),
  c('organizationName', 'Träger', true, 'Name des Netzwerkpartners (Praxis, Klinik, Krankenkasse, Beratungsstelle …).', 'Suchtberatung Meißen e. V.', ['Name des Trägers', 'Organisation', 'Netzwerkpartner', 'Traeger']),
  c('organizationKind', 'Art des Trägers', false, 'Arztpraxis, Klinik, Krankenkasse, Beratungsstelle, Kursanbieter, Stadt oder Gemeinde, Sozialer Träger, Beschäftigungsträger, Sonstige. Leer: aus der Angebotsart.', 'Beratungsstelle', ['Trägerart']),
  c('ik', 'IK', false, 'Institutionskennzeichen (9 Ziffern), falls vorhanden.', '261400001', ['Institutionskennzeichen']),
  c('bsnr', 'BSNR', false, 'Betriebsstättennummer einer Praxis (9 Ziffern), falls vorhanden.', '', ['Betriebsstättennummer']),
  c('website', 'Webseite', false, 'Adresse der Webseite mit http:// oder https://.', 'https://sucht-meissen.example', ['Website', 'Internet', 'Homepage']),
  c('email', 'E-Mail', false, 'E-Mail-Adresse des Trägers.', 'info@sucht-meissen.example', ['Email', 'E-Mail-Adresse']),
  c('phone', 'Telefon', false, 'Telefonnummer; mehrere mit Semikolon getrennt.', '03521 123456', ['Telefonnummer', 'Tel.']),
  c('locationId', 'Standort-ID', false, 'Ihre Kennung des Standorts. Ohne sie erkennt Lotse den Standort an Träger, Straße und PLZ.', 'S-1', ['Standort ID']),
  c('locationName', 'Standort', false, 'Name des Standorts, falls er einen hat.', 'Beratungsstelle am Markt', ['Standortname', 'Name des Standorts']),
  c('street', 'Straße und Hausnummer', true, 'Anschrift des Standorts.', 'Markt 1', ['Straße', 'Strasse', 'Adresse', 'Anschrift', 'Strasse und Hausnummer']),
  c('postcode', 'PLZ', true, 'Fünfstellige Postleitzahl.', '01662', ['Postleitzahl']),
  c('town', 'Ort', true, 'Stadt, Gemeinde oder Ortsteil.', 'Meißen', ['Stadt', 'Gemeinde', 'Ortschaft']),
  c('latitude', 'Breitengrad', false, 'Genauer Punkt des Eingangs (z. B. 51.1636). Leer: Lotse setzt den Punkt der PLZ bzw. des Orts und markiert ihn als ungefähr.', '', ['Breite', 'Latitude', 'lat']),
  c('longitude', 'Längengrad', false, 'Zum Breitengrad gehörig (z. B. 13.4775).', '', ['Länge', 'Laengengrad', 'Longitude', 'lon', 'lng']),
  c('serviceId', 'Angebots-ID', false, 'Ihre Kennung des Angebots. Ohne sie erkennt Lotse das Angebot an Träger und Angebotsname. Ein Angebot an mehreren Standorten: eine Zeile je Standort, gleiche Angebots-ID.', 'A-42', ['Angebots ID', 'Leistungs-ID']),
  c('serviceName', 'Angebot', true, 'Name des Angebots.', 'Suchtberatung für Erwachsene', ['Name des Angebots', 'Angebotsname', 'Leistung']),
  c('description', 'Beschreibung', false, 'Was das Angebot leistet, für wen.', 'Beratung bei Alkohol-, Medikamenten- und Glücksspielproblemen.', []),
  c('category', 'Angebotsart', true, 'Arztpraxis, Klinik, Krankenkasse, Suchtberatung, Kurs, Psychosozialer Dienst, Soziale Beratung, Raum für Sprechstunden, Beschäftigungsmaßnahme.', 'Suchtberatung', ['Kategorie', 'Art des Angebots']),
  c('specialty', 'Fachgebiet', false, 'Bei Arztpraxen und Kliniken: Fachgebiet nach Weiterbildungsordnung (z. B. Allgemeinmedizin, Orthopädie und Unfallchirurgie).', '', ['Fachrichtung']),
  c('needs', 'Bedarfe', true, 'Ein oder mehrere Bedarfe aus der Lotse-Taxonomie, mit Semikolon getrennt (z. B. Sucht; Psychosoziale Beratung).', 'Sucht; Angehörige und Pflegende', ['Bedarf', 'Themen']),
  c('languages', 'Sprachen', false, 'Sprachen des Angebots, Name oder Kürzel, mit Semikolon getrennt. Leer: Deutsch.', 'Deutsch; Russisch', ['Sprache']),
  c('accessibility', 'Barrierefreiheit', false, 'Stufenloser Zugang, Barrierefreies WC, Aufzug, Behindertenparkplatz, Gebärdensprache, Induktionsschleife, Leichte Sprache, Brailleschrift.', 'Stufenloser Zugang; Aufzug', []),
  c('deliveryModes', 'Angebotsform', false, 'Vor Ort, Aufsuchend, Online; mehrere mit Semikolon. Leer: Vor Ort.', 'Vor Ort; Aufsuchend', ['Angebotsformen', 'Form']),
  c('costType', 'Kosten', false, 'Kostenfrei, Kassenleistung, Präventionskurs (von der Krankenkasse bezuschusst), Kostenpflichtig. Leer: Kostenfrei.', 'Kostenfrei', ['Kostenart']),
  c('fee', 'Gebühr (€)', false, 'Betrag in Euro bei kostenpflichtigen oder bezuschussten Angeboten.', '', ['Gebühr', 'Preis', 'Gebuehr']),
  c('costNote', 'Hinweis zu Kosten', false, 'Freier Hinweis zu Kosten und Erstattung.', '', ['Kostenhinweis']),
  c('insurance', 'Versicherung', false, 'Ohne Krankenversicherung möglich, Gesetzlich Versicherte, Gesetzlich oder privat Versicherte. Leer: ohne Voraussetzung.', '', ['Krankenversicherung']),
  c('minAge', 'Alter von', false, 'Mindestalter in Jahren.', '18', ['Mindestalter']),
  c('maxAge', 'Alter bis', false, 'Höchstalter in Jahren.', '', ['Höchstalter']),
  c('eligibility', 'Voraussetzungen', false, 'Wer das Angebot nutzen kann, was mitzubringen ist.', 'Termin nach telefonischer Vereinbarung', ['Zugangsvoraussetzungen']),
  c('hours', 'Öffnungszeiten', false, 'Wochentage und Zeiten, z. B. „Mo–Fr 8–12; Di 14–18“.', 'Mo-Fr 9:00-12:00; Di 14:00-18:00', ['Sprechzeiten', 'Oeffnungszeiten']),
  c('accepting', 'Nimmt neue Klienten auf', false, 'ja oder nein. Leer: ja.', 'ja', ['Aufnahme', 'Neue Klienten']),
  c('freeSeats', 'Freie Plätze', false, 'Freie Plätze jetzt (bei Kursen: im angegebenen Kurs).', '', ['Freie Plaetze']),
  c('waitingDays', 'Wartezeit (Tage)', false, 'Übliche Wartezeit auf einen Termin in Tagen.', '14', ['Wartezeit']),
  c('courseStart', 'Kursbeginn', false, 'Bei Kursen: erster Termin (TT.MM.JJJJ).', '', []),
  c('courseEnd', 'Kursende', false, 'Bei Kursen: letzter Termin (TT.MM.JJJJ).', '', []),
  c('courseTime', 'Kurstermin', false, 'Bei Kursen: Wochentag und Zeit, z. B. „Mi 17:00–18:30“.', '', ['Kurszeit']),
  c('courseSeats', 'Kursplätze', false, 'Bei Kursen: Plätze insgesamt.', '', ['Kursplaetze']),
];
