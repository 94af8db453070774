import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { demo } from '../sandbox/seed';
import { apiRequests, atsCases, connect, sendFromExtensionPage, type AtsCase } from './ats';
import { expect, test } from './fixtures';

const ashby = atsCases[0]!;
const lever = atsCases[1]!;
const pinpoint = atsCases[2]!;
const ashbyFeedbackUrl = `https://app.ashbyhq.com/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`;
const leverFeedbackUrl = `https://hire.lever.co/interviews/${demo.lever.interviewId}`;
/** The demo interviews' interviewer: Ashby takes feedback on an interview only from its interviewers. */
const interviewerEmail = 'aisha.khan@example.com';

interface AshbyPayload {
  feedbackForm: { fieldSubmissions: Array<{ path: string; value: unknown }> };
}
interface LeverPayload {
  fieldValues: Array<{ id: string; value: unknown }>;
}
interface PinpointPayload {
  ratings: Array<{ metric: string; score: number | null }>;
  answers: Array<{ question: string; answer: string }>;
  notes: string;
}

/** The page's own form state: what its Submit would send, and what it sent. */
function pageForm<Payload>(page: Page): Promise<{ current: Payload; submitted: Payload | null }> {
  return page.evaluate(() => {
    const bridge = (window as unknown as { sandboxFeedback: { current(): unknown; submitted: unknown } })
      .sandboxFeedback;
    return { current: bridge.current(), submitted: bridge.submitted } as never;
  });
}

async function importCall(page: Page, atsCase: AtsCase) {
  await page.goto(atsCase.candidateUrl);
  await page.getByTestId('tab-calls').click();
  await page
    .getByTestId('transcript-file')
    .setInputFiles(path.resolve('tests/fixtures/transcripts/priya-raman-technical.vtt'));
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 15_000 });
}

async function useIdentity(context: BrowserContext, extensionId: string, email: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await sendFromExtensionPage(options, 'identity.save', { email });
  await options.close();
}

async function useLlm(context: BrowserContext, extensionId: string, model: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const saved = (await sendFromExtensionPage(options, 'llm.save', {
    baseUrl: 'https://llm.sidecar.test/v1',
    model,
    enabled: true,
    apiKey: 'sbx_llm_key',
  })) as { ok: boolean };
  expect(saved.ok).toBe(true);
  await options.close();
}

const scorecardField = (page: Page, label: string) =>
  page.getByTestId('scorecard-field').filter({ hasText: label }).first();

async function chooseAshbyScoreAndRecommendation(page: Page) {
  await page
    .getByRole('radiogroup', { name: /Overall score/ })
    .getByRole('radio', { name: /3/ })
    .check();
  await page
    .getByRole('button', { name: /Recommendation/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'Hire', exact: true }).click();
}

/** Aisha, the interview's interviewer, fills the Ashby form from Priya's call: the start of Submit via API. */
async function fillAshbyFormAsInterviewer(page: Page, context: BrowserContext, extensionId: string) {
  await connect(context, extensionId, [ashby]);
  await useIdentity(context, extensionId, interviewerEmail);
  await importCall(page, ashby);
  await page.goto(ashbyFeedbackUrl);
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('scorecard-fill').click();
  await expect(scorecardField(page, 'Notice period').getByTestId('scorecard-filled')).toBeVisible({ timeout: 15_000 });
}

