// Real IndexedDB semantics in Node for Dexie (secrets, later the outbox and calls).
import 'fake-indexeddb/auto';
