import type { BrowserContext, Page } from '@playwright/test';
import { apiRequests, atsCases, connect, type AtsCase } from './ats';
import { stopServiceWorker } from './browser';
import { expect, test } from './fixtures';

async function moveTo(page: Page, atsCase: AtsCase, note?: string) {
  await page.getByTestId('action-move').click();
  await page.getByTestId('stage-select').selectOption({ label: atsCase.targetStage });
  if (note) await page.getByTestId('move-note').fill(note);
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-confirm')).toContainText(atsCase.targetStage);
  await page.getByTestId('move-confirm-button').click();
}

/** Connects one ATS (with its full key unless told otherwise) and opens the demo candidate's page. */
async function openCandidate(
  page: Page,
  fixtures: { context: BrowserContext; extensionId: string },
  atsCase: AtsCase,
  key?: (atsCase: AtsCase) => string,
) {
  await connect(fixtures.context, fixtures.extensionId, [atsCase], key);
  await page.goto(atsCase.candidateUrl);
  await expect(page.getByTestId('candidate-name')).toHaveText(atsCase.candidateName);
}

const successfulMoves = (
  sandbox: { requests: Array<{ host: string; method: string; path: string; status: number }> },
  atsCase: AtsCase,
) =>
  sandbox.requests.filter((request) => atsCase.isStageMove(request) && request.status >= 200 && request.status < 300);

for (const atsCase of atsCases) {
  test.describe(atsCase.label, () => {
    test('the panel shows the candidate; Move to stage updates the ATS and the panel', async ({
      page,
      context,
      extensionId,
      sandbox,
    }) => {
      await connect(context, extensionId, [atsCase]);
      await page.goto(atsCase.candidateUrl);
      await expect(page.getByTestId('candidate-name')).toHaveText(atsCase.candidateName);
      await expect(page.getByTestId('candidate-email')).toContainText('priya.raman@example.org');
      await expect(page.getByTestId('candidate-linkedin')).toContainText('linkedin.com/in/priya-raman-4b1a2c');
      await expect(page.getByTestId('application-stage').first()).toContainText(atsCase.currentStage);

      await moveTo(page, atsCase, 'Strong systems design; moving on.');
      await expect(page.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
      await expect(page.getByTestId('application-stage').first()).toContainText(atsCase.targetStage);
      expect(successfulMoves(sandbox, atsCase)).toHaveLength(1);

      // The ATS itself shows the new stage.
      await page.reload();
      await expect(page.locator('main')).toContainText(atsCase.targetStage);
    });
  });
}

test('an unconnected ATS: the panel says so and links to Options', async ({ page, context }) => {
  await page.goto(atsCases[0]!.candidateUrl);
  const notice = page.getByTestId('error-notice');
  await expect(notice).toContainText('Ashby is not connected');
  const optionsPage = context.waitForEvent('page');
  await notice.getByRole('button', { name: 'Open Options' }).click();
  await expect((await optionsPage).getByTestId('options-ashby')).toBeVisible();
});

test('a 429 with Retry-After, then success, ends in one write, not two', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const lever = atsCases[1]!;
  await openCandidate(page, { context, extensionId }, lever);
  sandbox.injectFault({
    host: 'api.lever.co',
    pathPrefix: '/v1/opportunities/',
    kind: 'rate-limit',
    retryAfterSeconds: 1,
    times: 1,
  });
  await moveTo(page, lever);
  await expect(page.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  expect(sandbox.requests.filter((request) => request.status === 429)).toHaveLength(1);
  expect(successfulMoves(sandbox, lever)).toHaveLength(1);
  await expect(page.getByTestId('application-stage').first()).toContainText(lever.targetStage);
});

test('a malformed response shows an error and the panel stays usable', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const pinpoint = atsCases[2]!;
  await connect(context, extensionId, [pinpoint]);
  sandbox.injectFault({ host: 'acme.pinpointhq.com', pathPrefix: '/api/v1/applications', kind: 'malformed', times: 1 });
  await page.goto(pinpoint.candidateUrl);
  const notice = page.getByTestId('error-notice');
  await expect(notice).toHaveAttribute('data-error-kind', 'invalid-response');
  await expect(notice).toContainText('unexpected shape');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('candidate-name')).toHaveText(pinpoint.candidateName);
  await page.getByTestId('panel-collapse').click();
  await expect(page.getByTestId('panel-tab')).toBeVisible();
});