test('Fill scorecard on Ashby: linked to the interview, text from the call, typed text kept, the page submits it', async ({
  page,
  context,
  extensionId,
}) => {
  await connect(context, extensionId, [ashby]);
  await importCall(page, ashby);

  await page.goto(ashbyFeedbackUrl);
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  // Tied to the candidate and interview through the API, and planned from this candidate's call.
  await expect(page.getByTestId('scorecard-linked')).toContainText('Priya Raman');
  await expect(page.getByTestId('scorecard-linked')).toContainText('Technical Interview');
  await expect(page.getByTestId('scorecard-call')).toHaveCount(1);
  await expect(page.getByTestId('scorecard-call').getByRole('checkbox')).toBeChecked();

  // The interviewer already wrote their concerns: "fill only empty" keeps them.
  await page.getByRole('textbox', { name: 'Concerns', exact: true }).fill('My own concern, typed before Sidecar.');
  await expect(scorecardField(page, 'Concerns').getByTestId('scorecard-status')).toHaveText('Already filled');
  await expect(scorecardField(page, 'Notice period').getByTestId('scorecard-status')).toHaveText('Proposed');
  await expect(scorecardField(page, 'Overall score').getByTestId('scorecard-status')).toHaveText('For you to choose');
  await expect(scorecardField(page, 'Notice period').getByTestId('scorecard-evidence').first()).toContainText(
    'Priya Raman',
  );

  await page.getByTestId('scorecard-fill').click();
  await expect(scorecardField(page, 'Notice period').getByTestId('scorecard-filled')).toBeVisible({ timeout: 15_000 });
  await expect(scorecardField(page, 'Overall feedback').getByTestId('scorecard-filled')).toBeVisible();

  const filled = await pageForm<AshbyPayload>(page);
  expect(filled.submitted).toBeNull();
  const value = (payload: AshbyPayload, pathName: string) =>
    payload.feedbackForm.fieldSubmissions.find((submission) => submission.path === pathName)?.value;
  expect(String(value(filled.current, 'notice_period'))).toMatch(/three months/i);
  expect(value(filled.current, 'concerns')).toBe('My own concern, typed before Sidecar.');
  // The rich-text editor took the planned text through its own input handling (TipTap state, not innerHTML).
  expect(JSON.stringify(value(filled.current, '_systemfield_feedback'))).toMatch(/Priya Raman, \d\d:\d\d/);

  // The interviewer picks the score and the recommendation, and presses the ATS's own Submit.
  await chooseAshbyScoreAndRecommendation(page);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const { submitted } = await pageForm<AshbyPayload>(page);
  expect(String(value(submitted!, 'notice_period'))).toMatch(/three months/i);
  expect(value(submitted!, 'concerns')).toBe('My own concern, typed before Sidecar.');
  expect(JSON.stringify(value(submitted!, '_systemfield_feedback'))).toMatch(/Priya Raman/);
});

test('Submit via API on Ashby: the reviewed form lands through applicationFeedback.submit with Ashby’s value shapes', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await fillAshbyFormAsInterviewer(page, context, extensionId);
  // Required by Ashby and left to the interviewer: Submit waits until they are chosen.
  await expect(page.getByTestId('scorecard-api-missing')).toContainText('Overall score');
  await expect(page.getByTestId('scorecard-submit-api')).toBeDisabled();
  await chooseAshbyScoreAndRecommendation(page);
  await page.getByLabel('Would you like to work with this person?').getByRole('button', { name: 'Yes' }).click();

  await expect(page.getByTestId('scorecard-submit-api')).toBeEnabled({ timeout: 5_000 });
  await page.getByTestId('scorecard-submit-api').click();
  await page.getByTestId('scorecard-submit-confirm-button').click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });

  const submits = apiRequests(sandbox, ashby).filter(
    (request) => request.path === '/applicationFeedback.submit' && request.status === 200,
  );
  expect(submits).toHaveLength(1);
  const body = JSON.parse(submits[0]!.body) as AshbyPayload & Record<string, unknown>;
  expect(body).toMatchObject({ interviewEventId: demo.ashby.interviewBriefingId, applicationId: expect.any(String) });
  const sent = new Map(body.feedbackForm.fieldSubmissions.map((each) => [each.path, each.value]));
  expect(sent.get('_systemfield_overall_recommendation')).toEqual({ score: 3 });
  expect(sent.get('recommendation')).toBe('hire');
  expect(sent.get('would_work_with')).toBe(true);
  expect(sent.get('notice_period')).toMatch(/three months/i);
  expect(sent.get('_systemfield_feedback')).toMatchObject({ type: 'PlainText', value: expect.stringMatching(/Priya/) });
  // Sidecar never pressed the page's Submit.
  expect((await pageForm(page)).submitted).toBeNull();

  // Seen again, the form says it was submitted and offers no second submission.
  await page.reload();
  await expect(page.getByTestId('scorecard-already-submitted')).toBeVisible({ timeout: 15_000 });
});

test('Submit via API on Ashby: a validation error about one field is shown on that field', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await fillAshbyFormAsInterviewer(page, context, extensionId);
  await chooseAshbyScoreAndRecommendation(page);

  sandbox.injectFault({
    host: 'api.ashbyhq.com',
    pathPrefix: '/applicationFeedback.submit',
    kind: 'business-error',
    code: 'invalid_input',
    message: 'notice_period: must be at most 40 characters',
  });
  await page.getByTestId('scorecard-submit-api').click();
  await page.getByTestId('scorecard-submit-confirm-button').click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(scorecardField(page, 'Notice period').getByTestId('scorecard-api-error')).toContainText(
    'must be at most 40 characters',
  );
  await expect(page.getByTestId('scorecard-api-error')).toHaveCount(1);

  // The refusal was one-off (the fault matches once): Retry sends the same values again and the panel follows it.
  await page.getByTestId('scorecard-submission').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(page.getByTestId('scorecard-api-error')).toHaveCount(0);
});

