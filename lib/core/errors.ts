import type { Site } from './page-context';

/**
 * Every failure that crosses the message boundary is one of these kinds (design.md, rule 3).
 * `internal` is for Sidecar's own faults (a bug, or the extension reloaded under the page).
 */
export const errorKinds = [
  'auth',
  'permission',
  'not-found',
  'invalid-input',
  'rate-limited',
  'network',
  'upstream',
  'invalid-response',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

/** Who answered: an ATS, LinkedIn, or the user's own LLM endpoint. */
export type ServiceName = Site | 'llm';

/** Plain data, so it survives structured cloning between contexts. */
export interface SidecarErrorData {
  kind: ErrorKind;
  message: string;
  provider?: ServiceName;
  status?: number;
  /** Seconds until a retry is worthwhile (from `Retry-After`). */
  retryAfter?: number;
  /** Set when the provider has no key yet: the UI links to Options instead of blaming the key. */
  notConnected?: true;
  /** The form field an ATS validation error is about (its id in the ATS), so the panel can show it there. */
  fieldId?: string;
}

export class SidecarError extends Error {
  readonly data: SidecarErrorData;

  constructor(data: SidecarErrorData) {
    super(data.message);
    this.name = 'SidecarError';
    this.data = data;
  }
}

/** Turns anything thrown into error data without leaking stack traces or payloads. */
export function toErrorData(error: unknown): SidecarErrorData {
  if (error instanceof SidecarError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: message || 'Unexpected error' };
}

/** One sentence a recruiter can act on, per kind. */
export function describeError(error: SidecarErrorData): string {
  switch (error.kind) {
    case 'auth':
      return error.notConnected ? error.message : 'The API key was refused. Check it in Sidecar Options.';
    case 'permission':
      return `The API key is missing a permission: ${error.message}`;
    case 'not-found':
      return `Not found: ${error.message}`;
    case 'invalid-input':
      return `Sidecar sent something the other side could not accept: ${error.message}`;
    case 'rate-limited':
      return error.retryAfter !== undefined
        ? `Too many requests. Sidecar will retry in ${error.retryAfter} s.`
        : 'Too many requests. Sidecar will retry shortly.';
    case 'network':
      return `Could not reach the server: ${error.message}`;
    case 'upstream':
      return `The server had a problem: ${error.message}`;
    case 'invalid-response':
      return `The server answered in an unexpected shape: ${error.message}`;
    case 'internal':
      return `Sidecar hit a problem: ${error.message}`;
  }
}
