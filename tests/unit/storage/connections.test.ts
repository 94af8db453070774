import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { atsProviders } from '@/lib/core/page-context';
import { loadConnections, updateConnection } from '@/lib/storage/connections';

describe('connections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every provider when updates run at the same time', async () => {
    await Promise.all(
      atsProviders.map((provider) =>
        updateConnection(provider, () => ({ enabled: true, identity: { userId: `${provider}-user`, name: 'Hannah' } })),
      ),
    );
    const connections = await loadConnections();
    expect(atsProviders.map((provider) => connections[provider]?.identity?.userId)).toEqual([
      'ashby-user',
      'lever-user',
      'pinpoint-user',
    ]);
  });

  it('goes on after a failed update', async () => {
    await expect(
      updateConnection('ashby', () => {
        throw new Error('bad update');
      }),
    ).rejects.toThrow('bad update');
    await updateConnection('lever', () => ({ enabled: true }));
    expect((await loadConnections()).lever).toEqual({ enabled: true });
  });
});
