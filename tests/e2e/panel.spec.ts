import { expect, panel, panelHost, test } from './fixtures';
import { documentWasKept, markDocument, navigateInApp, siteCases } from './sites';

for (const site of siteCases) {
  test.describe(`${site.label}`, () => {
    test('shows the panel with the page context on a recognised page, and the background answers', async ({ page }) => {
      await page.goto(site.page.url);
      await expect(panel(page)).toBeVisible();
      await expect(page.getByTestId('page-site')).toHaveText(site.label);
      await expect(page.getByTestId('page-kind')).toHaveText(site.kind);
      await expect(page.getByTestId(site.page.idTestId)).toContainText(site.page.id);
      // The round trip: content script → background (sender checked against the tab URL) → content script.
      const status = page.getByTestId('background-status');
      await expect(status).toHaveAttribute('data-state', 'connected');
      await expect(status).toHaveAttribute('data-context-site', site.site);
      await expect(panelHost(page)).toHaveCount(1);
      // Room is made for the panel, so it covers none of the page's controls.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('360px');
    });

    test('stays away from pages of the same host that are not candidate or profile pages', async ({ page }) => {
      await page.goto(site.nothing.url);
      await page.waitForLoadState('load');
      // A positive control first: in-app navigation to a recognised page shows the panel, so the script was running.
      await markDocument(page);
      await page.waitForTimeout(500);
      await expect(panelHost(page)).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
      await navigateInApp(page, new URL(site.page.url).pathname);
      await expect(panel(page)).toBeVisible();
      expect(await documentWasKept(page)).toBe(true);
    });

    test('follows in-app navigation without duplicating or leaking the panel', async ({ page }) => {
      await page.goto(site.page.url);
      await expect(page.getByTestId(site.page.idTestId)).toContainText(site.page.id);
      await markDocument(page);

      await navigateInApp(page, site.other.path);
      await expect(page.getByTestId(site.page.idTestId)).toContainText(site.other.id);
      await expect(panelHost(page)).toHaveCount(1);

      await navigateInApp(page, site.nothing.path);
      await expect(panelHost(page)).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');

      await page.goBack();
      await expect(page.getByTestId(site.page.idTestId)).toContainText(site.other.id);
      await expect(panelHost(page)).toHaveCount(1);
      expect(await documentWasKept(page)).toBe(true);
    });
  });
}

test('remembers collapsed per site across reloads', async ({ page }) => {
  const [ashby, lever] = siteCases;
  await page.goto(ashby!.page.url);
  await page.getByTestId('panel-collapse').click();
  await expect(page.getByTestId('panel-tab')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');

  await page.reload();
  await expect(page.getByTestId('panel-tab')).toBeVisible();
  await expect(panel(page)).toHaveCount(0);

  await page.goto(lever!.page.url);
  await expect(panel(page)).toBeVisible();

  await page.goto(ashby!.page.url);
  await page.getByTestId('panel-tab').click();
  await expect(panel(page)).toBeVisible();
  await page.reload();
  await expect(panel(page)).toBeVisible();
});

test('tells the page nothing: no messages posted to it while the panel loads', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.assign(window, { sidecarSeenMessages: seen });
    window.addEventListener('message', (event) => seen.push(event.data));
  });
  const linkedin = siteCases.find((site) => site.site === 'linkedin')!;
  await page.goto(linkedin.page.url);
  await expect(panel(page)).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { sidecarSeenMessages: unknown[] }).sidecarSeenMessages),
  ).toEqual([]);
});
