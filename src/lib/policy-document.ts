// The shape of a generated policy: sections of paragraphs, lists and tables,
// plus the facts it states (cookies, parties, regions, purposes, retention)
// so versions can be compared for material changes and tests can check it
// against the registries and the live configuration.
export type Block = { kind: 'p'; text: string } | { kind: 'list'; items: string[] } | { kind: 'table'; head: string[]; rows: string[][] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface PolicyFacts {
  cookies: string[];
  subProcessors: string[];
  regions: string[];
  purposes: string[];
  /** Rule id -> how long, in words. */
  retention: Record<string, string>;
}

export interface PolicyDocument {
  title: string;
  sections: Section[];
  facts: PolicyFacts;
}

export const p = (text: string): Block => ({ kind: 'p', text });
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const table = (head: string[], rows: string[][]): Block => ({ kind: 'table', head, rows });
