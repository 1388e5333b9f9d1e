// What a person can ask of a controller about their personal data. Each type is
// a feature somewhere in Atrium (export, erasure, restriction...); a formal
// request records that it was asked for, by when it must be answered, and how.
export const REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw_consent', 'minor_removal'] as const;

export type RequestType = (typeof REQUEST_TYPES)[number];

/** Plain names, as the request page, the mails and the consoles show them. */
export const REQUEST_TYPE_NAMES: Record<RequestType, string> = {
  access: 'Access: a copy of my personal data',
  rectification: 'Correction of inaccurate data',
  erasure: 'Erasure of my data',
  restriction: 'Restriction: keep my data but stop using it',
  portability: 'Portability: my data in a machine-readable format',
  objection: 'Objection to a use of my data',
  withdraw_consent: 'Withdrawal of a consent I gave',
  minor_removal: 'Removal of content I posted as a minor (California)',
};

/** Short names for subjects and lists. */
export const REQUEST_TYPE_SHORT: Record<RequestType, string> = {
  access: 'access',
  rectification: 'correction',
  erasure: 'erasure',
  restriction: 'restriction',
  portability: 'portability',
  objection: 'objection',
  withdraw_consent: 'withdrawal of consent',
  minor_removal: 'California removal',
};
