import { useEffect, useState } from 'react';
import type { ProfileSnapshot } from '@/lib/core/profile';
import { watchProfile } from '@/lib/providers/linkedin/profile-watcher';

/**
 * The profile on the page the user has open, read only while the panel shows it and re-read as LinkedIn loads
 * sections on scroll. Reads the DOM already there: no requests to LinkedIn.
 */
export function useProfileSnapshot(url: string): ProfileSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<ProfileSnapshot>();
  useEffect(() => watchProfile(document, new URL(url), setSnapshot), [url]);
  return snapshot;
}
