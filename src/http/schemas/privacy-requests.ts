// Inputs and answers of privacy requests (src/rights), shared by the public
// request API, the operator console and (for sites) the subscriber's screens.
import { z } from 'zod';
import { REGIMES } from '../../rights/regimes.js';
import { REQUEST_TYPES } from '../../rights/request-types.js';
import { FULFIL_ACTIONS } from '../../rights/fulfil-platform.js';
import { Timestamp } from './common.js';

export const NewPrivacyRequest = z
  .object({
    type: z.enum(REQUEST_TYPES),
    email: z.email().max(254),
    name: z.string().trim().max(120).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1), like FR, GB, CA or US')
      .meta({ description: 'Where the requester lives: decides the deadline' }),
    subdivision: z
      .string()
      .regex(/^[A-Za-z0-9]{1,3}$/, 'a state or province code, like CA for California')
      .optional()
      .meta({ description: 'For the United States: the state (CA = California)' }),
    details: z.string().trim().min(1, 'say what the request is about').max(5000),
  })
  .meta({ id: 'NewPrivacyRequest' });

export const ConfirmPrivacyRequest = z.object({ token: z.string().min(10).max(200) }).meta({ id: 'ConfirmPrivacyRequest' });

export const PrivacyRequestFiled = z.object({ id: z.string(), message: z.string() });

export const PrivacyRequest = z
  .object({
    id: z.string(),
    siteId: z.string().nullable(),
    type: z.enum(REQUEST_TYPES),
    email: z.string(),
    name: z.string().nullable(),
    country: z.string(),
    subdivision: z.string().nullable(),
    regime: z.enum(REGIMES),
    regimeName: z.string(),
    /** Where a refused requester can complain, as the refusal mail names it. */
    authority: z.string(),
    /** What the one extension adds: "2 months", "45 days". */
    extensionPeriod: z.string(),
    details: z.string(),
    status: z.enum(['unverified', 'open', 'extended', 'completed', 'refused']),
    receivedAt: Timestamp.nullable(),
    dueAt: Timestamp.nullable(),
    acknowledgeBy: Timestamp.nullable(),
    acknowledgedAt: Timestamp.nullable(),
    extendedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    overdue: z.boolean(),
    /** Open and due within a week (the reminder window). */
    dueSoon: z.boolean(),
    /** Whole days until the deadline, negative once past it; null when answered. */
    daysLeft: z.number().int().nullable(),
    /** Platform requests: a confirmed account uses the requester's address, so operators can act on it (fulfil). */
    accountLinked: z.boolean(),
    /** Whether an extension may still be announced: open, not extended, deadline not passed. */
    canExtend: z.boolean(),
  })
  .meta({ id: 'PrivacyRequest' });

export const PrivacyRequestStep = z
  .object({
    at: Timestamp,
    actor: z.enum(['requester', 'subscriber', 'operator', 'system']),
    actorId: z.string().nullable(),
    action: z.string(),
    note: z.string().nullable(),
    mail: z.object({ to: z.string(), subject: z.string(), text: z.string() }).nullable(),
  })
  .meta({ id: 'PrivacyRequestStep' });

export const PrivacyRequestDetail = z.object({ request: PrivacyRequest, log: z.array(PrivacyRequestStep) }).meta({ id: 'PrivacyRequestDetail' });
export const PrivacyRequestList = z.object({ requests: z.array(PrivacyRequest) });
export const PrivacyRequestCounts = z
  .object({ open: z.number().int().meta({ description: 'Open or extended: waiting for an answer' }), overdue: z.number().int() })
  .meta({ id: 'PrivacyRequestCounts' });

export const ExtendInput = z.object({ reason: z.string().max(5000) }).meta({ id: 'ExtendPrivacyRequest' });
export const CloseInput = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('completed'), summary: z.string().max(10_000) }),
    z.object({ status: z.literal('refused'), reasons: z.string().max(10_000) }),
  ])
  .meta({ id: 'ClosePrivacyRequest' });
export const ListQuery = z.object({ status: z.enum(['open', 'extended', 'completed', 'refused']).optional() });

export const PrivacyRequestConfirmed = z.object({ id: z.string(), type: z.string(), status: z.string(), dueAt: Timestamp.nullable() });

export const VisitorDataQuery = z.object({
  consentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'a consent record id, as shown on the site’s cookie settings page')
    .optional(),
});

export const VisitorData = z
  .object({
    email: z.string(),
    submissions: z.array(
      z.object({
        id: z.string(),
        formId: z.string(),
        page: z.string(),
        createdAt: Timestamp,
        status: z.string(),
        readAt: Timestamp.nullable(),
        data: z.record(z.string(), z.unknown()),
        consentText: z.string().nullable(),
      }),
    ),
    deliveries: z.array(
      z.object({ submissionId: z.string().nullable(), webhookId: z.string(), attempt: z.number(), statusCode: z.number().nullable(), at: Timestamp }),
    ),
    queued: z.array(z.object({ id: z.string(), submissionId: z.string().nullable(), kind: z.string(), status: z.string(), createdAt: Timestamp })),
    consentRecords: z.array(
      z.object({
        id: z.string(),
        createdAt: Timestamp,
        functional: z.boolean(),
        analytics: z.boolean(),
        marketing: z.boolean(),
        providers: z.array(z.string()),
        gpc: z.boolean(),
        replaces: z.string().nullable(),
      }),
    ),
    disclosures: z
      .array(
        z.object({
          at: Timestamp,
          party: z.string(),
          category: z.string(),
          what: z.string(),
          whose: z.string(),
          outcome: z.string(),
        }),
      )
      .meta({ description: 'Each time the visitor’s messages or request mails went to an outside party (the mail service, a webhook): never the content' }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'VisitorData' });

export const ErasureResult = z.object({ submissions: z.number(), deliveries: z.number(), notifications: z.array(z.string()) }).meta({ id: 'ErasureResult' });

export const RectifyInput = z
  .object({ submissionId: z.string().min(1).max(100), field: z.string().min(1).max(100), value: z.string().max(10_000) })
  .meta({ id: 'RectifyVisitorData' });

export const FulfilInput = z
  .object({ action: z.enum(FULFIL_ACTIONS), name: z.string().max(100).optional().meta({ description: 'For rectify_name: the corrected name' }) })
  .meta({ id: 'FulfilPrivacyRequest' });

export const SweepReport = z
  .object({
    ranAt: Timestamp.nullable(),
    rules: z.array(z.object({ rule: z.string(), what: z.string(), keptFor: z.string(), removed: z.number().int(), error: z.string().nullable() })),
  })
  .meta({ id: 'SweepReport' });
