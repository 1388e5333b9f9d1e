// Dutch, addressing the visitor as "je".
import type { ConsentStrings } from '../consent-strings.js';

export const nl: ConsentStrings = {
  title: 'Cookies op {site}',
  body: 'Naast wat de site nodig heeft om te werken, willen we graag cookies en vergelijkbare technieken gebruiken voor de doelen onder ‘Kiezen’. Daarvan werkt niets zonder je toestemming. Je kunt je keuze altijd wijzigen via ‘Cookie-instellingen’ onderaan elke pagina.',
  noticeBody:
    'Deze site gebruikt cookies en vergelijkbare technieken voor de doelen onder ‘Kiezen’. Je kunt ze altijd uitzetten via ‘Cookie-instellingen’ onderaan elke pagina.',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  choose: 'Kiezen',
  save: 'Mijn keuze opslaan',
  ok: 'OK',
  close: 'Sluiten',
  gpcHonoured: 'Je browser stuurt een Global Privacy Control-signaal, dus dit blijft uit: {categories}.',
  categories: {
    necessary: { name: 'Noodzakelijk', description: 'Nodig om de site te laten werken en je keuze te onthouden.' },
    functional: { name: 'Functioneel', description: 'Ingesloten inhoud en functies die je gebruikt, zoals video’s, kaarten of boekingsagenda’s.' },
    analytics: { name: 'Statistieken', description: 'Bezoeken tellen en zien hoe pagina’s worden gebruikt, om de site te verbeteren.' },
    marketing: { name: 'Marketing', description: 'Advertenties, en inhoud van aanbieders die je op andere sites kunnen herkennen.' },
  },
  alwaysOn: 'Altijd aan',
  settingsLink: 'Cookie-instellingen',
  embedNote:
    'Deze inhoud komt van {provider}, die cookies kan plaatsen en kan zien dat je deze pagina hebt bezocht. Er wordt pas iets geladen als je dat toestaat.',
  load: { video: 'Video laden', map: 'Kaart laden', calendar: 'Agenda laden', form: 'Formulier laden', audio: 'Speler laden', content: 'Inhoud laden' },
  alwaysAllow: '{provider} altijd toestaan',
  openAt: 'Openen op {provider}',
  providerPolicy: 'Privacybeleid van {provider}',
  prefsTitle: 'Cookie-instellingen',
  prefsIntro:
    'Kies wat deze site mag gebruiken. Noodzakelijke cookies staan altijd aan. Je keuze geldt alleen voor deze site en je kunt hem hier altijd wijzigen.',
  prefsSaved: 'Je keuze is opgeslagen.',
  recordId: 'Kenmerk van je toestemming',
  cookieTable: {
    name: 'Naam',
    provider: 'Geplaatst door',
    purpose: 'Doel',
    duration: 'Bewaartermijn',
    category: 'Categorie',
    session: 'Tot je de browser sluit',
    day: '1 dag',
    days: '{n} dagen',
    year: '1 jaar',
    years: '{n} jaar',
  },
  backToSite: 'Terug naar de site',
};
