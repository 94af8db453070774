import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { atsCases, connect, sendFromExtensionPage, type AtsCase } from './ats';
import { e2eExtensionPath, launchWithExtension } from './browser';
import { expect, test } from './fixtures';

const priyaTranscript = path.resolve('tests/fixtures/transcripts/priya-raman-technical.vtt');

async function openCalls(page: Page, context: BrowserContext, extensionId: string, atsCase: AtsCase) {
  await connect(context, extensionId, [atsCase]);
  await page.goto(atsCase.candidateUrl);
  await expect(page.getByTestId('candidate-name')).toHaveText(atsCase.candidateName);
  await page.getByTestId('tab-calls').click();
  await expect(page.getByTestId('calls-tab')).toBeVisible();
}

async function importTranscript(page: Page, file = priyaTranscript) {
  await page.getByTestId('transcript-file').setInputFiles(file);
  await expect(page.getByTestId('call-view')).toBeVisible({ timeout: 15_000 });
}

test('typed notes are saved as you type and are there after a reload', async ({ page, context, extensionId }) => {
  await openCalls(page, context, extensionId, atsCases[0]!);
  await page.getByTestId('new-call').click();
  await page.getByTestId('notes-input').pressSequentially('Strong on idempotency; asked about on-call.', { delay: 5 });
  await expect(page.getByTestId('notes-state')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('tab-calls').click();
  await page.getByTestId('call-row').first().click();
  await expect(page.getByTestId('notes-input')).toHaveValue('Strong on idempotency; asked about on-call.');
});

test('importing a Zoom VTT shows a summary built from the call, and a searchable transcript', async ({
  page,
  context,
  extensionId,
}) => {
  await openCalls(page, context, extensionId, atsCases[1]!);
  await importTranscript(page);
  await expect(page.getByTestId('summary')).toHaveAttribute('data-source', 'built-in');
  await expect(page.getByTestId('summary-tldr')).not.toBeEmpty();
  await expect(page.getByTestId('summary-constraints')).toContainText(/three months/i);
  await expect(page.getByTestId('summary-key-points')).toBeVisible();
  await page.getByTestId('transcript-search').fill('idempoten');
  await expect(page.getByTestId('transcript-segment').first()).toContainText(/idempoten/i);
  await page.getByTestId('calls-back').click();
  await expect(page.getByTestId('call-tldr').first()).not.toBeEmpty();
});

test('a broken transcript is refused with the line at fault, and nothing is imported', async ({
  page,
  context,
  extensionId,
}) => {
  await openCalls(page, context, extensionId, atsCases[0]!);
  await page.getByTestId('transcript-file').setInputFiles({
    name: 'broken.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n1\n00:00:01.000 --> banana\nHello there\n'),
  });
  await expect(page.getByTestId('error-notice')).toContainText(/line \d+/i);
  await expect(page.getByTestId('calls')).toHaveCount(0);
});

for (const atsCase of atsCases) {
  test(`${atsCase.label}: Post to ATS writes the summary as a note once, and a colleague reads it back structured`, async ({
    page,
    context,
    extensionId,
    sandbox,
  }) => {
    await openCalls(page, context, extensionId, atsCase);
    await importTranscript(page);
    const tldr = (await page.getByTestId('summary-tldr').textContent()) ?? '';
    await page.getByTestId('post-summary').click();
    await page.getByTestId('post-confirm-button').click();
    await page.getByTestId('calls-back').click();
    await page.getByTestId('tab-candidate').click();
    await expect(page.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    const posts = sandbox.requests.filter(
      (request) =>
        request.method === 'POST' &&
        (request.path === '/candidate.createNote' ||
          /\/notes/.test(request.path) ||
          request.path.startsWith('/api/v1/comments')),
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toContain('sidecar:summary:v1:');

    // A hiring manager: a fresh browser profile, only the ATS connected, no local calls.
    const colleague = await launchWithExtension({
      extensionPath: e2eExtensionPath,
      hostResolverRules: sandbox.hostResolverRules,
    });
    try {
      const colleaguePage = colleague.context.pages()[0] ?? (await colleague.context.newPage());
      await openCalls(colleaguePage, colleague.context, colleague.extensionId, atsCase);
      await expect(colleaguePage.getByTestId('calls')).toHaveCount(0);
      const summary = colleaguePage.getByTestId('ats-summary').first();
      await expect(summary).toContainText(tldr.slice(0, 40));
      await summary.locator('summary').first().click();
      await expect(summary.getByTestId('summary-constraints')).toContainText(/three months/i);
    } finally {
      await colleague.context.close();
    }
  });
}

test('transcript text reaches the ATS as text: script and img tags are escaped, never markup', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const ashby = atsCases[0]!;
  await openCalls(page, context, extensionId, ashby);
  const hostile = [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:05.000',
    '<v Hannah Brooks>What is your notice period?</v>',
    '',
    '00:00:06.000 --> 00:00:12.000',
    '<v Priya Raman>My notice period is three months. <script>alert(1)</script> I led the ledger migration.</v>',
    '',
    '00:00:13.000 --> 00:00:20.000',
    '<v Priya Raman>I reduced payment failures by 40% <img src=x onerror=alert(1)> with idempotency keys.</v>',
    '',
  ].join('\n');
  await page
    .getByTestId('transcript-file')
    .setInputFiles({ name: 'hostile.vtt', mimeType: 'text/vtt', buffer: Buffer.from(hostile) });
  await expect(page.getByTestId('call-view')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('post-summary').click();
  await page.getByTestId('post-confirm-button').click();
  await expect
    .poll(() => sandbox.requests.filter((request) => request.path === '/candidate.createNote').length)
    .toBe(1);
  const body = sandbox.requests.find((request) => request.path === '/candidate.createNote')!.body;
  expect(body).not.toMatch(/<script|<img/i);
  await expect(page.locator('img')).toHaveCount(0);
});

test('LLM summaries come from the configured endpoint; a broken model says why and offers the built-in summary', async ({
  page,
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const saved = (await sendFromExtensionPage(options, 'llm.save', {
    baseUrl: 'https://llm.sidecar.test/v1',
    model: 'sandbox-summary-1',
    enabled: true,
    apiKey: 'sbx_llm_key',
  })) as { ok: boolean };
  expect(saved.ok).toBe(true);
  await options.close();

  await openCalls(page, context, extensionId, atsCases[0]!);
  await importTranscript(page);
  await page.getByTestId('summarize-llm').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-source', 'llm', { timeout: 15_000 });
  await expect(page.getByTestId('summary')).toContainText('sandbox-summary-1');

  const reconfigure = await context.newPage();
  await reconfigure.goto(`chrome-extension://${extensionId}/options.html`);
  await sendFromExtensionPage(reconfigure, 'llm.save', {
    baseUrl: 'https://llm.sidecar.test/v1',
    model: 'sandbox-invalid-json',
    enabled: true,
  });
  await reconfigure.close();
  await page.reload();
  await page.getByTestId('tab-calls').click();
  await page.getByTestId('call-row').first().click();
  await page.getByTestId('summarize-llm').click();
  const failure = page.getByTestId('summarize-error');
  await expect(failure).toContainText(/unexpected shape|JSON/i, { timeout: 15_000 });
  await failure.getByRole('button', { name: 'Use the built-in summary instead' }).click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-source', 'built-in');
});
