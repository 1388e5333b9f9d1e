// German, formal address (Sie), as the privacy request page.
import type { NoticeStrings } from '../strings-shape.js';

export const de: NoticeStrings = {
  title: 'Datenschutz bei {site}',
  who: {
    title: 'Wer verantwortlich ist',
    responsibleEmail: '{site} ist verantwortlich für die personenbezogenen Daten, die diese Website verarbeitet. Bei Fragen dazu schreiben Sie an {email}.',
    responsiblePage:
      '{site} ist verantwortlich für die personenbezogenen Daten, die diese Website verarbeitet. Bei Fragen dazu nutzen Sie die Seite „Datenschutzanfragen“ dieser Website ({page}).',
    hosted:
      'Die Website wird mit Atrium erstellt und betrieben. Atrium verarbeitet die Daten der Besucher nur in unserem Auftrag und speichert sie in seiner Datenregion „{region}“.',
    hostedAt:
      'Die Website wird mit Atrium erstellt und betrieben. Atrium verarbeitet die Daten der Besucher nur in unserem Auftrag und speichert sie in seiner Datenregion „{region}“ (Speicherort: {location}).',
  },
  forms: {
    title: 'Nachrichten, die Sie uns senden',
    use: 'Wenn Sie eines der folgenden Formulare absenden, erhalten wir, was Sie eingeben. Wir verwenden es nur, um Ihnen zu antworten.',
    useTools:
      'Wenn Sie eines der folgenden Formulare absenden, erhalten wir, was Sie eingeben. Wir verwenden es nur, um Ihnen zu antworten, und geben es an die Werkzeuge weiter, mit denen wir Nachrichten beantworten.',
    keptMonths: 'Wir bewahren Nachrichten {n}\u00a0Monate lang auf; danach werden sie automatisch gelöscht.',
    keptUntilDeleted: 'Wir bewahren Nachrichten auf, bis wir sie löschen.',
    head: { form: 'Formular', page: 'Seite', asks: 'Was es abfragt' },
    agreement: 'Ihre Einwilligung',
    none: 'Diese Website hat keine Formulare: Sie erhält nichts, was Sie eingeben.',
  },
  analytics: {
    title: 'Besuchsstatistik',
    counted:
      'Wir zählen Besuche ohne Cookies und ohne Ihre IP-Adresse zu speichern: die aufgerufene Seite, woher Sie kommen, Ihr Land und Ihre Stadt (aus Ihrer IP-Adresse ermittelt, die danach verworfen wird), Ihre Geräteart, Ihren Browser, Ihr Betriebssystem und Ihre Sprache.',
    countedBeacon:
      'Wir zählen Besuche ohne Cookies und ohne Ihre IP-Adresse zu speichern: die aufgerufene Seite, woher Sie kommen, Ihr Land und Ihre Stadt (aus Ihrer IP-Adresse ermittelt, die danach verworfen wird), Ihre Geräteart, Ihren Browser, Ihr Betriebssystem und Ihre Sprache sowie, über ein kleines Skript, Ihre Bildschirmgröße, wie lange Sie bleiben, und Klicks auf Links zu anderen Websites und auf Downloads.',
    grouping:
      'Besuche werden unter einem Code zusammengefasst, der sich jeden Tag ändert, sodass niemand Sie von einem Tag zum nächsten verfolgen kann. Einzelheiten werden {days}\u00a0Tage aufbewahrt, Summen {months}\u00a0Monate.',
    returning: 'Nur wenn Sie Statistik-Cookies erlauben, merkt sich ein Cookie, dass Sie schon einmal hier waren.',
    none: 'Diese Website zählt keine Besuche.',
  },
  services: {
    title: 'Inhalte anderer Dienste',
    intro:
      'Diese Teile der Website stammen von anderen Diensten. Sofern sie nicht für den Betrieb der Website nötig sind, werden sie erst geladen, wenn Sie ihre Kategorie im Cookie-Banner erlauben; bis dahin wird nichts an sie gesendet.',
    head: { service: 'Dienst', what: 'Was es ist', category: 'Kategorie', policy: 'Seine Datenschutzerklärung' },
    embed: 'Inhalte, die auf unseren Seiten angezeigt werden',
    snippet: 'Code, den wir der Website hinzugefügt haben',
    none: 'Die Website lädt nichts von anderen Diensten.',
  },
  cookies: {
    title: 'Cookies',
    change: 'Sie können Ihre Auswahl jederzeit über „{settings}“ unten auf jeder Seite ändern.',
    purposes: {
      c_r_id_: 'Prüft, ob ein Formular von jemandem gesendet wurde, der die Seite geladen hat, um Spam abzuwehren. Es enthält nichts über Sie.',
      cookie_consent:
        'Speichert Ihre Cookie-Auswahl für diese Website (welche Kategorien und Dienste Sie erlaubt haben), damit das Banner nicht auf jeder Seite erneut fragt.',
      c_id: 'Die Kennung Ihres letzten Einwilligungsnachweises, damit Sie ihn abrufen können und wir Ihre Auswahl belegen können.',
      usr: 'Wird nur gesetzt, wenn Sie Statistik erlauben: das Datum Ihres ersten Besuchs und eine Zufallszahl, damit wiederkehrende Besucher gezählt werden können. Auf dem Server wird dazu nichts gespeichert.',
      u_sp: 'Wird gesetzt, wenn Sie das Passwort einer geschützten Seite oder der ganzen Website eingeben, damit Sie nicht erneut gefragt werden. Es belegt, welches Passwort Sie eingegeben haben, enthält nichts über Sie und wird ungültig, sobald sich das Passwort ändert.',
      lang: 'Wird nur gesetzt, wenn Sie im Sprachmenü der Website eine Sprache wählen, damit sich die Website beim nächsten Mal in dieser Sprache öffnet. Es enthält nur den Sprachcode.',
    },
    providers: {
      'youtube.YSC': 'YouTube: merkt sich die Wiedergabe während eines Besuchs, sobald das Video läuft.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: schätzt die Bandbreite und kann für Werbung genutzt werden.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: speichert Ihre Cookie-Auswahl bei YouTube.',
      'vimeo.__cf_bm': 'Netzwerkdienstleister von Vimeo: unterscheidet Menschen von Bots.',
      'google-maps.NID': 'Google: merkt sich Einstellungen und kann für Werbung genutzt werden.',
      'calendly.__cf_bm': 'Netzwerkdienstleister von Calendly: unterscheidet Menschen von Bots.',
      'loom.loom_anon_comment': 'Loom: zählt anonyme Aufrufe und Kommentare.',
      'spotify.sp_t': 'Spotify: erkennt, wer zuhört, für die Wiedergabe und für Werbung.',
    },
  },
  rights: {
    title: 'Ihre Rechte',
    text: 'Sie können erfahren, welche Daten wir über Sie gespeichert haben, diese berichtigen oder löschen lassen, ihre Verarbeitung einschränken lassen oder ihr widersprechen und sie in einem gängigen Format mitnehmen. Stellen Sie dazu eine Anfrage auf der Seite „Datenschutzanfragen“ dieser Website ({page}); wir bestätigen zuerst Ihre E-Mail-Adresse und antworten dann innerhalb der Frist, die das Recht Ihres Wohnorts vorsieht. Sie können sich außerdem bei einer Datenschutzaufsichtsbehörde beschweren.',
  },
};