test('a service worker stopped mid-write completes the write after it restarts', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const ashby = atsCases[0]!;
  await openCandidate(page, { context, extensionId }, ashby);
  // The stage move hangs: the worker is stopped while the write is on the wire.
  sandbox.injectFault({ host: 'api.ashbyhq.com', pathPrefix: '/application.changeStage', kind: 'timeout', times: 1 });
  await moveTo(page, ashby);
  await expect.poll(() => sandbox.requests.filter((request) => ashby.isStageMove(request)).length).toBe(1);

  await stopServiceWorker(context);
  sandbox.clearFaults();

  // Any event wakes the worker; it resumes the interrupted write, looking before it writes.
  await page.reload();
  await expect(page.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('application-stage').first()).toContainText(ashby.targetStage);
  expect(successfulMoves(sandbox, ashby)).toHaveLength(1);
  expect(apiRequests(sandbox, ashby).length).toBeGreaterThan(0);
});

test('a key without write permission: the move fails, says which permission, and can be retried', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const ashby = atsCases[0]!;
  await openCandidate(page, { context, extensionId }, ashby, (atsCase) => atsCase.readOnlyKey);
  await moveTo(page, ashby);
  const entry = page.getByTestId('outbox-entry').first();
  await expect(entry).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(entry.getByTestId('outbox-error')).toContainText('missing a permission');
  await entry.getByRole('button', { name: 'Retry' }).click();
  await expect(entry).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  expect(successfulMoves(sandbox, ashby)).toHaveLength(0);
  // Nothing changed in the ATS.
  await expect(page.getByTestId('application-stage').first()).toContainText(ashby.currentStage);
});

test("an ATS refusal inside HTTP 200 (Ashby success:false) fails the write with Ashby's reason", async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const ashby = atsCases[0]!;
  await openCandidate(page, { context, extensionId }, ashby);
  sandbox.injectFault({
    host: 'api.ashbyhq.com',
    pathPrefix: '/application.changeStage',
    kind: 'business-error',
    code: 'interview_stage_not_found',
  });
  await moveTo(page, ashby);
  const entry = page.getByTestId('outbox-entry').first();
  await expect(entry).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(entry.getByTestId('outbox-error')).toContainText('interview_stage_not_found');
  await entry.getByRole('button', { name: 'Retry' }).click();
  await expect(entry).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  // One refused (inside an HTTP 200), one applied: the retry was the user's, never automatic.
  expect(sandbox.requests.filter((request) => ashby.isStageMove(request))).toHaveLength(2);
  await expect(page.getByTestId('application-stage').first()).toContainText(ashby.targetStage);
});

test('Schedule interview: Ashby books it with the chosen interviewer; Pinpoint says its API cannot', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const [ashby, , pinpoint] = atsCases;
  await openCandidate(page, { context, extensionId }, ashby!);
  await page.getByTestId('action-schedule').click();
  await page.getByTestId('interviewer-select').selectOption({ label: 'Marcus Webb (marcus.webb@example.com)' });
  await page.getByTestId('schedule-submit').click();
  await expect(page.getByTestId('schedule-confirm')).toContainText('Marcus Webb');
  await page.getByTestId('schedule-confirm-button').click();
  await expect(page.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const created = sandbox.requests.filter((request) => request.path === '/interviewSchedule.create');
  expect(created).toHaveLength(1);
  expect(JSON.parse(created[0]!.body)).toMatchObject({
    interviewEvents: [{ interviewers: [{ email: 'marcus.webb@example.com' }] }],
  });

  await openCandidate(page, { context, extensionId }, pinpoint!);
  await page.getByTestId('action-schedule').click();
  await expect(page.getByTestId('unsupported')).toContainText("Pinpoint's API cannot schedule interviews");
});
