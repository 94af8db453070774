import Dexie, { type EntityTable } from 'dexie';
import type { AtsProvider } from '@/lib/core/page-context';

export type SecretName = AtsProvider | 'llm';

export interface SecretRecord {
  name: SecretName;
  value: string;
  updatedAt: number;
}

/**
 * The extension origin's IndexedDB. Only the background and extension pages open it: content scripts run in the
 * page's origin, where this database does not exist. Later versions add the outbox and the calls.
 */
export class SidecarDatabase extends Dexie {
  secrets!: EntityTable<SecretRecord, 'name'>;

  constructor(name = 'sidecar') {
    super(name);
    this.version(1).stores({ secrets: 'name' });
  }
}

export const database = new SidecarDatabase();
