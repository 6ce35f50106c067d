/**
 * Every German text of the web app, in one place: screens, messages, and the German words for the
 * API's codes and error fields. Components import `t` (and the small helpers below) and never
 * carry a literal sentence of their own, so the wording can be reviewed — and one day translated —
 * here.
 */
import type { Role } from './graphql/generated/graphql';

export const t = {
  app: {
    name: 'Lotse',
    tagline: 'Passende Hilfe im Gesundheits- und Reha-Netzwerk',
    skipToContent: 'Zum Inhalt springen',
    mainNavigation: 'Hauptnavigation',
    loading: 'Wird geladen …',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Diese Seite gibt es nicht. Vielleicht hilft Ihnen die Startseite weiter.',
    toStart: 'Zur Startseite',
    forbiddenTitle: 'Kein Zugriff',
    forbiddenText: 'Diese Seite ist für Ihre Rolle nicht vorgesehen.',
    footer: 'Lotse – freie Software (AGPL-3.0). Die Demodaten sind erfunden.',
    graphqlIde: 'GraphQL-Schnittstelle',
  },
  roles: {
    COACH: 'Coach',
    PARTNER: 'Netzwerkpartner',
    COORDINATOR: 'Koordination',
    ADMIN: 'Administration',
  } satisfies Record<Role, string>,
  nav: {
    find: 'Passende Angebote finden',
    search: 'Angebote durchsuchen',
    shortlist: 'Merkliste',
    partnerHome: 'Meine Organisationen',
    coordinatorHome: 'Prüfung und Abdeckung',
    loggedInAs: (name: string, role: string) => `Angemeldet: ${name} (${role})`,
    logout: 'Abmelden',
  },
  login: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    failed: 'E-Mail-Adresse oder Passwort ist falsch.',
    loggedOut: 'Sie haben sich abgemeldet.',
    expiredTitle: 'Ihre Sitzung ist abgelaufen',
    expiredText: 'Bitte melden Sie sich erneut an. Ihre Eingaben bleiben erhalten; danach geht es an derselben Stelle weiter.',
    expiredOtherUser: 'Bitte melden Sie sich mit demselben Konto wieder an, damit Ihre Eingaben erhalten bleiben.',
    cancelExpired: 'Abbrechen und zur Anmeldung',
  },
  exports: {
    title: 'Netzwerk exportieren',
    text: 'Alle Netzwerkpartner und Angebote, die das Verzeichnis zeigt, als Open-Referral-Datenpaket (HSDS 3.0): eine ZIP-Datei mit Tabellen (CSV), die andere Verzeichnisse und Tabellenprogramme lesen.',
    download: 'Datenpaket herunterladen (HSDS 3.0, ZIP)',
    downloading: 'Datenpaket wird erstellt …',
    hint: 'Nicht freigeschaltete Partner und beendete Angebote sind nicht enthalten. Bei großen Netzwerken dauert das Erstellen etwas.',
    done: 'Das Datenpaket wurde heruntergeladen.',
    fileName: (date: string) => `lotse-hsds-${date}.zip`,
  },
  placeholder: {
    partnerTitle: 'Meine Organisationen',
    partnerText: 'Hier pflegen Netzwerkpartner bald ihre Organisationen, Angebote, Standorte und freien Plätze.',
    coordinatorTitle: 'Prüfung und Abdeckung',
    coordinatorText: 'Hier entstehen die Prüfliste neuer und geänderter Einträge und die Karte der Versorgungsabdeckung.',
    comingSoon: 'Diese Seite ist noch im Aufbau.',
  },
  errors: {
    network: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
    server: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    unauthenticated: 'Bitte melden Sie sich an.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    notFound: 'Der Eintrag wurde nicht gefunden.',
    conflict: 'Jemand anderes hat diesen Eintrag inzwischen geändert.',
    tooManyRequests: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.',
    badInput: 'Bitte prüfen Sie Ihre Eingaben.',
    fieldInvalid: 'Diese Angabe ist ungültig.',
    tooExpensive: 'Diese Anfrage ist zu umfangreich. Bitte schränken Sie sie ein.',
  },
};

/** German words for the API's error fields (its `extensions.field`), shown next to the field. */
export const fieldErrors: Record<string, string> = {
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  password: 'Bitte geben Sie Ihr Passwort an.',
  postcode: 'Diese Postleitzahl kennt Lotse nicht. Bitte prüfen Sie die fünf Ziffern (nur Sachsen).',
  place: 'Diesen Ort kennt Lotse nicht. Bitte wählen Sie einen Vorschlag aus der Liste.',
  origin: 'Bitte geben Sie einen Ausgangsort an: Postleitzahl oder Ort.',
  needs: 'Bitte wählen Sie mindestens einen Bedarf (höchstens 20).',
  limitMinutes: 'Bitte eine Reisezeit zwischen 5 und 240 Minuten angeben.',
  maxMinutes: 'Bitte eine Reisezeit zwischen 5 und 240 Minuten angeben.',
  age: 'Bitte ein Alter zwischen 0 und 120 Jahren angeben.',
  languages: 'Diese Sprache kennt Lotse nicht.',
  text: 'Bitte prüfen Sie den Suchtext.',
};

/** Start page of each role (where the login lands). */
export function roleLabel(role: Role): string {
  return t.roles[role];
}
