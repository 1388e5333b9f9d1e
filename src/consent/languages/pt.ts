// Portuguese, worded to read naturally in Portugal and Brazil alike (pt-BR and pt-PT both use it).
import type { ConsentStrings } from '../consent-strings.js';

export const pt: ConsentStrings = {
  title: 'Cookies em {site}',
  body: 'Além do que o site precisa para funcionar, gostaríamos de usar cookies e ferramentas semelhantes para as finalidades indicadas em “Escolher”. Nenhuma é ativada sem a sua autorização. A escolha pode ser alterada a qualquer momento em “Preferências de cookies”, no rodapé de cada página.',
  noticeBody:
    'Este site usa cookies e ferramentas semelhantes para as finalidades indicadas em “Escolher”. Cada uma delas pode ser desativada a qualquer momento em “Preferências de cookies”, no rodapé de cada página.',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Recusar tudo',
  choose: 'Escolher',
  save: 'Confirmar escolhas',
  ok: 'OK',
  close: 'Fechar',
  gpcHonoured: 'O seu navegador envia o sinal Global Privacy Control; por isso, estas categorias ficam desativadas: {categories}.',
  categories: {
    necessary: { name: 'Necessários', description: 'Permitem que o site funcione e guardam as suas escolhas.' },
    functional: { name: 'Funcionais', description: 'Conteúdos incorporados e funcionalidades em uso, como vídeos, mapas ou calendários de agendamento.' },
    analytics: { name: 'Estatísticas', description: 'Contar as visitas e ver como as páginas são usadas, para melhorar o site.' },
    marketing: { name: 'Marketing', description: 'Publicidade, e conteúdos de fornecedores que podem reconhecer a sua visita em outros sites.' },
  },
  alwaysOn: 'Sempre ativos',
  settingsLink: 'Preferências de cookies',
  embedNote: 'Este conteúdo vem de {provider}, que pode definir cookies e saber que visitou esta página. Só é carregado com a sua autorização.',
  load: {
    video: 'Carregar vídeo',
    map: 'Carregar mapa',
    calendar: 'Carregar calendário',
    form: 'Carregar formulário',
    audio: 'Carregar áudio',
    content: 'Carregar conteúdo',
  },
  alwaysAllow: 'Permitir sempre {provider}',
  openAt: 'Abrir em {provider}',
  providerPolicy: 'Política de privacidade de {provider}',
  prefsTitle: 'Preferências de cookies',
  prefsIntro:
    'Escolha o que este site pode usar. Os cookies necessários estão sempre ativos. A escolha vale apenas para este site e pode ser alterada aqui a qualquer momento.',
  prefsSaved: 'As suas escolhas foram gravadas.',
  recordId: 'Referência do seu consentimento',
  cookieTable: {
    name: 'Nome',
    provider: 'Definido por',
    purpose: 'Finalidade',
    duration: 'Duração',
    category: 'Categoria',
    session: 'Até fechar o navegador',
    day: '1 dia',
    days: '{n} dias',
    year: '1 ano',
    years: '{n} anos',
  },
  backToSite: 'Voltar ao site',
};
