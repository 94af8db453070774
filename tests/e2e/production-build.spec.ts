import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test as base, expect } from '@playwright/test';
import { startSandbox } from '../sandbox/server';
import { launchWithExtension, productionExtensionPath } from './browser';
import { siteCases } from './sites';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; use_dynamic_url?: boolean }>;
}

const readManifest = (directory: string): Manifest =>
  JSON.parse(readFileSync(path.join(directory, 'manifest.json'), 'utf8')) as Manifest;

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, predicate: (node: DomNode) => boolean): boolean {
  if (predicate(node)) return true;
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].some((child) => findNode(child, predicate));
}

base.describe('production build', () => {
  base('asks for the narrowest permissions and exposes no probe-able resource', () => {
    const manifest = readManifest(productionExtensionPath);
    expect(manifest.permissions?.sort()).toEqual(['alarms', 'scripting', 'storage']);
    for (const resource of manifest.web_accessible_resources ?? []) expect(resource.use_dynamic_url).toBe(true);
    const scripts = manifest.content_scripts ?? [];
    expect(
      scripts
        .map((script) => script.matches)
        .flat()
        .sort(),
    ).toEqual([
      'https://*.pinpointhq.com/*',
      'https://app.ashbyhq.com/*',
      'https://hire.lever.co/*',
      'https://www.linkedin.com/*',
    ]);
    // React and the panel are not in the manifest: the background injects them on recognised pages only.
    expect(scripts.flatMap((script) => script.js)).not.toContain('content-scripts/panel.js');
  });

  base('keeps each site detector, which runs on every page of its host, within 10 KB gzipped', () => {
    for (const site of ['ashby', 'lever', 'pinpoint', 'linkedin']) {
      const script = readFileSync(path.join(productionExtensionPath, 'content-scripts', `${site}.js`));
      expect(gzipSync(script, { level: 9 }).length, `${site}.js gzipped`).toBeLessThanOrEqual(10 * 1024);
    }
  });

  base('is the e2e build but for the shadow root', () => {
    const production = readManifest(productionExtensionPath);
    const e2e = readManifest(path.resolve('.output/chrome-mv3-e2e'));
    expect(e2e).toEqual(production);
  });

  base('mounts the panel in a closed shadow root the page cannot open', async () => {
    const sandbox = await startSandbox();
    const { context } = await launchWithExtension({
      extensionPath: productionExtensionPath,
      hostResolverRules: sandbox.hostResolverRules,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(siteCases[1]!.page.url);
      const host = page.locator('sidecar-panel');
      await expect(host).toHaveCount(1);
      expect(await host.evaluate((element) => element.shadowRoot)).toBeNull();
      await expect(page.getByTestId('panel')).toHaveCount(0);
      // The panel still renders: CDP sees closed roots, and its text is there.
      const session = await context.newCDPSession(page);
      await expect
        .poll(async () => {
          const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
          return findNode(root, (node) => node.attributes?.join('=').includes('data-testid=panel') ?? false);
        })
        .toBe(true);
    } finally {
      await context.close();
      await sandbox.close();
    }
  });
});
