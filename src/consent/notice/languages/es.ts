// Spanish, formal address (usted), as the privacy request page.
import type { NoticeStrings } from '../strings-shape.js';

export const es: NoticeStrings = {
  title: 'Privacidad en {site}',
  who: {
    title: 'Quién es responsable',
    responsibleEmail: '{site} es responsable de los datos personales que trata este sitio web. Para cualquier pregunta al respecto, escriba a {email}.',
    responsiblePage:
      '{site} es responsable de los datos personales que trata este sitio web. Para cualquier pregunta al respecto, use la página «Solicitudes sobre sus datos» de este sitio ({page}).',
    hosted:
      'El sitio está creado y alojado con Atrium, que trata los datos de los visitantes solo por cuenta nuestra y los guarda en su región de datos «{region}».',
    hostedAt:
      'El sitio está creado y alojado con Atrium, que trata los datos de los visitantes solo por cuenta nuestra y los guarda en su región de datos «{region}» (lugar de almacenamiento: {location}).',
  },
  forms: {
    title: 'Los mensajes que nos envía',
    use: 'Cuando envía uno de los formularios siguientes, recibimos lo que escribe. Solo lo usamos para responderle.',
    useTools:
      'Cuando envía uno de los formularios siguientes, recibimos lo que escribe. Solo lo usamos para responderle y lo pasamos a las herramientas con las que respondemos los mensajes.',
    keptMonths: 'Guardamos los mensajes durante {n} meses; después se eliminan automáticamente.',
    keptUntilDeleted: 'Guardamos los mensajes hasta que los eliminamos.',
    head: { form: 'Formulario', page: 'Página', asks: 'Qué pide' },
    agreement: 'su consentimiento',
    none: 'Este sitio no tiene formularios: no recibe nada de lo que escribe.',
  },
  analytics: {
    title: 'Estadísticas de visitas',
    counted:
      'Contamos las visitas sin cookies y sin guardar su dirección IP: la página visitada, de dónde viene, su país y su ciudad (obtenidos de su dirección IP, que después se descarta), su tipo de dispositivo, su navegador, su sistema operativo y su idioma.',
    countedBeacon:
      'Contamos las visitas sin cookies y sin guardar su dirección IP: la página visitada, de dónde viene, su país y su ciudad (obtenidos de su dirección IP, que después se descarta), su tipo de dispositivo, su navegador, su sistema operativo y su idioma y, mediante un pequeño script, el tamaño de su pantalla, cuánto tiempo permanece y los clics en enlaces a otros sitios y en descargas.',
    grouping:
      'Las visitas se agrupan bajo un código que cambia cada día, de modo que nadie puede seguirle de un día a otro. Los detalles se guardan {days} días; los totales, {months} meses.',
    returning: 'Solo si permite las cookies analíticas, una cookie recuerda que ya nos ha visitado.',
    none: 'Este sitio no cuenta las visitas.',
  },
  services: {
    title: 'Contenido de otros servicios',
    intro:
      'Estas partes del sitio proceden de otros servicios. Salvo que sean necesarias para que el sitio funcione, solo se cargan después de que usted permita su categoría en el aviso de cookies; hasta entonces, no se les envía nada.',
    head: { service: 'Servicio', what: 'Qué es', category: 'Categoría', policy: 'Su política de privacidad' },
    embed: 'contenido que se muestra en nuestras páginas',
    snippet: 'código que hemos añadido al sitio',
    none: 'El sitio no carga nada de otros servicios.',
  },
  cookies: {
    title: 'Cookies',
    change: 'Puede cambiar su elección en cualquier momento desde «{settings}», al pie de cada página.',
    purposes: {
      c_r_id_: 'Comprueba que un formulario lo envía alguien que ha cargado la página, para frenar el spam. No contiene nada sobre usted.',
      cookie_consent:
        'Recuerda sus preferencias de cookies en este sitio (qué categorías y servicios ha permitido), para que el aviso no vuelva a preguntar en cada página.',
      c_id: 'La referencia de su último registro de consentimiento, para que pueda consultarlo y podamos demostrar lo que eligió.',
      usr: 'Solo se instala si permite las analíticas: la fecha de su primera visita y un número aleatorio, para contar los visitantes que vuelven. En el servidor no se guarda nada sobre ella.',
      u_sp: 'Se guarda cuando introduce la contraseña de una página protegida o de todo el sitio, para no volver a pedírsela. Demuestra qué contraseña introdujo, no contiene nada sobre usted y deja de funcionar cuando la contraseña cambia.',
      lang: 'Solo se guarda cuando elige un idioma en el menú de idiomas del sitio, para que el sitio se abra en ese idioma la próxima vez. Solo contiene el código del idioma.',
    },
    providers: {
      'youtube.YSC': 'YouTube: recuerda la reproducción durante una visita, una vez que empieza el vídeo.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: estima el ancho de banda y puede usarse para publicidad.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: guarda sus preferencias de cookies en YouTube.',
      'vimeo.__cf_bm': 'Proveedor de red de Vimeo: distingue a las personas de los bots.',
      'google-maps.NID': 'Google: recuerda preferencias y puede usarse para publicidad.',
      'calendly.__cf_bm': 'Proveedor de red de Calendly: distingue a las personas de los bots.',
      'loom.loom_anon_comment': 'Loom: cuenta las visualizaciones y los comentarios anónimos.',
      'spotify.sp_t': 'Spotify: identifica a quien escucha, para la reproducción y la publicidad.',
    },
  },
  rights: {
    title: 'Sus derechos',
    text: 'Puede preguntar qué datos tenemos sobre usted, pedir que se corrijan o se supriman, limitar su uso u oponerse a él, y llevárselos a otro servicio. Presente su solicitud en la página «Solicitudes sobre sus datos» de este sitio ({page}); primero confirmamos su dirección de correo y después respondemos en el plazo que nos da la ley del lugar donde vive. También puede presentar una reclamación ante una autoridad de protección de datos.',
  },
};
