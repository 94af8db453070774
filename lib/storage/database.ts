import Dexie, { type EntityTable } from 'dexie';
import type { AtsProvider } from '@/lib/core/page-context';
import type { CallRecord } from '@/lib/core/calls';
import type { OutboxRecord } from '@/lib/core/outbox';

export type { OutboxOperation, OutboxRecord, OutboxState } from '@/lib/core/outbox';

export type SecretName = AtsProvider | 'llm';

export interface SecretRecord {
  name: SecretName;
  value: string;
  updatedAt: number;
}

/**
 * The extension origin's IndexedDB. Only the background and extension pages open it: content scripts run in the
 * page's origin, where this database does not exist.
 */
export class SidecarDatabase extends Dexie {
  secrets!: EntityTable<SecretRecord, 'name'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  calls!: EntityTable<CallRecord, 'id'>;

  constructor(name = 'sidecar') {
    super(name);
    this.version(1).stores({ secrets: 'name' });
    this.version(2).stores({ outbox: 'id, state, provider, candidateId, createdAt' });
    this.version(3).stores({ calls: 'id, [provider+candidateId], startedAt' });
  }
}

export const database = new SidecarDatabase();
