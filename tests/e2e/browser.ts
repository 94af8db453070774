import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const e2eExtensionPath = path.resolve('.output/chrome-mv3-e2e');
export const productionExtensionPath = path.resolve('.output/chrome-mv3');

/** What is missing to run the browser tests, as instructions; empty when all is there. */
export function missingBrowserPrerequisites(extensionPaths = [e2eExtensionPath]): string[] {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) {
    missing.push(
      `Chromium not found at ${chromiumPath}. Install it with: sudo apt-get install -y chromium (or set CHROME_PATH).`,
    );
  }
  for (const extensionPath of extensionPaths) {
    if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
      missing.push(`No built extension at ${extensionPath}. Build it with: npm run build:all`);
    }
  }
  return missing;
}

export interface LaunchOptions {
  extensionPath: string;
  hostResolverRules: string;
  headless?: boolean;
  /** '' = a fresh temporary profile. */
  userDataDir?: string;
}

/**
 * Debian's Chromium with the built extension, the real ATS hostnames mapped to the sandbox, and every other host
 * unreachable. `--ignore-certificate-errors` is what lets the service worker's fetch accept the sandbox certificate.
 */
export async function launchWithExtension(
  options: LaunchOptions,
): Promise<{ context: BrowserContext; extensionId: string; serviceWorker: Worker }> {
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: chromiumPath,
    headless: options.headless ?? !process.env.HEADED,
    viewport: { width: 1440, height: 900 },
    args: [
      `--disable-extensions-except=${options.extensionPath}`,
      `--load-extension=${options.extensionPath}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle, through chrome://serviceworker-internals
 * (CDP's ServiceWorker.stopAllWorkers does not reach extension workers from a page session).
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const status = page.locator('.serviceworker-running-status .value').first();
    await status.waitFor();
    await page.locator('cr-button[data-command="stop"]').first().click();
    await page.waitForFunction(
      () => document.querySelector('.serviceworker-running-status .value')?.textContent === 'STOPPED',
    );
  } finally {
    await page.close();
  }
}
