// A mail as Atrium's modules write it.
export interface Message {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe on product news (RFC 8058). */
  headers?: Record<string, string>;
}
