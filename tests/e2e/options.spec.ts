import { atsCases, userEmail } from './ats';
import { expect, test } from './fixtures';

for (const atsCase of atsCases) {
  test(`${atsCase.label}: connect on the options page with a good key, a bad key and a read-only key`, async ({
    page,
    extensionId,
  }) => {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const section = page.getByTestId(`options-${atsCase.site}`);
    await expect(section.getByTestId('connection-state')).toHaveText('Not connected');
    if (atsCase.subdomain) await section.getByTestId('subdomain-input').fill(atsCase.subdomain);

    await section.getByTestId('key-input').fill('definitely-not-a-key');
    await section.getByTestId('test-key').click();
    await expect(section.getByTestId('key-check')).toHaveAttribute('data-valid', 'false');

    await section.getByTestId('key-input').fill(atsCase.readOnlyKey);
    await section.getByTestId('test-key').click();
    await expect(section.getByTestId('key-check')).toHaveAttribute('data-valid', 'true');
    await expect(section.getByTestId('missing-permissions')).not.toBeEmpty();

    await section.getByTestId('key-input').fill(atsCase.key);
    await section.getByTestId('test-key').click();
    await expect(section.getByTestId('key-check')).toContainText('has every permission Sidecar uses');
    await section.getByTestId('save-connection').click();
    const hint = `••••${atsCase.key.slice(-4)}`;
    await expect(section.getByTestId('connection-state')).toHaveText(`Connected ${hint}`);
    // The key is never shown back in full.
    await expect(section.getByTestId('key-input')).toHaveValue('');
    expect(await page.content()).not.toContain(atsCase.key);

    await page.getByTestId('identity-email').fill(userEmail);
    await page.getByTestId('identity-save').click();
    await expect(section.getByTestId('identity')).toContainText('Hannah Brooks');

    page.once('dialog', (dialog) => void dialog.accept());
    await section.getByTestId('disconnect').click();
    await expect(section.getByTestId('connection-state')).toHaveText('Not connected');
  });
}

test('a work email no ATS user has is reported clearly', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const ashby = atsCases[0]!;
  const section = page.getByTestId('options-ashby');
  await section.getByTestId('key-input').fill(ashby.key);
  await section.getByTestId('save-connection').click();
  await expect(section.getByTestId('connection-state')).toContainText('Connected');
  await page.getByTestId('identity-email').fill('nobody@example.com');
  await page.getByTestId('identity-save').click();
  await expect(section.getByTestId('identity-problem')).toContainText('No Ashby user has the email nobody@example.com');
});

test('an LLM endpoint is set up on the options page, its key kept like the ATS keys', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.getByTestId('options-llm');
  await expect(section.getByTestId('llm-state')).toHaveText('Built-in summaries');
  await section.getByTestId('llm-base-url').fill('https://llm.sidecar.test/v1');
  await section.getByTestId('llm-model').fill('sandbox-summary-1');
  await section.getByTestId('llm-key').fill('sbx_llm_key');
  await section.getByTestId('llm-save').click();
  await expect(section.getByTestId('llm-state')).toHaveText('Using sandbox-summary-1');
  await expect(section.getByTestId('llm-key')).toHaveValue('');
  await expect(section.getByTestId('llm-key')).toHaveAttribute('placeholder', 'Saved key ••••_key');
});
