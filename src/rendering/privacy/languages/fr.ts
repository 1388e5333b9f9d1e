// French. Typographic spaces before : ; ! ? are non-breaking (\u00a0).
import type { PrivacyPageStrings } from '../strings-shape.js';

export const fr: PrivacyPageStrings = {
  link: 'Vos droits sur vos données',
  cookiePageHeading: 'Vos autres droits',
  cookiePageNote: 'Vous pouvez aussi demander à ce site une copie des données personnelles qu’il détient sur vous, ou les faire corriger ou effacer.',
  title: 'Une demande sur vos données personnelles',
  intro: 'Demandez à {site} une copie des données personnelles qu’il détient sur vous, faites-les corriger ou effacer, ou faites cesser un usage.',
  typesLegend: 'Que souhaitez-vous demander\u00a0?',
  types: {
    access: {
      name: 'Voir mes données',
      description: 'Une copie des données personnelles que le site détient sur vous, ce à quoi elles servent et à qui elles ont été transmises.',
    },
    rectification: {
      name: 'Corriger mes données',
      description: 'Une information vous concernant est fausse ou incomplète. Indiquez ci-dessous ce qui doit changer.',
    },
    erasure: {
      name: 'Effacer mes données',
      description: 'Vos données personnelles sont supprimées. Si la loi oblige le site à en garder une partie, il vous dit laquelle et pourquoi.',
    },
    restriction: {
      name: 'Suspendre l’usage de mes données',
      description: 'Le site garde vos données mais cesse de s’en servir, par exemple le temps de vérifier une correction.',
    },
    portability: {
      name: 'Récupérer mes données',
      description: 'Les données que vous avez fournies au site, dans un format courant lisible par machine, pour les transférer à un autre service.',
    },
    objection: {
      name: 'M’opposer à un usage',
      description: 'Le site cesse d’utiliser vos données pour la finalité que vous indiquez, par exemple la prospection.',
    },
    withdraw_consent: {
      name: 'Retirer mon consentement',
      description: 'Reprenez une autorisation que vous aviez donnée, par exemple pour une lettre d’information. Cela vaut pour la suite, pas pour le passé.',
    },
    minor_removal: {
      name: 'Retirer ce que j’ai publié étant mineur',
      description: 'Pour les résidents de Californie de moins de 18 ans\u00a0: le contenu que vous avez publié sur le site est retiré.',
    },
  },
  email: 'Votre adresse e-mail',
  emailHint: 'Nous y envoyons un lien pour vérifier qu’elle est bien la vôtre. Rien ne se passe tant que vous ne l’avez pas ouvert.',
  name: 'Votre nom',
  optional: 'Facultatif',
  country: 'Pays où vous vivez',
  countryHint: 'Il détermine le délai dont dispose le site pour répondre.',
  countryChoose: 'Choisissez un pays',
  state: 'État',
  stateOnlyUs: 'Uniquement pour les États-Unis',
  stateNone: 'Hors des États-Unis',
  details: 'Votre demande',
  detailsHint:
    'Quelles données sont concernées\u00a0? Pour une correction, indiquez ce qui doit changer. N’envoyez jamais de mot de passe ni de numéro de carte.',
  submit: 'Envoyer la demande',
  stepsTitle: 'Et ensuite\u00a0?',
  steps: [
    'Nous vous envoyons un lien par e-mail. Ouvrez-le dans les 7 jours pour confirmer que la demande vient bien de vous.',
    'À partir de là, {site} dispose du délai prévu par la loi de votre pays\u00a0: un mois dans l’EEE (l’UE, l’Islande, le Liechtenstein et la Norvège) et au Royaume-Uni, 30 jours au Canada, 45 jours ailleurs.',
    'La réponse arrive par e-mail. Si le site a besoin de plus de temps, il doit vous en donner la raison avant l’échéance.',
  ],
  who: 'Votre demande est adressée aux personnes qui gèrent {site}. Ce sont elles qui décident et qui vous répondent.',
  errorTitle: 'Erreur\u00a0: {title}',
  errorSummary: 'Veuillez vérifier les points suivants',
  errors: {
    type: 'Choisissez ce que vous souhaitez demander.',
    email: 'Saisissez votre adresse e-mail, par exemple nom@exemple.fr.',
    name: 'Votre nom doit faire moins de 120 caractères.',
    country: 'Choisissez le pays où vous vivez.',
    subdivision: 'Choisissez un État dans la liste.',
    details: 'Indiquez l’objet de votre demande.',
    detailsLong: 'Votre demande doit faire moins de 5\u202f000 caractères.',
  },
  sentTitle: 'Consultez vos e-mails',
  sentBody: 'Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer votre demande à {site}.',
  sentNote:
    'Le lien est valable 7 jours et rien ne se passe tant que vous ne l’avez pas ouvert. Pas d’e-mail au bout de quelques minutes\u00a0? Regardez dans vos indésirables, ou renvoyez le formulaire.',
  confirmTitle: 'Confirmez votre demande',
  confirmBody: 'Vous demandez ceci à {site}\u00a0: {type}.',
  confirmNote: 'Dès que vous confirmez, la demande est transmise et le délai de réponse commence.',
  confirmButton: 'Confirmer ma demande',
  confirmedTitle: 'Votre demande est confirmée',
  confirmedBody: '{site} a bien reçu votre demande et doit y répondre au plus tard le {date}.',
  confirmedNote:
    'Nous avons envoyé un accusé de réception à {email}. Si le site a besoin de plus de temps, il doit vous écrire avant cette date en expliquant pourquoi.',
  invalidTitle: 'Ce lien ne fonctionne pas',
  invalidBody: 'Il a déjà été utilisé, ou il date de plus de 7 jours. Si vous n’avez pas encore confirmé votre demande, envoyez-la à nouveau.',
  fileAgain: 'Faire une nouvelle demande',
  tooManyTitle: 'Trop de demandes',
  tooManyBody: 'Trop de demandes sont parties de votre réseau au cours de la dernière heure. Réessayez dans {minutes}\u00a0minutes.',
};
