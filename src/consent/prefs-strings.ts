// The few words only the no-JavaScript preferences page (/_atrium/cookies)
// needs beyond the banner's strings (strings.ts), in the languages Atrium
// ships. Our own wording, plain; English for any other language.

export interface PrefsStrings {
  /** Legend of the category checkboxes. */
  categoriesLegend: string;
  allowed: string;
  refused: string;
  /** Labels of the visitor's consent record. */
  recordIdLabel: string;
  recordedAt: string;
  choicesLabel: string;
  noChoiceYet: string;
  nothingToChoose: string;
  cookiesHeading: string;
  /** "Set by" for the site's own cookies. */
  thisSite: string;
  noCookies: string;
  gpcRecorded: string;
  /** After a post with an out-of-date banner version. */
  outdated: string;
  tooMany: string;
}

const en: PrefsStrings = {
  categoriesLegend: 'What this site may use',
  allowed: 'allowed',
  refused: 'refused',
  recordIdLabel: 'Record id',
  recordedAt: 'Saved on',
  choicesLabel: 'Choices',
  noChoiceYet: 'You have not made a choice on this site yet.',
  nothingToChoose: 'This site uses only necessary cookies: there is nothing to choose.',
  cookiesHeading: 'Cookies this site can use',
  thisSite: 'This site',
  noCookies: 'This site sets no cookies.',
  gpcRecorded: 'Your browser sent a Global Privacy Control signal.',
  outdated: 'This page was out of date. Check your choices and save again.',
  tooMany: 'Too many requests right now. Wait a minute and try again.',
};

const fr: PrefsStrings = {
  categoriesLegend: 'Ce que ce site peut utiliser',
  allowed: 'autorisé',
  refused: 'refusé',
  recordIdLabel: 'Identifiant',
  recordedAt: 'Enregistré le',
  choicesLabel: 'Choix',
  noChoiceYet: 'Vous n’avez pas encore fait de choix sur ce site.',
  nothingToChoose: 'Ce site n’utilise que des cookies nécessaires : il n’y a rien à choisir.',
  cookiesHeading: 'Cookies que ce site peut utiliser',
  thisSite: 'Ce site',
  noCookies: 'Ce site ne dépose aucun cookie.',
  gpcRecorded: 'Votre navigateur a envoyé un signal Global Privacy Control.',
  outdated: 'Cette page n’était plus à jour. Vérifiez vos choix et enregistrez-les à nouveau.',
  tooMany: 'Trop de demandes en ce moment. Patientez une minute et réessayez.',
};

const de: PrefsStrings = {
  categoriesLegend: 'Was diese Website verwenden darf',
  allowed: 'erlaubt',
  refused: 'abgelehnt',
  recordIdLabel: 'Kennung',
  recordedAt: 'Gespeichert am',
  choicesLabel: 'Auswahl',
  noChoiceYet: 'Sie haben auf dieser Website noch keine Auswahl getroffen.',
  nothingToChoose: 'Diese Website verwendet nur notwendige Cookies: Es gibt nichts auszuwählen.',
  cookiesHeading: 'Cookies, die diese Website verwenden kann',
  thisSite: 'Diese Website',
  noCookies: 'Diese Website setzt keine Cookies.',
  gpcRecorded: 'Ihr Browser hat ein Global-Privacy-Control-Signal gesendet.',
  outdated: 'Diese Seite war nicht mehr aktuell. Prüfen Sie Ihre Auswahl und speichern Sie erneut.',
  tooMany: 'Gerade zu viele Anfragen. Warten Sie eine Minute und versuchen Sie es erneut.',
};

const es: PrefsStrings = {
  categoriesLegend: 'Lo que este sitio puede usar',
  allowed: 'permitido',
  refused: 'rechazado',
  recordIdLabel: 'Identificador',
  recordedAt: 'Guardado el',
  choicesLabel: 'Elección',
  noChoiceYet: 'Todavía no ha elegido nada en este sitio.',
  nothingToChoose: 'Este sitio solo usa cookies necesarias: no hay nada que elegir.',
  cookiesHeading: 'Cookies que este sitio puede usar',
  thisSite: 'Este sitio',
  noCookies: 'Este sitio no usa cookies.',
  gpcRecorded: 'Su navegador envió una señal Global Privacy Control.',
  outdated: 'Esta página estaba desactualizada. Revise su elección y guárdela de nuevo.',
  tooMany: 'Demasiadas solicitudes en este momento. Espere un minuto y vuelva a intentarlo.',
};

const it: PrefsStrings = {
  categoriesLegend: 'Cosa può usare questo sito',
  allowed: 'consentito',
  refused: 'rifiutato',
  recordIdLabel: 'Identificativo',
  recordedAt: 'Salvato il',
  choicesLabel: 'Scelte',
  noChoiceYet: 'Non hai ancora fatto una scelta su questo sito.',
  nothingToChoose: 'Questo sito usa solo cookie necessari: non c’è nulla da scegliere.',
  cookiesHeading: 'Cookie che questo sito può usare',
  thisSite: 'Questo sito',
  noCookies: 'Questo sito non usa cookie.',
  gpcRecorded: 'Il tuo browser ha inviato un segnale Global Privacy Control.',
  outdated: 'Questa pagina non era aggiornata. Controlla le tue scelte e salva di nuovo.',
  tooMany: 'Troppe richieste in questo momento. Attendi un minuto e riprova.',
};

const nl: PrefsStrings = {
  categoriesLegend: 'Wat deze site mag gebruiken',
  allowed: 'toegestaan',
  refused: 'geweigerd',
  recordIdLabel: 'Kenmerk',
  recordedAt: 'Opgeslagen op',
  choicesLabel: 'Keuzes',
  noChoiceYet: 'U hebt op deze site nog geen keuze gemaakt.',
  nothingToChoose: 'Deze site gebruikt alleen noodzakelijke cookies: er valt niets te kiezen.',
  cookiesHeading: 'Cookies die deze site kan gebruiken',
  thisSite: 'Deze site',
  noCookies: 'Deze site plaatst geen cookies.',
  gpcRecorded: 'Uw browser stuurde een Global Privacy Control-signaal.',
  outdated: 'Deze pagina was verouderd. Controleer uw keuzes en sla ze opnieuw op.',
  tooMany: 'Te veel verzoeken op dit moment. Wacht een minuut en probeer het opnieuw.',
};

const pt: PrefsStrings = {
  categoriesLegend: 'O que este site pode usar',
  allowed: 'permitido',
  refused: 'recusado',
  recordIdLabel: 'Identificador',
  recordedAt: 'Guardado em',
  choicesLabel: 'Escolhas',
  noChoiceYet: 'Ainda não fez nenhuma escolha neste site.',
  nothingToChoose: 'Este site usa apenas cookies necessários: não há nada a escolher.',
  cookiesHeading: 'Cookies que este site pode usar',
  thisSite: 'Este site',
  noCookies: 'Este site não usa cookies.',
  gpcRecorded: 'O seu navegador enviou um sinal Global Privacy Control.',
  outdated: 'Esta página estava desatualizada. Verifique as suas escolhas e guarde-as novamente.',
  tooMany: 'Demasiados pedidos neste momento. Aguarde um minuto e tente novamente.',
};

const LANGUAGES: Record<string, PrefsStrings> = { en, fr, de, es, it, nl, pt };

/** The page's words for a language tag ("pt-BR" uses "pt"), English when the language is not shipped. */
export function prefsStrings(lang: string): PrefsStrings {
  return LANGUAGES[lang.toLowerCase().split('-')[0]!] ?? en;
}
