// The words of the password page of protected sites and pages, in the
// languages Atrium ships (as the consent banner does); English for any other.
// Our own wording, plain. {site} is the site's name.

export interface PasswordPageStrings {
  /** Heading when the whole site asks for its password. */
  siteHeading: string;
  siteIntro: string;
  /** Heading when one page asks for its own password. */
  pageHeading: string;
  pageIntro: string;
  label: string;
  submit: string;
  wrong: string;
  empty: string;
  tooMany: string;
  /** What entering the password leaves in the browser. */
  cookieNote: string;
  home: string;
}

const en: PasswordPageStrings = {
  siteHeading: 'This site is protected',
  siteIntro: 'Enter the password to visit {site}.',
  pageHeading: 'This page is protected',
  pageIntro: 'This page of {site} has its own password. Enter it to continue.',
  label: 'Password',
  submit: 'Continue',
  wrong: 'That password is not right. Check it and try again.',
  empty: 'Enter the password to continue.',
  tooMany: 'Too many wrong passwords. Wait a few minutes, then try again.',
  cookieNote: 'Your browser keeps a cookie for a year so you are not asked again. It proves you entered the password and holds nothing about you.',
  home: 'Go to the home page',
};

const fr: PasswordPageStrings = {
  siteHeading: 'Ce site est protégé',
  siteIntro: 'Saisissez le mot de passe pour accéder à {site}.',
  pageHeading: 'Cette page est protégée',
  pageIntro: 'Cette page de {site} a son propre mot de passe. Saisissez-le pour continuer.',
  label: 'Mot de passe',
  submit: 'Continuer',
  wrong: 'Ce mot de passe n’est pas le bon. Vérifiez-le et réessayez.',
  empty: 'Saisissez le mot de passe pour continuer.',
  tooMany: 'Trop de mots de passe erronés. Patientez quelques minutes, puis réessayez.',
  cookieNote:
    'Votre navigateur garde un cookie pendant un an pour ne plus vous le demander. Il prouve que vous avez saisi le mot de passe et ne contient rien sur vous.',
  home: 'Aller à la page d’accueil',
};

const de: PasswordPageStrings = {
  siteHeading: 'Diese Website ist geschützt',
  siteIntro: 'Geben Sie das Passwort ein, um {site} zu besuchen.',
  pageHeading: 'Diese Seite ist geschützt',
  pageIntro: 'Diese Seite von {site} hat ein eigenes Passwort. Geben Sie es ein, um fortzufahren.',
  label: 'Passwort',
  submit: 'Weiter',
  wrong: 'Dieses Passwort stimmt nicht. Prüfen Sie es und versuchen Sie es erneut.',
  empty: 'Geben Sie das Passwort ein, um fortzufahren.',
  tooMany: 'Zu viele falsche Passwörter. Warten Sie einige Minuten und versuchen Sie es dann erneut.',
  cookieNote:
    'Ihr Browser speichert ein Jahr lang ein Cookie, damit Sie nicht erneut gefragt werden. Es belegt nur, dass Sie das Passwort eingegeben haben, und enthält nichts über Sie.',
  home: 'Zur Startseite',
};

const es: PasswordPageStrings = {
  siteHeading: 'Este sitio está protegido',
  siteIntro: 'Introduce la contraseña para visitar {site}.',
  pageHeading: 'Esta página está protegida',
  pageIntro: 'Esta página de {site} tiene su propia contraseña. Introdúcela para continuar.',
  label: 'Contraseña',
  submit: 'Continuar',
  wrong: 'Esa contraseña no es correcta. Compruébala e inténtalo de nuevo.',
  empty: 'Introduce la contraseña para continuar.',
  tooMany: 'Demasiadas contraseñas incorrectas. Espera unos minutos y vuelve a intentarlo.',
  cookieNote:
    'Tu navegador guarda una cookie durante un año para no volver a pedírtela. Solo demuestra que introdujiste la contraseña y no contiene nada sobre ti.',
  home: 'Ir a la página de inicio',
};

const it: PasswordPageStrings = {
  siteHeading: 'Questo sito è protetto',
  siteIntro: 'Inserisci la password per visitare {site}.',
  pageHeading: 'Questa pagina è protetta',
  pageIntro: 'Questa pagina di {site} ha una sua password. Inseriscila per continuare.',
  label: 'Password',
  submit: 'Continua',
  wrong: 'La password non è corretta. Controllala e riprova.',
  empty: 'Inserisci la password per continuare.',
  tooMany: 'Troppe password errate. Attendi qualche minuto, poi riprova.',
  cookieNote:
    'Il tuo browser conserva un cookie per un anno, così non ti verrà chiesta di nuovo. Dimostra solo che hai inserito la password e non contiene nulla su di te.',
  home: 'Vai alla pagina iniziale',
};

const nl: PasswordPageStrings = {
  siteHeading: 'Deze site is beveiligd',
  siteIntro: 'Voer het wachtwoord in om {site} te bezoeken.',
  pageHeading: 'Deze pagina is beveiligd',
  pageIntro: 'Deze pagina van {site} heeft een eigen wachtwoord. Voer het in om verder te gaan.',
  label: 'Wachtwoord',
  submit: 'Doorgaan',
  wrong: 'Dat wachtwoord klopt niet. Controleer het en probeer het opnieuw.',
  empty: 'Voer het wachtwoord in om verder te gaan.',
  tooMany: 'Te veel verkeerde wachtwoorden. Wacht een paar minuten en probeer het dan opnieuw.',
  cookieNote:
    'Je browser bewaart een jaar lang een cookie, zodat je het niet opnieuw hoeft in te voeren. Het bewijst alleen dat je het wachtwoord hebt ingevoerd en bevat niets over jou.',
  home: 'Naar de startpagina',
};

const pt: PasswordPageStrings = {
  siteHeading: 'Este site está protegido',
  siteIntro: 'Introduza a palavra-passe para visitar {site}.',
  pageHeading: 'Esta página está protegida',
  pageIntro: 'Esta página de {site} tem a sua própria palavra-passe. Introduza-a para continuar.',
  label: 'Palavra-passe',
  submit: 'Continuar',
  wrong: 'Essa palavra-passe não está correta. Verifique-a e tente novamente.',
  empty: 'Introduza a palavra-passe para continuar.',
  tooMany: 'Demasiadas palavras-passe erradas. Aguarde alguns minutos e tente novamente.',
  cookieNote:
    'O seu navegador guarda um cookie durante um ano para não voltar a pedir-lha. Prova apenas que introduziu a palavra-passe e não contém nada sobre si.',
  home: 'Ir para a página inicial',
};

const LANGUAGES: Record<string, PasswordPageStrings> = { en, fr, de, es, it, nl, pt };

/** The page's words for a language tag ("pt-BR" uses "pt"), English when the language is not shipped. */
export function passwordPageStrings(lang: string): PasswordPageStrings {
  return LANGUAGES[lang.toLowerCase().split('-')[0]!] ?? en;
}
