// Dutch, formal address (u), as the privacy request page.
import type { NoticeStrings } from '../strings-shape.js';

export const nl: NoticeStrings = {
  title: 'Privacy op {site}',
  who: {
    title: 'Wie verantwoordelijk is',
    responsibleEmail: '{site} is verantwoordelijk voor de persoonsgegevens die deze website verwerkt. Schrijf voor elke vraag daarover naar {email}.',
    responsiblePage:
      '{site} is verantwoordelijk voor de persoonsgegevens die deze website verwerkt. Gebruik voor elke vraag daarover de pagina ‘Privacyverzoeken’ van deze site ({page}).',
    hosted:
      'De site is gebouwd en wordt gehost met Atrium, dat de gegevens van bezoekers alleen in onze opdracht verwerkt en ze opslaat in zijn dataregio ‘{region}’.',
    hostedAt:
      'De site is gebouwd en wordt gehost met Atrium, dat de gegevens van bezoekers alleen in onze opdracht verwerkt en ze opslaat in zijn dataregio ‘{region}’ (opslaglocatie: {location}).',
  },
  forms: {
    title: 'Berichten die u ons stuurt',
    use: 'Als u een van de formulieren hieronder verstuurt, ontvangen we wat u invult. We gebruiken het alleen om u te antwoorden.',
    useTools:
      'Als u een van de formulieren hieronder verstuurt, ontvangen we wat u invult. We gebruiken het alleen om u te antwoorden en geven het door aan de tools waarmee we berichten beantwoorden.',
    keptMonths: 'We bewaren berichten {n} maanden; daarna worden ze automatisch verwijderd.',
    keptUntilDeleted: 'We bewaren berichten tot we ze verwijderen.',
    head: { form: 'Formulier', page: 'Pagina', asks: 'Wat het vraagt' },
    agreement: 'uw toestemming',
    none: 'Deze site heeft geen formulieren: hij ontvangt niets van wat u invult.',
  },
  analytics: {
    title: 'Bezoekstatistieken',
    counted:
      'We tellen bezoeken zonder cookies en zonder uw IP-adres op te slaan: de bekeken pagina, waar u vandaan kwam, uw land en stad (afgeleid uit uw IP-adres, dat daarna wordt vergeten), uw soort apparaat, browser, besturingssysteem en taal.',
    countedBeacon:
      'We tellen bezoeken zonder cookies en zonder uw IP-adres op te slaan: de bekeken pagina, waar u vandaan kwam, uw land en stad (afgeleid uit uw IP-adres, dat daarna wordt vergeten), uw soort apparaat, browser, besturingssysteem en taal, en via een klein script uw schermgrootte, hoe lang u blijft en klikken op links naar andere sites en op downloads.',
    grouping:
      'Bezoeken worden gegroepeerd onder een code die elke dag verandert, zodat niemand u van de ene dag op de andere kan volgen. Details worden {days} dagen bewaard, totalen {months} maanden.',
    returning: 'Alleen als u statistiekcookies toestaat, onthoudt een cookie dat u hier eerder was.',
    none: 'Deze site telt geen bezoeken.',
  },
  services: {
    title: 'Inhoud van andere diensten',
    intro:
      'Deze delen van de site komen van andere diensten. Tenzij ze nodig zijn om de site te laten werken, laden ze pas nadat u hun categorie in de cookiebanner hebt toegestaan; tot die tijd wordt er niets naar hen verstuurd.',
    head: { service: 'Dienst', what: 'Wat het is', category: 'Categorie', policy: 'Hun privacybeleid' },
    embed: 'inhoud die op onze pagina’s wordt getoond',
    snippet: 'code die we aan de site hebben toegevoegd',
    none: 'De site laadt niets van andere diensten.',
  },
  cookies: {
    title: 'Cookies',
    change: 'U kunt uw keuze altijd wijzigen via ‘{settings}’ onderaan elke pagina.',
    purposes: {
      c_r_id_: 'Controleert of een formulier is verstuurd door iemand die de pagina heeft geladen, om spam te weren. Het bevat niets over u.',
      cookie_consent:
        'Onthoudt uw cookiekeuzes op deze site (welke categorieën en diensten u hebt toegestaan), zodat de banner niet op elke pagina opnieuw vraagt.',
      c_id: 'De referentie van uw laatste toestemmingsregistratie, zodat u die kunt opzoeken en wij uw keuze kunnen aantonen.',
      usr: 'Alleen geplaatst als u statistieken toestaat: de datum van uw eerste bezoek en een willekeurig getal, zodat terugkerende bezoekers geteld kunnen worden. Op de server wordt er niets over opgeslagen.',
      u_sp: 'Wordt geplaatst wanneer u het wachtwoord van een beveiligde pagina of van de hele site invoert, zodat u het niet opnieuw hoeft in te voeren. Het bewijst welk wachtwoord u hebt ingevoerd, bevat niets over u en werkt niet meer zodra het wachtwoord verandert.',
      lang: 'Alleen geplaatst wanneer u een taal kiest in het talenmenu van de site, zodat de site de volgende keer in die taal opent. Het bevat alleen de taalcode.',
    },
    providers: {
      'youtube.YSC': 'YouTube: onthoudt het afspelen tijdens een bezoek zodra de video speelt.',
      'youtube.VISITOR_INFO1_LIVE': 'YouTube: schat de bandbreedte in en kan voor advertenties worden gebruikt.',
      'youtube.VISITOR_PRIVACY_METADATA': 'YouTube: bewaart uw cookiekeuzes op YouTube.',
      'vimeo.__cf_bm': 'Netwerkleverancier van Vimeo: onderscheidt mensen van bots.',
      'google-maps.NID': 'Google: onthoudt voorkeuren en kan voor advertenties worden gebruikt.',
      'calendly.__cf_bm': 'Netwerkleverancier van Calendly: onderscheidt mensen van bots.',
      'loom.loom_anon_comment': 'Loom: telt anonieme weergaven en reacties.',
      'spotify.sp_t': 'Spotify: herkent wie luistert, voor het afspelen en voor advertenties.',
    },
  },
  rights: {
    title: 'Uw rechten',
    text: 'U kunt vragen welke gegevens we over u hebben, ze laten corrigeren of wissen, het gebruik ervan laten beperken of er bezwaar tegen maken, en ze meenemen naar een andere dienst. Dien een verzoek in op de pagina ‘Privacyverzoeken’ van deze site ({page}); we bevestigen eerst uw e-mailadres en antwoorden dan binnen de termijn die de wet van uw woonplaats ons geeft. U kunt ook een klacht indienen bij een toezichthouder voor gegevensbescherming.',
  },
};
