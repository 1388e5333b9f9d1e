// Spanish, addressing the visitor as "tú".
import type { ConsentStrings } from '../consent-strings.js';

export const es: ConsentStrings = {
  title: 'Cookies en {site}',
  body: 'Además de lo que el sitio necesita para funcionar, nos gustaría usar cookies y herramientas similares para los fines que se indican en «Elegir». Ninguna se activa si no lo permites. Puedes cambiar tu elección cuando quieras desde «Configuración de cookies», al pie de cada página.',
  noticeBody:
    'Este sitio usa cookies y herramientas similares para los fines que se indican en «Elegir». Puedes desactivar cualquiera de ellas cuando quieras desde «Configuración de cookies», al pie de cada página.',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  choose: 'Elegir',
  save: 'Guardar mi elección',
  ok: 'Entendido',
  close: 'Cerrar',
  gpcHonoured: 'Tu navegador envía la señal Global Privacy Control, así que esto queda desactivado: {categories}.',
  categories: {
    necessary: { name: 'Necesarias', description: 'Hacen que el sitio funcione y recuerdan tu elección.' },
    functional: { name: 'Funcionales', description: 'Contenido integrado y funciones que usas, como vídeos, mapas o calendarios de reservas.' },
    analytics: { name: 'Analíticas', description: 'Cuentan las visitas y muestran cómo se usan las páginas, para mejorar el sitio.' },
    marketing: { name: 'Marketing', description: 'Publicidad, y contenido de proveedores que pueden reconocerte en otros sitios.' },
  },
  alwaysOn: 'Siempre activas',
  settingsLink: 'Configuración de cookies',
  embedNote: 'Este contenido procede de {provider}, que puede instalar cookies y saber que has visitado esta página. Solo se carga si lo permites.',
  load: {
    video: 'Cargar el vídeo',
    map: 'Cargar el mapa',
    calendar: 'Cargar el calendario',
    form: 'Cargar el formulario',
    audio: 'Cargar el reproductor',
    content: 'Cargar el contenido',
  },
  alwaysAllow: 'Permitir siempre {provider}',
  openAt: 'Abrir en {provider}',
  providerPolicy: 'Política de privacidad de {provider}',
  prefsTitle: 'Configuración de cookies',
  prefsIntro:
    'Elige qué puede usar este sitio. Las cookies necesarias están siempre activas. Tu elección solo se aplica a este sitio y puedes cambiarla aquí cuando quieras.',
  prefsSaved: 'Hemos guardado tu elección.',
  recordId: 'Referencia de tu consentimiento',
  cookieTable: {
    name: 'Nombre',
    provider: 'Instalada por',
    purpose: 'Finalidad',
    duration: 'Duración',
    category: 'Categoría',
    session: 'Hasta que cierres el navegador',
    day: '1 día',
    days: '{n} días',
    year: '1 año',
    years: '{n} años',
  },
  backToSite: 'Volver al sitio',
};
