// German, addressing the visitor as "Sie".
import type { ConsentStrings } from '../consent-strings.js';

export const de: ConsentStrings = {
  title: 'Cookies auf {site}',
  body: 'Über das hinaus, was die Website zum Funktionieren braucht, möchten wir Cookies und ähnliche Techniken für die unter „Auswählen“ genannten Zwecke einsetzen. Nichts davon läuft, solange Sie es nicht erlauben. Sie können Ihre Wahl jederzeit über „Cookie-Einstellungen“ unten auf jeder Seite ändern.',
  noticeBody:
    'Diese Website verwendet Cookies und ähnliche Techniken für die unter „Auswählen“ genannten Zwecke. Sie können jeden davon jederzeit über „Cookie-Einstellungen“ unten auf jeder Seite abschalten.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  choose: 'Auswählen',
  save: 'Auswahl speichern',
  ok: 'OK',
  close: 'Schließen',
  gpcHonoured: 'Ihr Browser sendet das Signal „Global Privacy Control“. Deshalb bleibt Folgendes ausgeschaltet: {categories}.',
  categories: {
    necessary: { name: 'Notwendig', description: 'Damit die Website funktioniert und sich Ihre Auswahl merkt.' },
    functional: { name: 'Funktional', description: 'Eingebettete Inhalte und Funktionen, die Sie nutzen, etwa Videos, Karten oder Buchungskalender.' },
    analytics: { name: 'Statistik', description: 'Besuche zählen und sehen, wie Seiten genutzt werden, um die Website zu verbessern.' },
    marketing: { name: 'Marketing', description: 'Werbung sowie Inhalte von Anbietern, die Sie auf anderen Websites wiedererkennen können.' },
  },
  alwaysOn: 'Immer aktiv',
  settingsLink: 'Cookie-Einstellungen',
  embedNote:
    'Dieser Inhalt stammt von {provider}. Der Anbieter kann Cookies setzen und erfahren, dass Sie diese Seite besucht haben. Er wird erst geladen, wenn Sie es erlauben.',
  load: { video: 'Video laden', map: 'Karte laden', calendar: 'Kalender laden', form: 'Formular laden', audio: 'Player laden', content: 'Inhalt laden' },
  alwaysAllow: '{provider} immer erlauben',
  openAt: 'Auf {provider} öffnen',
  providerPolicy: 'Datenschutzerklärung von {provider}',
  prefsTitle: 'Cookie-Einstellungen',
  prefsIntro:
    'Legen Sie fest, was diese Website verwenden darf. Notwendige Cookies sind immer aktiv. Ihre Wahl gilt nur für diese Website, und Sie können sie hier jederzeit ändern.',
  prefsSaved: 'Ihre Auswahl wurde gespeichert.',
  recordId: 'Kennung Ihrer Einwilligung',
  cookieTable: {
    name: 'Name',
    provider: 'Gesetzt von',
    purpose: 'Zweck',
    duration: 'Dauer',
    category: 'Kategorie',
    session: 'Bis Sie den Browser schließen',
    day: '1 Tag',
    days: '{n} Tage',
    year: '1 Jahr',
    years: '{n} Jahre',
  },
  backToSite: 'Zurück zur Website',
};
