// Response shapes of the inbox (form submissions) and webhook routes.
import { z } from 'zod';
import { Timestamp } from './common.js';

export const Folder = z.enum(['inbox', 'spam']);

/** A message a visitor sent through one of the site's forms. Every value is the visitor's own text. */
export const Submission = z
  .object({
    id: z.string(),
    formId: z.string(),
    formVersion: z.string(),
    page: z.string().meta({ description: 'Path of the page the form was on, like /contact' }),
    data: z.record(z.string(), z.union([z.string(), z.boolean()])),
    email: z.string().nullable(),
    consentText: z.string().nullable().meta({ description: 'The exact consent wording the visitor agreed to, if the form asked' }),
    status: Folder,
    spamReasons: z.array(z.string()),
    read: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Submission' });

export const SubmissionList = z.object({
  submissions: z.array(Submission),
  next: z.string().nullable().meta({ description: 'Pass as ?before= for the next page; null on the last page' }),
  unread: z.number().int(),
});

export const ExportQuery = z.object({ format: z.enum(['csv', 'json']).optional(), status: Folder.optional() });
export const SubmissionExport = z.object({ exportedAt: Timestamp, submissions: z.array(Submission) });

export const Webhook = z.object({ id: z.string(), url: z.string(), secret: z.string(), createdAt: Timestamp }).meta({ id: 'Webhook' });
export const WebhookList = z.object({ webhooks: z.array(Webhook) });

export const WebhookDelivery = z
  .object({
    id: z.string(),
    submissionId: z.string(),
    attempt: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number(),
    at: Timestamp,
  })
  .meta({ id: 'WebhookDelivery' });
export const WebhookRetry = z
  .object({
    jobId: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp,
    lastError: z.string().nullable(),
    status: z.string().meta({ description: 'pending while retries remain; failed once Atrium gave up' }),
  })
  .meta({ id: 'WebhookRetry' });
export const WebhookDeliveries = z.object({ deliveries: z.array(WebhookDelivery), retrying: z.array(WebhookRetry) });
