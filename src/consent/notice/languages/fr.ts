// French, formal address (vous). Typographic spaces before « » : ; ! ? are non-breaking (\u00a0).
import type { NoticeStrings } from '../strings-shape.js';

export const fr: NoticeStrings = {
  title: 'Confidentialité sur {site}',
  who: {
    title: 'Qui est responsable',
    responsibleEmail: '{site} est responsable des données personnelles que ce site traite. Pour toute question à ce sujet, écrivez à {email}.',
    responsiblePage:
      '{site} est responsable des données personnelles que ce site traite. Pour toute question à ce sujet, utilisez la page «\u00a0Vos droits sur vos données\u00a0» de ce site ({page}).',
    hosted:
      'Le site est créé et hébergé avec Atrium, qui traite les données des visiteurs uniquement pour notre compte et les conserve dans sa région de données «\u00a0{region}\u00a0».',
    hostedAt:
      'Le site est créé et hébergé avec Atrium, qui traite les données des visiteurs uniquement pour notre compte et les conserve dans sa région de données «\u00a0{region}\u00a0» (lieu de stockage\u00a0: {location}).',
  },
  forms: {
    title: 'Les messages que vous nous envoyez',
    use: 'Lorsque vous envoyez l’un des formulaires ci-dessous, nous recevons ce que vous saisissez. Nous l’utilisons uniquement pour vous répondre.',
    useTools:
      'Lorsque vous envoyez l’un des formulaires ci-dessous, nous recevons ce que vous saisissez. Nous l’utilisons uniquement pour vous répondre et le transmettons aux outils avec lesquels nous traitons les messages.',
    keptMonths: 'Nous conservons les messages pendant {n}\u00a0mois, puis ils sont supprimés automatiquement.',
    keptUntilDeleted: 'Nous conservons les messages jusqu’à ce que nous les supprimions.',
    head: { form: 'Formulaire', page: 'Page', asks: 'Ce qu’il demande' },
    agreement: 'votre accord',
    none: 'Ce site n’a aucun formulaire\u00a0: il ne reçoit rien de ce que vous saisissez.',
  },
  analytics: {
    title: 'Statistiques de visite',
    counted:
      'Nous comptons les visites sans cookies et sans conserver votre adresse IP\u00a0: la page consultée, d’où vous venez, votre pays et votre ville (déduits de votre adresse IP, qui est ensuite oubliée), votre type d’appareil, votre navigateur, votre système d’exploitation et votre langue.',
    countedBeacon:
      'Nous comptons les visites sans cookies et sans conserver votre adresse IP\u00a0: la page consultée, d’où vous venez, votre pays et votre ville (déduits de votre adresse IP, qui est ensuite oubliée), votre type d’appareil, votre navigateur, votre système d’exploitation et votre langue, ainsi que, grâce à un petit script, la taille de votre écran, la durée de votre visite et vos clics sur des liens vers d’autres sites et sur des téléchargements.',
    grouping:
      'Les visites sont regroupées sous un code qui change chaque jour, si bien que personne ne peut vous suivre d’un jour à l’autre. Le détail est conservé {days}\u00a0jours, les totaux {months}\u00a0mois.',
    returning: 'Un cookie ne mémorise votre précédente visite que si vous autorisez les cookies de mesure d’audience.',
    none: 'Ce site ne compte pas les visites.',
  },
  services: {
    title: 'Contenus d’autres services',
    intro:
      'Ces éléments du site proviennent d’autres services. Sauf s’ils sont nécessaires au fonctionnement du site, ils ne se chargent qu’une fois leur catégorie autorisée dans le bandeau cookies\u00a0; d’ici là, rien ne leur est envoyé.',
    head: { service: 'Service', what: 'De quoi il s’agit', category: 'Catégorie', policy: 'Sa politique de confidentialité' },
    embed: 'contenu affiché sur nos pages',
    snippet: 'code que nous avons ajouté au site',
    none: 'Le site ne charge rien depuis d’autres services.',
  },
  cookies: {
    title: 'Cookies',
    change: 'Vous pouvez modifier votre choix à tout moment avec «\u00a0{settings}\u00a0» en bas de chaque page.',
    purposes: {
      c_r_id_: 'Vérifie qu’un formulaire a bien été envoyé par une personne qui a chargé la page, pour écarter le spam. Il ne contient rien sur vous.',
      cookie_consent:
        'Mémorise vos choix de cookies sur ce site (catégories et services autorisés), pour que le bandeau ne vous les redemande pas sur chaque page.',
      c_id: 'La référence de votre dernier enregistrement de consentement, pour que vous puissiez le consulter et que nous puissions prouver votre choix.',
      usr: 'Déposé uniquement si vous autorisez la mesure d’audience\u00a0: la date de votre première visite et un nombre aléatoire, pour compter les visiteurs qui reviennent. Rien le concernant n’est conservé sur le serveur.',
      u_sp: 'Déposé lorsque vous saisissez le mot de passe d’une page protégée ou de tout le site, pour ne plus vous le demander. Il prouve quel mot de passe vous avez saisi, ne contient rien sur vous et cesse de fonctionner quand le mot de passe change.',
      lang: 'Déposé uniquement lorsque vous choisissez une langue dans le menu des langues du site, pour que le site s’ouvre dans cette langue la prochaine fois. Il ne contient que le code de la langue.',
    },
    providers: {
      'youtube.YSC': 'YouTube\u00a0: mémorise la lecture au cours d’une visite, une fois la vidéo lancée.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube\u00a0: estime la bande passante et peut servir à la publicité.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube\u00a0: conserve vos choix de cookies sur YouTube.',
      'vimeo.__cf_bm': 'Prestataire réseau de Vimeo\u00a0: distingue les personnes des robots.',
      'google-maps.NID': 'Google\u00a0: mémorise des préférences et peut servir à la publicité.',
      'calendly.__cf_bm': 'Prestataire réseau de Calendly\u00a0: distingue les personnes des robots.',
      'loom.loom_anon_comment': 'Loom\u00a0: compte les vues et les commentaires anonymes.',
      'spotify.sp_t': 'Spotify\u00a0: identifie la personne qui écoute, pour la lecture et la publicité.',
    },
  },
  rights: {
    title: 'Vos droits',
    text: 'Vous pouvez demander quelles données nous détenons sur vous, les faire corriger ou supprimer, en limiter l’utilisation ou vous y opposer, et les récupérer pour les transmettre ailleurs. Faites votre demande sur la page «\u00a0Vos droits sur vos données\u00a0» de ce site ({page})\u00a0; nous vérifions d’abord votre adresse e-mail, puis nous répondons dans le délai que nous accorde la loi du lieu où vous vivez. Vous pouvez aussi introduire une réclamation auprès d’une autorité de protection des données.',
  },
};
