// "Mobile app": a consumer budgeting app for couples and shared households.
import { SiteDocument, type SiteDocumentInput } from '../site-document/schema.js';
import { fitToSchema } from '../site-document/fit.js';
import { THEMES } from '../themes/presets.js';
import { brandMark, phoneArt } from './art.js';

export function appDocument(name: string): SiteDocument {
  const theme = structuredClone(THEMES.mint!);
  const p = theme.palette;
  const mark = brandMark(name, p);
  const year = new Date().getFullYear();
  const stores = {
    primary: { label: 'Download for iPhone', href: 'https://apps.apple.com/' },
    secondary: { label: 'Get it on Android', href: 'https://play.google.com/store' },
  };
  const doc: SiteDocumentInput = {
    version: 1,
    defaultLanguage: 'en',
    theme,
    favicon: mark,
    navigation: {
      brand: name,
      logo: { src: mark, alt: '', width: 32, height: 32 },
      links: [
        { label: 'How it works', href: '/#how-it-works' },
        { label: 'Pricing', href: '/pricing' },
        { label: 'Support', href: '/support' },
      ],
      cta: { label: 'Get the app', href: '/#download' },
    },
    footer: {
      tagline: `${name} is the calm way to run money together. No ads, no selling your data, ever.`,
      columns: [
        {
          heading: 'App',
          links: [
            { label: 'How it works', href: '/#how-it-works' },
            { label: 'Pricing', href: '/pricing' },
            { label: 'Download', href: '/#download' },
          ],
        },
        {
          heading: 'Help',
          links: [
            { label: 'Support', href: '/support' },
            { label: 'Contact', href: 'mailto:help@example.com' },
          ],
        },
      ],
      legal: `© ${year} ${name}. Made for households everywhere.`,
    },
    pages: [
      {
        id: 'home',
        path: '/',
        title: `${name} · Money, shared calmly`,
        description: `${name} is a budgeting app for couples and housemates: shared envelopes, fair bill splitting and savings goals you reach together.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'hero',
              eyebrow: 'Rated 4.9 by 12,000 households',
              heading: 'Money, shared calmly',
              subheading: `${name} gives couples and housemates one shared budget, fair bill splitting and goals you save for together, without spreadsheets or awkward conversations.`,
              ...stores,
              image: {
                src: phoneArt(p),
                alt: `Two phones showing ${name}: a shared monthly budget with spending envelopes, and savings goals`,
                width: 660,
                height: 780,
              },
              layout: 'split',
            },
          },
          {
            type: 'features',
            props: {
              id: 'how-it-works',
              heading: 'Everything a shared household needs',
              subheading: 'Set it up together in ten minutes. After that, it mostly runs itself.',
              columns: 3,
              tone: 'surface',
              items: [
                {
                  icon: 'layers',
                  title: 'Shared envelopes',
                  body: 'Give every euro or dollar a job: groceries, rent, fun money. Both of you see what is left, in real time.',
                },
                { icon: 'users', title: 'Fair bill splitting', body: 'Split 50/50 or by income. The app keeps a running balance so nobody has to keep score.' },
                {
                  icon: 'target',
                  title: 'Goals you reach together',
                  body: 'Save for a trip, a sofa or a safety net, and watch progress fill up as you both chip in.',
                },
                { icon: 'bell', title: 'Gentle nudges', body: 'A quiet heads-up before an envelope runs dry or a bill is due. Never a guilt trip.' },
                { icon: 'cloud', title: 'Works offline', body: 'Log a coffee on the train. Everything syncs when you are back online.' },
                { icon: 'lock', title: 'Private by design', body: 'Bank connections are read-only, data is encrypted end to end, and we never show you ads.' },
              ],
            },
          },
          {
            type: 'testimonials',
            props: {
              id: 'reviews',
              heading: 'Fewer money talks, better ones',
              items: [
                {
                  quote: 'We stopped having the "who paid for what" conversation. It is just there, and it is fair.',
                  name: 'Amara & Jonas',
                  role: 'Together 6 years, Berlin',
                },
                {
                  quote: 'Four housemates, one fridge, zero arguments about the electricity bill. I did not think that was possible.',
                  name: 'Luis Ortega',
                  role: 'Shared flat in Madrid',
                },
                {
                  quote: 'The goals screen is the first budgeting feature that actually made saving feel good.',
                  name: 'Hannah Kim',
                  role: 'Saving for a house, Toronto',
                },
              ],
            },
          },
          {
            type: 'cta',
            props: {
              id: 'download',
              heading: `Start your shared budget with ${name}`,
              body: 'Free for your first two envelopes and one goal. Upgrade when your household is ready.',
              ...stores,
              tone: 'dark',
            },
          },
        ],
      },
      {
        id: 'pricing',
        path: '/pricing',
        title: 'Pricing',
        description: `${name} is free to start. Plus and Household plans add unlimited envelopes, bank sync and more people.`,
        blocks: [
          {
            type: 'pricing',
            props: {
              id: 'plans',
              heading: 'One price for the whole household',
              subheading: 'Pay once per household, not per person. Cancel from the app at any time.',
              plans: [
                {
                  name: 'Free',
                  price: '$0',
                  description: 'Try the shared-budget habit.',
                  features: ['2 people', '2 envelopes and 1 goal', 'Manual transactions', 'Works offline'],
                  cta: { label: 'Download free', href: '/#download' },
                },
                {
                  name: 'Plus',
                  price: '$4.99',
                  period: 'per month',
                  description: 'For couples who want it all in one place.',
                  features: ['2 people', 'Unlimited envelopes and goals', 'Read-only bank sync', 'Income-based splitting', 'Monthly money review'],
                  cta: { label: 'Start 30-day trial', href: '/#download' },
                  highlighted: true,
                },
                {
                  name: 'Household',
                  price: '$7.99',
                  period: 'per month',
                  description: 'For shared flats and families.',
                  features: ['Up to 6 people', 'Everything in Plus', 'Per-person balances', 'Kids’ pocket-money envelopes'],
                  cta: { label: 'Start 30-day trial', href: '/#download' },
                },
              ],
            },
          },
          {
            type: 'faq',
            props: {
              id: 'pricing-faq',
              heading: 'Good to know',
              tone: 'surface',
              items: [
                {
                  question: 'Does each person need to pay?',
                  answer: 'No. One subscription covers everyone in the household, on any mix of iPhone and Android.',
                },
                {
                  question: 'Is bank sync safe?',
                  answer:
                    'Bank connections are read-only through regulated providers. We can see transactions, never move money, and you can disconnect at any time.',
                },
                {
                  question: 'What happens if we cancel?',
                  answer: 'Your data stays yours. You drop back to the Free plan and can export everything as a spreadsheet.',
                },
              ],
            },
          },
        ],
      },
      {
        id: 'support',
        path: '/support',
        title: 'Support',
        description: `Help with ${name}: accounts, sharing, bank sync and privacy.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'support-hero',
              eyebrow: 'Support',
              heading: 'How can we help?',
              subheading: 'Answers to the questions we hear most. Still stuck? Write to us; a real person replies within a day.',
              primary: { label: 'Email support', href: 'mailto:help@example.com' },
            },
          },
          {
            type: 'faq',
            props: {
              id: 'support-faq',
              items: [
                {
                  question: 'How do I invite my partner or housemates?',
                  answer: 'Open Settings, then Household, then Invite. They get a link that adds them to your shared budget when they install the app.',
                },
                {
                  question: 'Can I keep some spending private?',
                  answer: 'Yes. Mark an account or envelope as personal and only its total is shared, never individual transactions.',
                },
                {
                  question: 'My bank is not listed. What can I do?',
                  answer: 'You can import a CSV export from your bank, or add transactions by hand. We add new banks every month; tell us which one you need.',
                },
                {
                  question: 'How do I delete my account and data?',
                  answer: 'Settings, then Privacy, then Delete account. Everything is removed from our servers within 30 days, including backups.',
                },
              ],
            },
          },
        ],
      },
    ],
  };
  return fitToSchema(SiteDocument, doc);
}
