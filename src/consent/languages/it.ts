// Italian, addressing the visitor as "tu".
import type { ConsentStrings } from '../consent-strings.js';

export const it: ConsentStrings = {
  title: 'Cookie su {site}',
  body: 'Oltre a ciò che serve al funzionamento del sito, vorremmo usare cookie e strumenti simili per le finalità indicate in «Scegli». Nessuno si attiva senza il tuo consenso. Puoi cambiare la tua scelta in qualsiasi momento da «Impostazioni cookie», in fondo a ogni pagina.',
  noticeBody:
    'Questo sito usa cookie e strumenti simili per le finalità indicate in «Scegli». Puoi disattivarli in qualsiasi momento da «Impostazioni cookie», in fondo a ogni pagina.',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  choose: 'Scegli',
  save: 'Salva le mie scelte',
  ok: 'OK',
  close: 'Chiudi',
  gpcHonoured: 'Il tuo browser invia il segnale Global Privacy Control, quindi queste categorie restano disattivate: {categories}.',
  categories: {
    necessary: { name: 'Necessari', description: 'Servono al funzionamento del sito e a ricordare le tue scelte.' },
    functional: { name: 'Funzionali', description: 'Contenuti incorporati e funzioni che usi, come video, mappe o calendari di prenotazione.' },
    analytics: { name: 'Statistiche', description: 'Contare le visite e capire come vengono usate le pagine, per migliorare il sito.' },
    marketing: { name: 'Marketing', description: 'Pubblicità, e contenuti di fornitori che possono riconoscerti su altri siti.' },
  },
  alwaysOn: 'Sempre attivi',
  settingsLink: 'Impostazioni cookie',
  embedNote: 'Questo contenuto proviene da {provider}, che può impostare cookie e sapere che hai visitato questa pagina. Si carica solo se lo consenti.',
  load: {
    video: 'Carica il video',
    map: 'Carica la mappa',
    calendar: 'Carica il calendario',
    form: 'Carica il modulo',
    audio: 'Carica il lettore',
    content: 'Carica il contenuto',
  },
  alwaysAllow: 'Consenti sempre {provider}',
  openAt: 'Apri su {provider}',
  providerPolicy: 'Informativa privacy di {provider}',
  prefsTitle: 'Impostazioni cookie',
  prefsIntro:
    'Scegli cosa può usare questo sito. I cookie necessari sono sempre attivi. La tua scelta vale solo per questo sito e puoi cambiarla qui in qualsiasi momento.',
  prefsSaved: 'Le tue scelte sono state salvate.',
  recordId: 'Riferimento del tuo consenso',
  cookieTable: {
    name: 'Nome',
    provider: 'Impostato da',
    purpose: 'Finalità',
    duration: 'Durata',
    category: 'Categoria',
    session: 'Fino alla chiusura del browser',
    day: '1 giorno',
    days: '{n} giorni',
    year: '1 anno',
    years: '{n} anni',
  },
  backToSite: 'Torna al sito',
};
