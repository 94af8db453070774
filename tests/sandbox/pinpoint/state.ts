import type { SandboxData } from '../store.ts';

export interface PinpointAttachment {
  context: 'cv';
  filename: string;
  contentType: string;
  size: number;
}

/** What Pinpoint keeps beyond the neutral store (store.ts): kept per store, so `reset()` drops it with the store. */
export interface PinpointState {
  /** Jobs whose visibility is `confidential`: hidden, with their applications, unless a filter asks for them. */
  confidentialJobIds: Set<string>;
  /** The application each comment is on (the store keeps notes per person); seeded notes sit on the first one. */
  commentApplications: Map<string, string>;
  /** First and last name as entered, by candidate id (the store keeps one name string). */
  names: Map<string, { firstName: string; lastName: string }>;
  /** CVs received with `POST /applications`, by application id. */
  attachments: Map<string, PinpointAttachment[]>;
  /** Emails Pinpoint would have sent because `skip_notifications_on_create` was not set. */
  notifications: Array<{ to: string; subject: string }>;
}

const states = new WeakMap<SandboxData, PinpointState>();

/** The Data Engineer job is confidential in the sandbox, so clients meet pinpoint-api.md §5 pitfall 2. */
export const confidentialJobId = '4823';

export function pinpointState(data: SandboxData): PinpointState {
  let state = states.get(data);
  if (!state) {
    state = {
      confidentialJobIds: new Set([confidentialJobId]),
      commentApplications: new Map(),
      names: new Map(),
      attachments: new Map(),
      notifications: [],
    };
    states.set(data, state);
  }
  return state;
}
