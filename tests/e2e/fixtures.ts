import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { e2eExtensionPath, launchWithExtension } from './browser';

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  page: Page;
}

interface WorkerFixtures {
  sandbox: Sandbox;
}

/** One sandbox per worker; a fresh Chromium profile with the e2e build per test. */
export const test = base.extend<
  TestFixtures & { launched: Awaited<ReturnType<typeof launchWithExtension>> },
  WorkerFixtures
>({
  sandbox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sandbox = await startSandbox();
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  launched: async ({ sandbox }, use) => {
    sandbox.reset();
    const launched = await launchWithExtension({
      extensionPath: e2eExtensionPath,
      hostResolverRules: sandbox.hostResolverRules,
    });
    await use(launched);
    await launched.context.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
});

export { expect };

/** The panel host element (the e2e build's shadow root is open, so locators reach inside). */
export const panelHost = (page: Page) => page.locator('sidecar-panel');
export const panel = (page: Page) => page.getByTestId('panel');
