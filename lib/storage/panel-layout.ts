import { storage } from 'wxt/utils/storage';
import type { Site } from '@/lib/core/page-context';

// Kept apart from settings.ts so the panel bundle does not carry zod for one boolean per site.
/** Whether the panel is collapsed to its tab, remembered per site. */
export const panelLayoutItem = storage.defineItem<Partial<Record<Site, { collapsed: boolean }>>>('local:panelLayout', {
  fallback: {},
  version: 1,
});

export async function isPanelCollapsed(site: Site): Promise<boolean> {
  return (await panelLayoutItem.getValue())[site]?.collapsed ?? false;
}

export async function setPanelCollapsed(site: Site, collapsed: boolean): Promise<void> {
  const layout = await panelLayoutItem.getValue();
  await panelLayoutItem.setValue({ ...layout, [site]: { collapsed } });
}
