// Response shapes of the sign-up, log-in, session and account routes.
import { z } from 'zod';
import { Timestamp } from './common.js';

export const Subscriber = z.object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean() }).meta({ id: 'Subscriber' });

export const SessionStarted = z.object({
  subscriberId: z.string(),
  csrfToken: z.string().meta({ description: 'Send as the X-CSRF-Token header on every state-changing request' }),
});
export const SignedUp = SessionStarted.extend({ workspaceId: z.string() });
export const SessionInfo = z.object({ subscriber: Subscriber, csrfToken: z.string() });
export const CsrfToken = z.object({ csrfToken: z.string() });
export const RevokedSessions = z.object({ revokedSessions: z.number().int() });
export const Verified = z.object({ verified: z.literal(true) });
export const VerificationSent = z.object({ alreadyVerified: z.boolean() });

export const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    createdAt: Timestamp,
    activeSessions: z.number().int(),
    processingRestrictedAt: Timestamp.nullable().meta({ description: 'Set while you restrict processing of your data' }),
  })
  .meta({ id: 'Account' });

export const DeleteAccountInput = z.object({ password: z.string().min(1, 'enter your password to confirm').max(1000) }).meta({ id: 'DeleteAccountInput' });
export const AccountDeleted = z
  .object({ sites: z.number().int(), workspaces: z.number().int(), kept: z.array(z.string()) })
  .meta({ id: 'AccountDeleted', description: 'What was erased, and what is kept and why' });

export const ConsentList = z
  .object({
    purposes: z.array(z.object({ purpose: z.string(), name: z.string(), wording: z.string(), active: z.boolean() })),
    history: z.array(
      z.object({
        id: z.string(),
        purpose: z.string(),
        name: z.string(),
        wording: z.string(),
        grantedAt: Timestamp,
        withdrawnAt: Timestamp.nullable(),
        withdrawnVia: z.enum(['settings', 'one-click']).nullable(),
      }),
    ),
  })
  .meta({ id: 'ConsentList' });
export const Restriction = z.object({ processingRestrictedAt: Timestamp.nullable() }).meta({ id: 'Restriction' });
