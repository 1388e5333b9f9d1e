// Italian, informal address (tu), as the consent strings and the privacy request page use.
import type { NoticeStrings } from '../strings-shape.js';

export const it: NoticeStrings = {
  title: 'Privacy su {site}',
  who: {
    title: 'Chi è responsabile',
    responsibleEmail: '{site} è responsabile dei dati personali trattati da questo sito. Per qualsiasi domanda in merito, scrivi a {email}.',
    responsiblePage:
      '{site} è responsabile dei dati personali trattati da questo sito. Per qualsiasi domanda in merito, usa la pagina «Richieste sui tuoi dati» di questo sito ({page}).',
    hosted:
      'Il sito è realizzato e ospitato con Atrium, che tratta i dati dei visitatori solo per nostro conto e li conserva nella sua regione di dati «{region}».',
    hostedAt:
      'Il sito è realizzato e ospitato con Atrium, che tratta i dati dei visitatori solo per nostro conto e li conserva nella sua regione di dati «{region}» (luogo di conservazione: {location}).',
  },
  forms: {
    title: 'I messaggi che ci invii',
    use: 'Quando invii uno dei moduli qui sotto, riceviamo ciò che scrivi. Lo usiamo solo per risponderti.',
    useTools:
      'Quando invii uno dei moduli qui sotto, riceviamo ciò che scrivi. Lo usiamo solo per risponderti e lo trasmettiamo agli strumenti con cui gestiamo i messaggi.',
    keptMonths: 'Conserviamo i messaggi per {n} mesi, poi vengono cancellati automaticamente.',
    keptUntilDeleted: 'Conserviamo i messaggi finché non li cancelliamo.',
    head: { form: 'Modulo', page: 'Pagina', asks: 'Cosa chiede' },
    agreement: 'il tuo consenso',
    none: 'Questo sito non ha moduli: non riceve nulla di ciò che scrivi.',
  },
  analytics: {
    title: 'Statistiche delle visite',
    counted:
      'Contiamo le visite senza cookie e senza conservare il tuo indirizzo IP: la pagina visitata, da dove arrivi, il tuo paese e la tua città (ricavati dal tuo indirizzo IP, che poi viene dimenticato), il tipo di dispositivo, il browser, il sistema operativo e la lingua.',
    countedBeacon:
      'Contiamo le visite senza cookie e senza conservare il tuo indirizzo IP: la pagina visitata, da dove arrivi, il tuo paese e la tua città (ricavati dal tuo indirizzo IP, che poi viene dimenticato), il tipo di dispositivo, il browser, il sistema operativo e la lingua e, tramite un piccolo script, le dimensioni dello schermo, quanto tempo resti e i clic sui link verso altri siti e sui download.',
    grouping:
      'Le visite sono raggruppate sotto un codice che cambia ogni giorno, così nessuno può seguirti da un giorno all’altro. I dettagli sono conservati {days} giorni, i totali {months} mesi.',
    returning: 'Solo se consenti i cookie statistici, un cookie ricorda la tua visita precedente.',
    none: 'Questo sito non conta le visite.',
  },
  services: {
    title: 'Contenuti di altri servizi',
    intro:
      'Queste parti del sito provengono da altri servizi. Se non sono necessarie al funzionamento del sito, si caricano solo dopo che hai consentito la loro categoria nel banner dei cookie; fino ad allora, non viene inviato loro nulla.',
    head: { service: 'Servizio', what: 'Che cos’è', category: 'Categoria', policy: 'La sua informativa privacy' },
    embed: 'contenuto mostrato sulle nostre pagine',
    snippet: 'codice che abbiamo aggiunto al sito',
    none: 'Il sito non carica nulla da altri servizi.',
  },
  cookies: {
    title: 'Cookie',
    change: 'Puoi cambiare la tua scelta in qualsiasi momento da «{settings}», in fondo a ogni pagina.',
    purposes: {
      c_r_id_: 'Verifica che un modulo sia stato inviato da chi ha caricato la pagina, per tenere lontano lo spam. Non contiene nulla su di te.',
      cookie_consent:
        'Ricorda le tue scelte sui cookie per questo sito (quali categorie e servizi hai consentito), così il banner non te le richiede a ogni pagina.',
      c_id: 'Il riferimento della tua ultima registrazione del consenso, perché tu possa consultarla e noi possiamo dimostrare la tua scelta.',
      usr: 'Impostato solo se consenti le statistiche: la data della tua prima visita e un numero casuale, per contare i visitatori che tornano. Sul server non viene conservato nulla che lo riguardi.',
      u_sp: 'Impostato quando inserisci la password di una pagina protetta o dell’intero sito, per non chiedertela di nuovo. Dimostra quale password hai inserito, non contiene nulla su di te e smette di funzionare quando la password cambia.',
      lang: 'Impostato solo quando scegli una lingua nel menu delle lingue del sito, perché il sito si apra in quella lingua la volta successiva. Contiene solo il codice della lingua.',
    },
    providers: {
      'youtube.YSC': 'YouTube: ricorda la riproduzione durante una visita, una volta avviato il video.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: stima la larghezza di banda e può essere usato per la pubblicità.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: memorizza le tue scelte sui cookie su YouTube.',
      'vimeo.__cf_bm': 'Fornitore di rete di Vimeo: distingue le persone dai bot.',
      'google-maps.NID': 'Google: ricorda le preferenze e può essere usato per la pubblicità.',
      'calendly.__cf_bm': 'Fornitore di rete di Calendly: distingue le persone dai bot.',
      'loom.loom_anon_comment': 'Loom: conta le visualizzazioni e i commenti anonimi.',
      'spotify.sp_t': 'Spotify: identifica chi ascolta, per la riproduzione e la pubblicità.',
    },
  },
  rights: {
    title: 'I tuoi diritti',
    text: 'Puoi chiedere quali dati conserviamo su di te, farli correggere o cancellare, limitarne l’uso od opporti al loro utilizzo, e portarli altrove. Presenta una richiesta dalla pagina «Richieste sui tuoi dati» di questo sito ({page}); prima confermiamo il tuo indirizzo email, poi rispondiamo entro il termine che ci concede la legge del luogo in cui vivi. Puoi anche presentare un reclamo a un’autorità per la protezione dei dati.',
  },
};
