// The consents a subscriber can give Atrium, with the exact words shown where
// they are given (the sign-up form, account settings) and stored with each
// consent. No imports: the dashboard shows the same words from this file.
export const CONSENT_PURPOSES = {
  product_news: {
    name: 'Product news by mail',
    wording: 'Send me occasional news about Atrium by email: new features and tips, at most twice a month. I can stop them at any time.',
  },
} as const;
export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;
export const PURPOSE_IDS = Object.keys(CONSENT_PURPOSES) as [ConsentPurpose, ...ConsentPurpose[]];
