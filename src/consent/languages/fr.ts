// French. Typographic spaces before « » : ; ! ? are non-breaking (\u00a0).
import type { ConsentStrings } from '../consent-strings.js';

export const fr: ConsentStrings = {
  title: 'Cookies sur {site}',
  body: 'En plus de ce qui est nécessaire au fonctionnement du site, nous aimerions utiliser des cookies et des outils similaires pour les finalités indiquées sous «\u00a0Choisir\u00a0». Aucun ne s’active sans votre accord. Vous pouvez modifier votre choix à tout moment avec «\u00a0Paramètres des cookies\u00a0» en bas de chaque page.',
  noticeBody:
    'Ce site utilise des cookies et des outils similaires pour les finalités indiquées sous «\u00a0Choisir\u00a0». Vous pouvez désactiver chacun d’eux à tout moment avec «\u00a0Paramètres des cookies\u00a0» en bas de chaque page.',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  choose: 'Choisir',
  save: 'Enregistrer mes choix',
  ok: 'OK',
  close: 'Fermer',
  gpcHonoured: 'Votre navigateur envoie un signal Global Privacy Control\u00a0: les catégories suivantes restent donc désactivées\u00a0: {categories}.',
  categories: {
    necessary: { name: 'Nécessaires', description: 'Indispensables au fonctionnement du site et pour mémoriser vos choix.' },
    functional: {
      name: 'Fonctionnels',
      description: 'Contenus intégrés et fonctions que vous utilisez, comme des vidéos, des cartes ou des agendas de réservation.',
    },
    analytics: { name: 'Mesure d’audience', description: 'Compter les visites et voir comment les pages sont utilisées, pour améliorer le site.' },
    marketing: { name: 'Marketing', description: 'Publicité, et contenus de fournisseurs susceptibles de vous reconnaître sur d’autres sites.' },
  },
  alwaysOn: 'Toujours actifs',
  settingsLink: 'Paramètres des cookies',
  embedNote:
    'Ce contenu provient de {provider}, qui peut déposer des cookies et savoir que vous avez consulté cette page. Il ne se charge qu’avec votre accord.',
  load: {
    video: 'Charger la vidéo',
    map: 'Charger la carte',
    calendar: 'Charger l’agenda',
    form: 'Charger le formulaire',
    audio: 'Charger le lecteur',
    content: 'Charger le contenu',
  },
  alwaysAllow: 'Toujours autoriser {provider}',
  openAt: 'Ouvrir sur {provider}',
  providerPolicy: 'Politique de confidentialité de {provider}',
  prefsTitle: 'Paramètres des cookies',
  prefsIntro:
    'Choisissez ce que ce site peut utiliser. Les cookies nécessaires sont toujours actifs. Votre choix ne vaut que pour ce site et vous pouvez le modifier ici à tout moment.',
  prefsSaved: 'Vos choix ont été enregistrés.',
  recordId: 'Référence de votre consentement',
  cookieTable: {
    name: 'Nom',
    provider: 'Déposé par',
    purpose: 'Finalité',
    duration: 'Durée',
    category: 'Catégorie',
    session: 'Jusqu’à la fermeture du navigateur',
    day: '1\u00a0jour',
    days: '{n}\u00a0jours',
    year: '1\u00a0an',
    years: '{n}\u00a0ans',
  },
  backToSite: 'Retour au site',
};
