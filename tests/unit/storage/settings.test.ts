import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPanelCollapsed, setPanelCollapsed } from '@/lib/storage/panel-layout';
import { loadSettings, settingsItem } from '@/lib/storage/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to empty settings', async () => {
    expect(await loadSettings()).toEqual({});
  });

  it('drops a stored value that no longer validates instead of crashing', async () => {
    await settingsItem.setValue({ userEmail: 'not-an-email' });
    expect(await loadSettings()).toEqual({});
    await settingsItem.setValue({ userEmail: 'sam@example.com' });
    expect(await loadSettings()).toEqual({ userEmail: 'sam@example.com' });
  });

  it('keeps API keys out of storage.local entirely', async () => {
    await settingsItem.setValue({ userEmail: 'sam@example.com' });
    const everything = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(everything)).not.toMatch(/key/i);
  });
});

describe('panel layout', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers collapsed per site, independently', async () => {
    expect(await isPanelCollapsed('lever')).toBe(false);
    await setPanelCollapsed('lever', true);
    expect(await isPanelCollapsed('lever')).toBe(true);
    expect(await isPanelCollapsed('ashby')).toBe(false);
    await setPanelCollapsed('lever', false);
    expect(await isPanelCollapsed('lever')).toBe(false);
  });
});
