// "Consultancy": an independent operations and product consultancy.
import { SiteDocument, type SiteDocumentInput } from '../site-document/schema.js';
import { fitToSchema } from '../site-document/fit.js';
import { THEMES } from '../themes/presets.js';
import { brandMark, strategyArt } from './art.js';

export function consultancyDocument(name: string): SiteDocument {
  const theme = structuredClone(THEMES.sand!);
  const p = theme.palette;
  const year = new Date().getFullYear();
  const doc: SiteDocumentInput = {
    version: 1,
    defaultLanguage: 'en',
    theme,
    favicon: brandMark(name, p),
    navigation: {
      brand: name,
      links: [
        { label: 'Services', href: '/services' },
        { label: 'Approach', href: '/#approach' },
        { label: 'About', href: '/about' },
      ],
      cta: { label: 'Book a call', href: '/contact' },
    },
    footer: {
      tagline: `${name} helps growing companies untangle operations, so good teams can do their best work.`,
      columns: [
        {
          heading: 'Work with us',
          links: [
            { label: 'Services', href: '/services' },
            { label: 'Approach', href: '/#approach' },
            { label: 'Book a call', href: '/contact' },
          ],
        },
        {
          heading: 'Studio',
          links: [
            { label: 'About', href: '/about' },
            { label: 'Contact', href: '/contact' },
          ],
        },
      ],
      legal: `© ${year} ${name}. Independent and employee-owned.`,
    },
    pages: [
      {
        id: 'home',
        path: '/',
        title: `${name} · Operations consulting for growing companies`,
        description: `${name} is an independent consultancy that helps companies of 20 to 500 people fix the processes that slow them down.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'hero',
              eyebrow: 'Operations & product consulting',
              heading: 'Operations that keep up with your growth',
              subheading:
                'We work alongside your team for weeks, not years: find the bottlenecks that matter, fix them together, and leave you with systems your people actually use.',
              primary: { label: 'Book an intro call', href: '/contact' },
              secondary: { label: 'Our services', href: '/services' },
              image: {
                src: strategyArt(p),
                alt: 'A prioritisation matrix sketch and a result card showing order-to-cash lead time down 41%',
                width: 640,
                height: 580,
              },
              layout: 'split',
            },
          },
          {
            type: 'logos',
            props: {
              id: 'clients',
              heading: 'Recent clients',
              logos: [{ name: 'Halden Foods' }, { name: 'Brightwater' }, { name: 'Kestrel Health' }, { name: 'Osprey Freight' }, { name: 'Moss & Vine' }],
              tone: 'surface',
            },
          },
          {
            type: 'features',
            props: {
              id: 'approach',
              heading: 'How an engagement works',
              subheading: 'Short, focused phases with a clear outcome at the end of each. You can stop after any of them.',
              columns: 4,
              items: [
                { icon: 'search', title: '1. Listen', body: 'Two weeks of interviews, shadowing and data review across the teams involved.' },
                { icon: 'compass', title: '2. Prioritise', body: 'A short, honest diagnosis and a ranked plan: what to fix first, and what to leave alone.' },
                { icon: 'layers', title: '3. Rebuild', body: 'We redesign processes and tools with your team, piloting each change before rolling it out.' },
                { icon: 'trending', title: '4. Hand over', body: 'Documentation, training and metrics, so the improvements last after we leave.' },
              ],
            },
          },
          {
            type: 'testimonials',
            props: {
              id: 'testimonials',
              heading: 'What clients say',
              tone: 'surface',
              items: [
                {
                  quote: `${name} spent the first two weeks just listening. The plan they came back with was the first one our whole leadership team agreed on.`,
                  name: 'Eleanor Marsh',
                  role: 'COO, Halden Foods',
                },
                {
                  quote: 'Our order-to-cash cycle went from 19 days to 11. More importantly, the finance team stopped working weekends.',
                  name: 'Tomás Ferreira',
                  role: 'CFO, Osprey Freight',
                },
              ],
            },
          },
          {
            type: 'cta',
            props: {
              id: 'cta',
              heading: 'Let’s talk about what is slowing you down',
              body: 'A free 30-minute call. No pitch deck; just a conversation about your situation and whether we can help.',
              primary: { label: 'Book an intro call', href: '/contact' },
              tone: 'dark',
            },
          },
        ],
      },
      {
        id: 'services',
        path: '/services',
        title: 'Services',
        description: `Fixed-scope engagements from ${name}: operational diagnostics, process redesign and interim operations leadership.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'services-hero',
              eyebrow: 'Services',
              heading: 'Fixed scope, fixed price, clear outcomes',
              subheading: 'Every engagement starts with a written proposal that says exactly what you will get, when, and what it costs.',
            },
          },
          {
            type: 'pricing',
            props: {
              id: 'engagements',
              plans: [
                {
                  name: 'Diagnostic',
                  price: '€9,500',
                  period: '2 weeks',
                  description: 'A clear picture of where time and money leak, and what to do about it.',
                  features: ['Up to 15 interviews', 'Process and data review', 'Written diagnosis', 'Ranked 90-day plan', 'Leadership workshop'],
                  cta: { label: 'Start with a diagnostic', href: '/contact' },
                },
                {
                  name: 'Rebuild',
                  price: '€28,000',
                  period: '6–8 weeks',
                  description: 'We fix the top priorities with your team, hands on.',
                  features: [
                    'Everything in Diagnostic',
                    'Process redesign and pilots',
                    'Tool selection and setup',
                    'Team training',
                    'Before-and-after metrics',
                  ],
                  cta: { label: 'Plan a rebuild', href: '/contact' },
                  highlighted: true,
                },
                {
                  name: 'Interim lead',
                  price: 'From €6,000',
                  period: 'per month',
                  description: 'An experienced operations lead, two to three days a week.',
                  features: ['Hands-on leadership', 'Weekly reporting', 'Hiring support for your permanent lead', 'Cancel with one month’s notice'],
                  cta: { label: 'Discuss interim support', href: '/contact' },
                },
              ],
            },
          },
          {
            type: 'faq',
            props: {
              id: 'services-faq',
              heading: 'Common questions',
              tone: 'surface',
              items: [
                {
                  question: 'What size of company do you work with?',
                  answer: 'Usually 20 to 500 people, often just after a funding round, an acquisition or a period of fast hiring.',
                },
                {
                  question: 'Do you work remotely?',
                  answer: 'Mostly, with on-site days for interviews and workshops. We work in English, German and Portuguese.',
                },
                {
                  question: 'Who will we actually work with?',
                  answer: 'The senior consultants you meet on the first call do the work. We do not hand engagements to junior staff.',
                },
              ],
            },
          },
        ],
      },
      {
        id: 'about',
        path: '/about',
        title: 'About',
        description: `${name} is a small, independent consultancy of former operators.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'about-hero',
              eyebrow: 'About',
              heading: 'Former operators, not career consultants',
              subheading:
                'We have run support teams, supply chains and finance departments. We know what it is like to receive a slide deck and be told to "implement it".',
            },
          },
          {
            type: 'richtext',
            props: {
              id: 'about-text',
              html: `<p>${name} was founded on a simple idea: the people doing the work usually know what is broken. What they lack is the time, the mandate and an outside view to fix it.</p><p>So we do not arrive with a framework. We listen, we measure, and we build the fix together with your team. When we leave, the improvements stay, because your people designed them.</p><blockquote>The best process is the one your team would have designed themselves, if they had had three quiet weeks to do it.</blockquote><h2>What we will not do</h2><ul><li>Sell you software we get a commission on.</li><li>Bill by the hour with no end in sight.</li><li>Recommend layoffs as a substitute for fixing the work.</li></ul>`,
            },
          },
        ],
      },
      {
        id: 'contact',
        path: '/contact',
        title: 'Contact',
        description: `Book a free intro call with ${name}.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'contact-hero',
              eyebrow: 'Contact',
              heading: 'Book a free 30-minute call',
              subheading: 'Tell us a little about your company and what is getting in the way. We reply within one working day with a few times to talk.',
              primary: { label: 'hello@example.com', href: 'mailto:hello@example.com' },
              secondary: { label: '+49 30 1234 5678', href: 'tel:+493012345678' },
            },
          },
          {
            type: 'features',
            props: {
              id: 'contact-details',
              columns: 3,
              items: [
                { icon: 'pin', title: 'Studio', body: 'Oranienstraße 42, 10999 Berlin. Visits by appointment.' },
                { icon: 'clock', title: 'Hours', body: 'Monday to Friday, 9:00 to 17:30 Central European Time.' },
                { icon: 'globe', title: 'Where we work', body: 'Clients across Europe and North America, remotely and on site.' },
              ],
            },
          },
        ],
      },
    ],
  };
  return fitToSchema(SiteDocument, doc);
}