/** Priya's call imported, then her Lever form open with its plan; returns how many fields Sidecar proposes. */
async function openLeverForm(page: Page, context: BrowserContext, extensionId: string): Promise<number> {
  await connect(context, extensionId, [lever]);
  await importCall(page, lever);
  await page.goto(leverFeedbackUrl);
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  const proposed = page.getByTestId('scorecard-field').filter({
    has: page.getByTestId('scorecard-status').getByText('Proposed', { exact: true }),
  });
  await expect(proposed.first()).toBeVisible();
  return proposed.count();
}

/** The interviewer's own part of the Lever form: the overall rating and the required technical depth. */
async function completeLeverForm(page: Page) {
  await page.getByRole('button', { name: '3 - Hire' }).click();
  await page.getByRole('textbox', { name: 'Technical depth', exact: true }).fill('Clear on idempotency keys.');
}

test('Submit via API on Ashby: after a refusal the interviewer corrects the form and submits what it holds now', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await fillAshbyFormAsInterviewer(page, context, extensionId);
  await chooseAshbyScoreAndRecommendation(page);
  sandbox.injectFault({
    host: 'api.ashbyhq.com',
    pathPrefix: '/applicationFeedback.submit',
    kind: 'business-error',
    code: 'invalid_input',
    message: 'notice_period: must be at most 40 characters',
  });
  await page.getByTestId('scorecard-submit-api').click();
  await page.getByTestId('scorecard-submit-confirm-button').click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });

  const notice = page.getByRole('textbox', { name: 'Notice period', exact: true });
  await notice.fill('Three months');
  await page.getByRole('button', { name: 'Change and submit again' }).click();
  await page.getByTestId('scorecard-submit-api').click();
  await page.getByTestId('scorecard-submit-confirm-button').click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const submits = apiRequests(sandbox, ashby).filter(
    (request) => request.path === '/applicationFeedback.submit' && request.status === 200,
  );
  // The refused attempt (Ashby answers refusals with 200 and success:false) and the corrected one.
  const bodies = submits.map((request) => JSON.parse(request.body) as AshbyPayload);
  const notices = bodies.map(
    (body) => body.feedbackForm.fieldSubmissions.find((each) => each.path === 'notice_period')?.value,
  );
  expect(notices.at(-1)).toBe('Three months');
});

test('Fill scorecard on Lever: every proposed field takes, a refused value is reported, the page’s Submit sends them', async ({
  page,
  context,
  extensionId,
}) => {
  const count = await openLeverForm(page, context, extensionId);
  // A value the page's dropdown does not offer cannot take: reported, with the value to paste by hand.
  const seniority = scorecardField(page, 'Seniority');
  await seniority.getByTestId('scorecard-write').click();
  await seniority.getByRole('textbox').fill('Principal');
  await page.getByTestId('scorecard-fill').click();
  await expect(page.getByTestId('scorecard-filled')).toHaveCount(count, { timeout: 15_000 });
  await expect(seniority.getByTestId('scorecard-refused')).toContainText('Principal');
  await expect(page.getByTestId('scorecard-refused')).toHaveCount(1);
  const filled = await pageForm<LeverPayload>(page);
  expect(filled.submitted).toBeNull();
  const filledValues = filled.current.fieldValues.filter((each) => each.value);
  expect(filledValues.length).toBeGreaterThanOrEqual(count);

  await completeLeverForm(page);
  await page.getByRole('button', { name: 'Submit feedback' }).click();
  const { submitted } = await pageForm<LeverPayload>(page);
  // Every value Sidecar filled is in what the page submitted, next to the interviewer's own.
  for (const { id, value } of filledValues) {
    expect(submitted!.fieldValues.find((each) => each.id === id)?.value).toEqual(value);
  }
  expect(submitted!.fieldValues.map((each) => each.value)).toContain('3 - Hire');
  expect(JSON.stringify(submitted)).not.toContain('Principal');
});

