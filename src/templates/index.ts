// Starter templates: complete, valid site documents a new site is created from.
import type { SiteDocument } from '../site-document/schema.js';
import { appDocument } from './app.js';
import { consultancyDocument } from './consultancy.js';
import { saasDocument } from './saas.js';

export interface Template {
  id: string;
  name: string;
  description: string;
  /** A fresh document on every call; callers may mutate it. */
  document: (siteName: string) => SiteDocument;
}

export const TEMPLATES: Record<string, Template> = {
  saas: {
    id: 'saas',
    name: 'SaaS launch',
    description: 'A product launch site with a dashboard hero, features, customer quotes, pricing and FAQ.',
    document: saasDocument,
  },
  app: {
    id: 'app',
    name: 'Mobile app',
    description: 'A consumer app site with a phone mockup, store buttons, reviews, pricing and a support page.',
    document: appDocument,
  },
  consultancy: {
    id: 'consultancy',
    name: 'Consultancy',
    description: 'A warm, serif-led site for a studio or consultancy: services with fixed prices, approach, clients and contact.',
    document: consultancyDocument,
  },
};
