// "SaaS launch": a B2B product that turns scattered customer feedback into a roadmap.
import { SiteDocument, type SiteDocumentInput } from '../site-document/schema.js';
import { fitToSchema } from '../site-document/fit.js';
import { THEMES } from '../themes/presets.js';
import { brandMark, dashboardArt } from './art.js';

export function saasDocument(name: string): SiteDocument {
  const theme = structuredClone(THEMES.indigo!);
  const p = theme.palette;
  const mark = brandMark(name, p);
  const year = new Date().getFullYear();
  const doc: SiteDocumentInput = {
    version: 1,
    defaultLanguage: 'en',
    theme,
    favicon: mark,
    navigation: {
      brand: name,
      logo: { src: mark, alt: '', width: 32, height: 32 },
      links: [
        { label: 'Product', href: '/#features' },
        { label: 'Customers', href: '/#customers' },
        { label: 'Pricing', href: '/pricing' },
        { label: 'Company', href: '/about' },
      ],
      cta: { label: 'Start free', href: '/pricing' },
    },
    footer: {
      tagline: `${name} turns every support ticket, sales call and survey answer into a roadmap your customers can see.`,
      columns: [
        {
          heading: 'Product',
          links: [
            { label: 'Features', href: '/#features' },
            { label: 'Pricing', href: '/pricing' },
            { label: 'Security', href: '/about#security' },
          ],
        },
        {
          heading: 'Company',
          links: [
            { label: 'About', href: '/about' },
            { label: 'Contact', href: '/contact' },
            { label: 'Privacy', href: '/privacy' },
          ],
        },
      ],
      legal: `© ${year} ${name}. All rights reserved.`,
    },
    pages: [
      {
        id: 'home',
        path: '/',
        title: `${name} · Customer feedback, finally in one place`,
        description: `${name} collects feedback from support, sales and your product, groups it by theme and shows you what to build next.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'hero',
              eyebrow: 'New: weekly digests for every team',
              heading: 'Build what your customers are already asking for',
              subheading: `${name} gathers feedback from support tickets, sales calls and in-app surveys, groups it into themes and tells you which ones matter most to revenue.`,
              primary: { label: 'Start your free trial', href: '/pricing' },
              secondary: { label: 'See how it works', href: '/#features' },
              image: {
                src: dashboardArt(p),
                alt: `The ${name} dashboard showing open requests, a weekly trend chart and the top feedback themes`,
                width: 1200,
                height: 760,
              },
              layout: 'centered',
            },
          },
          {
            type: 'logos',
            props: {
              id: 'logos',
              heading: 'Trusted by product teams at',
              logos: [{ name: 'Northwind' }, { name: 'Lumen Labs' }, { name: 'Paperkite' }, { name: 'Fernhill' }, { name: 'Orbital' }, { name: 'Quarry & Co' }],
            },
          },
          {
            type: 'features',
            props: {
              id: 'features',
              heading: 'From scattered notes to a clear roadmap',
              subheading: 'Stop copying quotes between tools. Every request lands in one place, already linked to the customer who made it.',
              columns: 3,
              items: [
                {
                  icon: 'layers',
                  title: 'Every source, one inbox',
                  body: 'Connect your help desk, CRM, call recorder and in-app widget in minutes. Duplicates are merged automatically.',
                },
                {
                  icon: 'sparkles',
                  title: 'Themes that find themselves',
                  body: 'Similar requests are grouped as they arrive, so you see "export to CSV" once with 84 votes, not 84 times.',
                },
                { icon: 'chart', title: 'Weighted by revenue', body: 'See which themes matter to your biggest accounts and your newest trials, side by side.' },
                {
                  icon: 'users',
                  title: 'Built for the whole team',
                  body: 'Support tags, sales adds context, product decides. Everyone sees the same picture without another meeting.',
                },
                {
                  icon: 'bell',
                  title: 'Close the loop',
                  body: 'When a feature ships, everyone who asked for it gets a short personal note. Customers notice.',
                },
                {
                  icon: 'lock',
                  title: 'Private by default',
                  body: 'Data stays in the region you choose, is encrypted at rest, and is never used to train anyone’s models.',
                },
              ],
            },
          },
          {
            type: 'testimonials',
            props: {
              id: 'customers',
              heading: 'Teams ship with more confidence',
              tone: 'surface',
              items: [
                {
                  quote: 'We used to argue about what customers wanted. Now we open the board and the answer is there, with names attached.',
                  name: 'Priya Raman',
                  role: 'Head of Product, Paperkite',
                },
                {
                  quote: 'Our support team finally feels heard. They tag a ticket once and can see exactly where that request ended up.',
                  name: 'Marcus Lindqvist',
                  role: 'Support Lead, Fernhill',
                },
                {
                  quote: `We closed two enterprise renewals by showing the roadmap items their users had voted for. ${name} paid for itself that quarter.`,
                  name: 'Dana Whitfield',
                  role: 'VP Customer Success, Orbital',
                },
              ],
            },
          },
          {
            type: 'faq',
            props: {
              id: 'faq',
              heading: 'Questions, answered',
              items: [
                {
                  question: 'How long does setup take?',
                  answer:
                    'Most teams connect their first two sources in under 15 minutes. Historic tickets are imported in the background, so you see themes on day one.',
                },
                {
                  question: 'Which tools do you integrate with?',
                  answer:
                    'Zendesk, Intercom, Help Scout, HubSpot, Salesforce, Slack, Linear and Jira out of the box, plus a simple API and email forwarding for everything else.',
                },
                {
                  question: 'Where is our data stored?',
                  answer: 'You choose the region when you sign up: Canada, Germany, India or the United States. Your data is stored and processed only there.',
                },
                {
                  question: 'Can we try it before we buy?',
                  answer: 'Yes. Every plan starts with a 14-day trial with all features enabled and no credit card required.',
                },
              ],
            },
          },
          {
            type: 'cta',
            props: {
              id: 'cta',
              heading: 'Hear every customer, not just the loudest',
              body: 'Start a free 14-day trial. Connect your first source in minutes; no credit card needed.',
              primary: { label: 'Start free trial', href: '/pricing' },
              secondary: { label: 'Talk to us', href: '/contact' },
              tone: 'primary',
            },
          },
        ],
      },
      {
        id: 'pricing',
        path: '/pricing',
        title: 'Pricing',
        description: `Simple, per-team pricing for ${name}. Start free for 14 days, no credit card required.`,
        blocks: [
          {
            type: 'pricing',
            props: {
              id: 'plans',
              heading: 'Pricing that grows with your team',
              subheading: 'Every plan includes unlimited feedback, unlimited viewers and a 14-day free trial.',
              plans: [
                {
                  name: 'Starter',
                  price: '$49',
                  period: 'per month',
                  description: 'For small teams getting their feedback in order.',
                  features: ['3 editors', '3 connected sources', 'Automatic theme grouping', 'Public roadmap page', 'Email support'],
                  cta: { label: 'Start free trial', href: '/contact' },
                },
                {
                  name: 'Growth',
                  price: '$149',
                  period: 'per month',
                  description: 'For product teams who plan around customer demand.',
                  features: [
                    '15 editors',
                    'Unlimited sources',
                    'Revenue weighting from your CRM',
                    'Close-the-loop emails',
                    'Slack and Teams digests',
                    'Priority support',
                  ],
                  cta: { label: 'Start free trial', href: '/contact' },
                  highlighted: true,
                },
                {
                  name: 'Enterprise',
                  price: 'Custom',
                  description: 'For organisations with security and compliance needs.',
                  features: ['Unlimited editors', 'SAML single sign-on', 'Audit log and data retention rules', 'Dedicated region', 'Named success manager'],
                  cta: { label: 'Contact sales', href: '/contact' },
                },
              ],
            },
          },
          {
            type: 'faq',
            props: {
              id: 'pricing-faq',
              heading: 'Billing questions',
              tone: 'surface',
              items: [
                {
                  question: 'Who counts as an editor?',
                  answer: 'Anyone who can change themes, statuses or the roadmap. People who only view, vote or tag from Slack are free and unlimited.',
                },
                { question: 'Do you offer annual billing?', answer: 'Yes. Pay annually and get two months free on Starter and Growth.' },
                {
                  question: 'What happens when the trial ends?',
                  answer: 'Nothing is deleted. You keep read-only access until you choose a plan, and you can export everything at any time.',
                },
                {
                  question: 'Do you have discounts for non-profits and startups?',
                  answer: 'Registered non-profits and startups under two years old get 50% off the Growth plan for the first year. Just ask.',
                },
              ],
            },
          },
          {
            type: 'cta',
            props: {
              id: 'pricing-cta',
              heading: 'Not sure which plan fits?',
              body: 'Tell us how your team works and we will suggest a setup. A person answers, usually within a working day.',
              primary: { label: 'Talk to us', href: '/contact' },
            },
          },
        ],
      },
      {
        id: 'about',
        path: '/about',
        title: 'About',
        description: `Why we built ${name}, and how we run it.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'about-hero',
              eyebrow: 'About us',
              heading: 'We build for the people who listen to customers',
              subheading: `${name} started as a spreadsheet shared between a support team and a product team who were tired of losing good ideas.`,
            },
          },
          {
            type: 'richtext',
            props: {
              id: 'story',
              html: `<h2>Our story</h2><p>Every company says it listens to its customers. In practice, feedback is spread across help desk tickets, call notes, survey exports and a dozen Slack channels. The people who hear it most, support and sales, rarely see what happens next.</p><p>We built ${name} so that a request is captured once, grouped with everything like it, and followed all the way to release. When it ships, the customer hears about it.</p><h2 id="security">How we handle your data</h2><ul><li>Your workspace lives in the region you choose, and only there.</li><li>Everything is encrypted in transit and at rest.</li><li>We never sell data, and we never use it to train AI models.</li><li>You can export or delete everything, at any time, from your settings.</li></ul>`,
            },
          },
          {
            type: 'features',
            props: {
              id: 'values',
              heading: 'What we value',
              columns: 3,
              tone: 'surface',
              items: [
                { icon: 'heart', title: 'Respect for attention', body: 'Fewer notifications, shorter meetings, software that gets out of the way.' },
                {
                  icon: 'shield',
                  title: 'Privacy as a feature',
                  body: 'We collect what the product needs and nothing more. It is a design constraint, not a checkbox.',
                },
                { icon: 'rocket', title: 'Ship small, ship often', body: 'We release improvements every week and tell the customers who asked for them.' },
              ],
            },
          },
        ],
      },
      {
        id: 'contact',
        path: '/contact',
        title: 'Contact',
        description: `Talk to the ${name} team about plans, security or a demo.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'contact-hero',
              eyebrow: 'Contact',
              heading: 'Talk to a person, not a funnel',
              subheading: 'Questions about plans, security reviews or a walkthrough for your team: write to us and someone from the product team will reply.',
              primary: { label: 'hello@example.com', href: 'mailto:hello@example.com' },
            },
          },
          {
            type: 'features',
            props: {
              id: 'contact-options',
              columns: 3,
              items: [
                { icon: 'mail', title: 'Sales and demos', body: 'sales@example.com. We reply within one working day.' },
                { icon: 'message', title: 'Support', body: 'support@example.com, or use the chat inside the app.' },
                { icon: 'shield', title: 'Security', body: 'security@example.com for reviews, questionnaires and responsible disclosure.' },
              ],
            },
          },
        ],
      },
      {
        id: 'privacy',
        path: '/privacy',
        title: 'Privacy',
        description: `How ${name} handles personal data on this website.`,
        blocks: [
          {
            type: 'hero',
            props: {
              id: 'privacy-hero',
              eyebrow: 'Privacy',
              heading: 'Privacy on this website',
              subheading: 'Short version: no tracking cookies, no advertising, no selling data.',
            },
          },
          {
            type: 'privacy',
            props: {
              id: 'privacy-notice',
              heading: 'How this website handles your data',
              intro: 'Written from what this site really does, and updated every time it changes.',
            },
          },
        ],
      },
    ],
  };
  return fitToSchema(SiteDocument, doc);
}
