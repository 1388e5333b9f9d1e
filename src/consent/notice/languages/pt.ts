// Portuguese (European usage, as the consent strings), formal address.
import type { NoticeStrings } from '../strings-shape.js';

export const pt: NoticeStrings = {
  title: 'Privacidade em {site}',
  who: {
    title: 'Quem é responsável',
    responsibleEmail: '{site} é responsável pelos dados pessoais que este site trata. Para qualquer questão sobre eles, escreva para {email}.',
    responsiblePage:
      '{site} é responsável pelos dados pessoais que este site trata. Para qualquer questão sobre eles, use a página “Pedidos sobre os seus dados” deste site ({page}).',
    hosted: 'O site é criado e alojado com o Atrium, que trata os dados dos visitantes apenas por nossa conta e os guarda na sua região de dados “{region}”.',
    hostedAt:
      'O site é criado e alojado com o Atrium, que trata os dados dos visitantes apenas por nossa conta e os guarda na sua região de dados “{region}” (local de armazenamento: {location}).',
  },
  forms: {
    title: 'As mensagens que nos envia',
    use: 'Quando envia um dos formulários abaixo, recebemos o que escreve. Usamo-lo apenas para lhe responder.',
    useTools:
      'Quando envia um dos formulários abaixo, recebemos o que escreve. Usamo-lo apenas para lhe responder e passamo-lo às ferramentas com que respondemos às mensagens.',
    keptMonths: 'Guardamos as mensagens durante {n} meses; depois, são apagadas automaticamente.',
    keptUntilDeleted: 'Guardamos as mensagens até as apagarmos.',
    head: { form: 'Formulário', page: 'Página', asks: 'O que pede' },
    agreement: 'o seu consentimento',
    none: 'Este site não tem formulários: não recebe nada do que escreve.',
  },
  analytics: {
    title: 'Estatísticas de visitas',
    counted:
      'Contamos as visitas sem cookies e sem guardar o seu endereço IP: a página visitada, de onde vem, o seu país e cidade (obtidos a partir do seu endereço IP, que depois é esquecido), o tipo de dispositivo, o navegador, o sistema operativo e o idioma.',
    countedBeacon:
      'Contamos as visitas sem cookies e sem guardar o seu endereço IP: a página visitada, de onde vem, o seu país e cidade (obtidos a partir do seu endereço IP, que depois é esquecido), o tipo de dispositivo, o navegador, o sistema operativo e o idioma e, através de um pequeno script, o tamanho do ecrã, quanto tempo fica e os cliques em ligações para outros sites e em transferências.',
    grouping:
      'As visitas são agrupadas sob um código que muda todos os dias, pelo que ninguém o pode seguir de um dia para o outro. Os detalhes são guardados durante {days} dias e os totais durante {months} meses.',
    returning: 'Só se autorizar os cookies de estatística é que um cookie se lembra de que já nos visitou.',
    none: 'Este site não conta visitas.',
  },
  services: {
    title: 'Conteúdos de outros serviços',
    intro:
      'Estas partes do site vêm de outros serviços. A menos que sejam necessárias para o site funcionar, só são carregadas depois de autorizar a sua categoria no aviso de cookies; até lá, nada lhes é enviado.',
    head: { service: 'Serviço', what: 'O que é', category: 'Categoria', policy: 'A sua política de privacidade' },
    embed: 'conteúdo mostrado nas nossas páginas',
    snippet: 'código que acrescentámos ao site',
    none: 'O site não carrega nada de outros serviços.',
  },
  cookies: {
    title: 'Cookies',
    change: 'Pode alterar a sua escolha a qualquer momento em “{settings}”, no rodapé de cada página.',
    purposes: {
      c_r_id_: 'Verifica que um formulário foi enviado por alguém que carregou a página, para afastar o spam. Não contém nada sobre si.',
      cookie_consent:
        'Guarda as suas escolhas de cookies neste site (que categorias e serviços autorizou), para que o aviso não volte a perguntar em cada página.',
      c_id: 'A referência do seu registo de consentimento mais recente, para que o possa consultar e nós possamos provar a sua escolha.',
      usr: 'Só é definido se autorizar as estatísticas: a data da sua primeira visita e um número aleatório, para contar os visitantes que regressam. Nada sobre ele é guardado no servidor.',
      u_sp: 'Guardado quando introduz a palavra-passe de uma página protegida ou de todo o site, para não voltar a pedi-la. Prova que palavra-passe introduziu, não contém nada sobre si e deixa de funcionar quando a palavra-passe muda.',
      lang: 'Só é definido quando escolhe um idioma no menu de idiomas do site, para que o site abra nesse idioma da próxima vez. Contém apenas o código do idioma.',
    },
    providers: {
      'youtube.YSC': 'YouTube: memoriza a reprodução durante uma visita, depois de o vídeo começar.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: estima a largura de banda e pode ser usado para publicidade.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: guarda as suas escolhas de cookies no YouTube.',
      'vimeo.__cf_bm': 'Fornecedor de rede do Vimeo: distingue pessoas de robôs.',
      'google-maps.NID': 'Google: memoriza preferências e pode ser usado para publicidade.',
      'calendly.__cf_bm': 'Fornecedor de rede do Calendly: distingue pessoas de robôs.',
      'loom.loom_anon_comment': 'Loom: conta visualizações e comentários anónimos.',
      'spotify.sp_t': 'Spotify: identifica quem ouve, para a reprodução e a publicidade.',
    },
  },
  rights: {
    title: 'Os seus direitos',
    text: 'Pode perguntar que dados temos sobre si, pedir que sejam corrigidos ou apagados, limitar ou opor-se à sua utilização, e levá-los para outro serviço. Apresente um pedido na página “Pedidos sobre os seus dados” deste site ({page}); primeiro confirmamos o seu endereço de email e depois respondemos no prazo que a lei do lugar onde vive nos dá. Pode também apresentar uma reclamação a uma autoridade de proteção de dados.',
  },
};
