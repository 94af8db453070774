import { storage } from 'wxt/utils/storage';
import type { AtsProvider } from '@/lib/core/page-context';

export interface ExportPreferences {
  lastProvider?: AtsProvider;
  /** Job ids used for exports, most recent first, per ATS: they head the job list. */
  recentJobs: Partial<Record<AtsProvider, string[]>>;
}

export const exportPreferencesItem = storage.defineItem<ExportPreferences>('local:exportPreferences', {
  fallback: { recentJobs: {} },
  version: 1,
});

export async function rememberExportChoice(provider: AtsProvider, jobId: string): Promise<void> {
  const preferences = await exportPreferencesItem.getValue();
  const recent = [jobId, ...(preferences.recentJobs[provider] ?? []).filter((id) => id !== jobId)].slice(0, 10);
  await exportPreferencesItem.setValue({
    lastProvider: provider,
    recentJobs: { ...preferences.recentJobs, [provider]: recent },
  });
}
