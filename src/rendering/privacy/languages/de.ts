// German, formal address (Sie).
import type { PrivacyPageStrings } from '../strings-shape.js';

export const de: PrivacyPageStrings = {
  link: 'Datenschutzanfragen',
  cookiePageHeading: 'Ihre weiteren Rechte',
  cookiePageNote:
    'Sie können diese Website auch um eine Kopie der personenbezogenen Daten bitten, die sie über Sie gespeichert hat, oder sie berichtigen oder löschen lassen.',
  title: 'Eine Anfrage zu Ihren personenbezogenen Daten',
  intro: 'Bitten Sie {site} um eine Kopie Ihrer gespeicherten personenbezogenen Daten, lassen Sie sie berichtigen oder löschen, oder beenden Sie eine Nutzung.',
  typesLegend: 'Worum möchten Sie bitten?',
  types: {
    access: {
      name: 'Meine Daten einsehen',
      description: 'Eine Kopie der personenbezogenen Daten, die die Website über Sie hat, wofür sie genutzt werden und an wen sie gingen.',
    },
    rectification: {
      name: 'Meine Daten berichtigen',
      description: 'Eine Angabe über Sie ist falsch oder unvollständig. Schreiben Sie unten, was sich ändern soll.',
    },
    erasure: {
      name: 'Meine Daten löschen',
      description:
        'Ihre personenbezogenen Daten werden gelöscht. Muss die Website einen Teil aufgrund eines Gesetzes behalten, sagt sie Ihnen, welchen und warum.',
    },
    restriction: {
      name: 'Nutzung meiner Daten einschränken',
      description: 'Die Website behält Ihre Daten, nutzt sie aber nicht mehr, zum Beispiel solange eine Berichtigung geprüft wird.',
    },
    portability: {
      name: 'Meine Daten mitnehmen',
      description: 'Die Daten, die Sie der Website gegeben haben, in einem gängigen maschinenlesbaren Format, um sie zu einem anderen Dienst mitzunehmen.',
    },
    objection: { name: 'Einer Nutzung widersprechen', description: 'Die Website nutzt Ihre Daten nicht mehr für den Zweck, den Sie nennen, etwa für Werbung.' },
    withdraw_consent: {
      name: 'Meine Einwilligung widerrufen',
      description: 'Nehmen Sie eine Erlaubnis zurück, etwa für einen Newsletter. Das gilt für die Zukunft, nicht für das, was vorher geschah.',
    },
    minor_removal: {
      name: 'Beiträge entfernen, die ich unter 18 gepostet habe',
      description: 'Für Einwohner Kaliforniens unter 18 Jahren: Inhalte, die Sie auf der Website veröffentlicht haben, werden entfernt.',
    },
  },
  email: 'Ihre E-Mail-Adresse',
  emailHint: 'Wir senden einen Link an diese Adresse, um zu prüfen, dass sie Ihnen gehört. Bevor Sie ihn öffnen, geschieht nichts.',
  name: 'Ihr Name',
  optional: 'Optional',
  country: 'Land, in dem Sie leben',
  countryHint: 'Davon hängt ab, wie lange die Website für die Antwort Zeit hat.',
  countryChoose: 'Land auswählen',
  state: 'Bundesstaat',
  stateOnlyUs: 'Nur für die USA',
  stateNone: 'Nicht in den Vereinigten Staaten',
  details: 'Ihre Anfrage',
  detailsHint: 'Um welche Daten geht es? Bei einer Berichtigung: Was soll sich ändern? Senden Sie nie Passwörter oder Kartennummern.',
  submit: 'Anfrage senden',
  stepsTitle: 'So geht es weiter',
  steps: [
    'Wir senden Ihnen einen Link per E-Mail. Öffnen Sie ihn innerhalb von 7 Tagen, um zu bestätigen, dass die Anfrage von Ihnen stammt.',
    'Ab dann hat {site} so viel Zeit, wie das Recht Ihres Wohnorts erlaubt: einen Monat im EWR (EU, Island, Liechtenstein und Norwegen) und im Vereinigten Königreich, 30 Tage in Kanada, sonst 45 Tage.',
    'Die Antwort kommt per E-Mail. Braucht die Website länger, muss sie Ihnen vor Ablauf der Frist sagen, warum.',
  ],
  who: 'Ihre Anfrage geht an die Betreiber von {site}. Sie entscheiden darüber und antworten Ihnen selbst.',
  errorTitle: 'Fehler: {title}',
  errorSummary: 'Bitte prüfen Sie Folgendes',
  errors: {
    type: 'Wählen Sie, worum Sie bitten möchten.',
    email: 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
    name: 'Ihr Name darf höchstens 120 Zeichen lang sein.',
    country: 'Wählen Sie das Land, in dem Sie leben.',
    subdivision: 'Wählen Sie einen Bundesstaat aus der Liste.',
    details: 'Schreiben Sie, worum es in Ihrer Anfrage geht.',
    detailsLong: 'Ihre Anfrage darf höchstens 5.000 Zeichen lang sein.',
  },
  sentTitle: 'Sehen Sie in Ihr Postfach',
  sentBody: 'Wir haben einen Link an {email} gesendet. Öffnen Sie ihn, um Ihre Anfrage an {site} zu bestätigen.',
  sentNote:
    'Der Link gilt 7 Tage, und bevor Sie ihn öffnen, geschieht nichts. Nach ein paar Minuten keine E-Mail? Sehen Sie im Spam-Ordner nach oder senden Sie das Formular erneut.',
  confirmTitle: 'Anfrage bestätigen',
  confirmBody: 'Sie bitten {site} um Folgendes: {type}.',
  confirmNote: 'Sobald Sie bestätigen, wird die Anfrage übermittelt und die Frist für die Antwort beginnt.',
  confirmButton: 'Meine Anfrage bestätigen',
  confirmedTitle: 'Ihre Anfrage ist bestätigt',
  confirmedBody: '{site} hat Ihre Anfrage erhalten und muss bis zum {date} antworten.',
  confirmedNote:
    'Wir haben eine Eingangsbestätigung an {email} gesendet. Braucht die Website länger, muss sie Ihnen vor diesem Datum schreiben und den Grund nennen.',
  invalidTitle: 'Dieser Link funktioniert nicht',
  invalidBody: 'Er wurde schon benutzt oder ist älter als 7 Tage. Wenn Sie Ihre Anfrage noch nicht bestätigt haben, senden Sie sie bitte erneut.',
  fileAgain: 'Neue Anfrage stellen',
  tooManyTitle: 'Zu viele Anfragen',
  tooManyBody: 'Aus Ihrem Netzwerk kamen in der letzten Stunde zu viele Anfragen. Bitte versuchen Sie es in {minutes} Minuten erneut.',
};
