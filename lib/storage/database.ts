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

/** Who a LinkedIn profile became in an ATS, so the next visit shows the record without searching. */
export interface ExportRecord {
  profileUrl: string;
  provider: AtsProvider;
  candidateId: string;
  name: string;
  url: string;
  jobTitle?: string;
  exportedAt: string;
}

/**
 * The extension origin's IndexedDB. Only the background and extension pages open it: content scripts run in the
 * page's origin, where this database does not exist.
 */
export class SidecarDatabase extends Dexie {
  secrets!: EntityTable<SecretRecord, 'name'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  calls!: EntityTable<CallRecord, 'id'>;
  exports!: EntityTable<ExportRecord, 'profileUrl'>;

  constructor(name = 'sidecar') {
    super(name);
    this.version(1).stores({ secrets: 'name' });
    this.version(2).stores({ outbox: 'id, state, provider, candidateId, createdAt' });
    this.version(3).stores({ calls: 'id, [provider+candidateId], startedAt' });
    this.version(4).stores({ exports: 'profileUrl, provider' });
  }
}

export const database = new SidecarDatabase();
