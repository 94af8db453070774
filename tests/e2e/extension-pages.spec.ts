import { expect, test } from './fixtures';
import { siteCases } from './sites';

test('the options page opens with a section per ATS', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Sidecar', level: 1 })).toBeVisible();
  for (const name of ['Ashby', 'Lever', 'Pinpoint']) {
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
});

test('the popup opens and says where Sidecar works', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('popup-context')).toContainText('Open a candidate in Ashby, Lever or Pinpoint');
});

test('the panel can open the options page through the background', async ({ context, page }) => {
  await page.goto(siteCases[0]!.page.url);
  await expect(page.getByTestId('panel')).toBeVisible();
  const optionsPage = context.waitForEvent('page');
  await page.getByTestId('panel-options').click();
  await expect((await optionsPage).getByRole('heading', { name: 'Sidecar', level: 1 })).toBeVisible();
});