test('Submit via API on Lever: the reviewed form lands as the user, with Lever’s value shapes', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const count = await openLeverForm(page, context, extensionId);
  await page.getByTestId('scorecard-fill').click();
  await expect(page.getByTestId('scorecard-filled')).toHaveCount(count, { timeout: 15_000 });
  await completeLeverForm(page);
  await page.getByTestId('scorecard-submit-api').click();
  await page.getByTestId('scorecard-submit-confirm-button').click();
  await expect(page.getByTestId('scorecard-submission')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const posts = apiRequests(sandbox, lever).filter(
    (request) => request.method === 'POST' && /\/feedback\?/.test(request.path) && request.status === 201,
  );
  expect(posts).toHaveLength(1);
  expect(posts[0]!.path).toContain('perform_as=');
  const body = JSON.parse(posts[0]!.body) as LeverPayload & { baseTemplateId: string; interview?: string };
  expect(body.interview).toBe(demo.lever.interviewId);
  const values = body.fieldValues.map((each) => each.value);
  expect(values).toContain('3 - Hire');
  expect(values).toContain('Clear on idempotency keys.');
  expect(body.fieldValues.length).toBeGreaterThanOrEqual(count + 2);
  // The scorecard's skills travel as one value: a score and a comment per skill.
  const scorecard = body.fieldValues.find((each) => Array.isArray(each.value) && typeof each.value[0] === 'object');
  expect(scorecard?.value).toEqual([
    { score: 0, comment: expect.stringMatching(/\w/) },
    { score: 0, comment: '' },
  ]);
  // Sidecar never pressed the page's Submit.
  expect((await pageForm(page)).submitted).toBeNull();
});

test('Fill scorecard on Pinpoint: the scorecard dialog fills from the panel, and Pinpoint’s own Submit sends it', async ({
  page,
  context,
  extensionId,
}) => {
  await connect(context, extensionId, [pinpoint]);
  await importCall(page, pinpoint);
  await page.getByTestId('tab-candidate').click();
  // Closed dialog: nothing to fill, and the panel stays quiet about it.
  await expect(page.getByTestId('fill-scorecard')).toHaveCount(0);

  await page.getByRole('button', { name: 'Fill scorecard' }).click();
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('scorecard-no-api')).toBeVisible();
  await expect(scorecardField(page, 'Problem solving').getByTestId('scorecard-status')).toHaveText('For you to choose');
  const proposed = page.getByTestId('scorecard-field').filter({
    has: page.getByTestId('scorecard-status').getByText('Proposed', { exact: true }),
  });
  await expect(proposed.first()).toBeVisible();
  const count = await proposed.count();
  await page.getByTestId('scorecard-fill').click();
  await expect(page.getByTestId('scorecard-filled')).toHaveCount(count, { timeout: 15_000 });

  await page.getByRole('radiogroup', { name: 'Problem solving' }).getByRole('radio', { name: '4' }).check();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  const { submitted } = await pageForm<PinpointPayload>(page);
  expect(submitted).not.toBeNull();
  expect(submitted!.ratings.find((rating) => rating.metric === 'Problem solving')?.score).toBe(4);
  const written = [...submitted!.answers.map((answer) => answer.answer), submitted!.notes].filter(Boolean);
  expect(written.length).toBeGreaterThanOrEqual(count);
});

/** Priya's call imported, then the Ashby form planned by the sandbox LLM model given. */
async function planAshbyFormWithLlm(page: Page, context: BrowserContext, extensionId: string, model: string) {
  await connect(context, extensionId, [ashby]);
  await useLlm(context, extensionId, model);
  await importCall(page, ashby);
  await page.goto(ashbyFeedbackUrl);
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('scorecard-llm').click();
}

test('Plan with the LLM: scores and choices proposed from the field’s own options with a reason, and filled', async ({
  page,
  context,
  extensionId,
}) => {
  await planAshbyFormWithLlm(page, context, extensionId, 'sandbox-summary-1');
  const score = scorecardField(page, 'Overall score');
  await expect(score.getByTestId('scorecard-status')).toHaveText('Proposed', { timeout: 15_000 });
  await expect(score.getByTestId('scorecard-evidence').first()).toBeVisible();
  await page.getByTestId('scorecard-fill').click();
  await expect(score.getByTestId('scorecard-filled')).toBeVisible({ timeout: 15_000 });
  const { current } = await pageForm<AshbyPayload>(page);
  const overall = current.feedbackForm.fieldSubmissions.find(
    (each) => each.path === '_systemfield_overall_recommendation',
  )?.value as { score: number } | undefined;
  expect(overall?.score).toBeGreaterThanOrEqual(1);
  expect(overall?.score).toBeLessThanOrEqual(4);
});

test('Plan with the LLM: a model answering outside the options or inventing quotes gets nothing filled', async ({
  page,
  context,
  extensionId,
}) => {
  await planAshbyFormWithLlm(page, context, extensionId, 'sandbox-invented-quotes');
  const score = scorecardField(page, 'Overall score');
  await expect(score.getByTestId('scorecard-status')).toHaveText('No evidence in the call', { timeout: 15_000 });
  await expect(score).toContainText('no quote that is in the call');
});
