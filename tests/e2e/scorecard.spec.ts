import path from 'node:path';
import { demo } from '../sandbox/seed';
import { atsCases, connect } from './ats';
import { expect, test } from './fixtures';

const feedbackUrl = `https://app.ashbyhq.com/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`;

interface AshbyPayload {
  feedbackForm: { fieldSubmissions: Array<{ path: string; value: unknown }> };
}

test('Fill scorecard on Ashby: text fields from the call, scores left to the interviewer, never submitted', async ({
  page,
  context,
  extensionId,
}) => {
  const ashby = atsCases[0]!;
  await connect(context, extensionId, [ashby]);
  await page.goto(ashby.candidateUrl);
  await page.getByTestId('tab-calls').click();
  await page
    .getByTestId('transcript-file')
    .setInputFiles(path.resolve('tests/fixtures/transcripts/priya-raman-technical.vtt'));
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 15_000 });

  await page.goto(feedbackUrl);
  const scorecard = page.getByTestId('fill-scorecard');
  await expect(scorecard).toBeVisible({ timeout: 15_000 });
  const field = (label: string) => page.getByTestId('scorecard-field').filter({ hasText: label }).first();
  await expect(field('Notice period').getByTestId('scorecard-status')).toHaveText('Proposed');
  await expect(field('Concerns').getByTestId('scorecard-status')).toHaveText('Proposed');
  await expect(field('Overall score').getByTestId('scorecard-status')).toHaveText('For you to choose');

  await page.getByTestId('scorecard-fill').click();
  await expect(field('Notice period').getByTestId('scorecard-filled')).toBeVisible({ timeout: 15_000 });
  await expect(field('Overall feedback').getByTestId('scorecard-filled')).toBeVisible();

  // The page's own state holds the values, and nothing was submitted.
  const current = await page.evaluate(
    () => (window as unknown as { sandboxFeedback: { current(): AshbyPayload; submitted: unknown } }).sandboxFeedback,
  );
  expect(current.submitted).toBeNull();
  const state = await page.evaluate(() =>
    (window as unknown as { sandboxFeedback: { current(): AshbyPayload } }).sandboxFeedback.current(),
  );
  const value = (pathName: string) =>
    state.feedbackForm.fieldSubmissions.find((submission) => submission.path === pathName)?.value;
  expect(String(value('notice_period'))).toMatch(/three months/i);
  expect(String(value('concerns'))).not.toBe('');
  // The rich-text editor took the planned text through its own input handling (TipTap state, not innerHTML).
  expect(JSON.stringify(value('_systemfield_feedback'))).toMatch(/Priya Raman, \d\d:\d\d/);

  // The interviewer picks the score and the recommendation, and presses the ATS's own Submit.
  await page.getByRole('radio', { name: /3/ }).first().check();
  await page
    .getByRole('button', { name: /Recommendation|Select/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'Hire', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const submitted = await page.evaluate(
    () => (window as unknown as { sandboxFeedback: { submitted: AshbyPayload | null } }).sandboxFeedback.submitted,
  );
  expect(submitted?.feedbackForm.fieldSubmissions.find((each) => each.path === 'notice_period')?.value).toMatch(
    /three months/i,
  );
});

test('Fill scorecard on Lever: every proposed field takes, through React-controlled inputs', async ({
  page,
  context,
  extensionId,
}) => {
  const lever = atsCases[1]!;
  await connect(context, extensionId, [lever]);
  await page.goto(lever.candidateUrl);
  await page.getByTestId('tab-calls').click();
  await page
    .getByTestId('transcript-file')
    .setInputFiles(path.resolve('tests/fixtures/transcripts/priya-raman-technical.vtt'));
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 15_000 });

  await page.goto(`https://hire.lever.co/interviews/${demo.lever.interviewId}`);
  await expect(page.getByTestId('fill-scorecard')).toBeVisible({ timeout: 15_000 });
  const proposed = page.getByTestId('scorecard-field').filter({
    has: page.getByTestId('scorecard-status').getByText('Proposed', { exact: true }),
  });
  await expect(proposed.first()).toBeVisible();
  const count = await proposed.count();
  await page.getByTestId('scorecard-fill').click();
  await expect(page.getByTestId('scorecard-filled')).toHaveCount(count, { timeout: 15_000 });
  await expect(page.getByTestId('scorecard-refused')).toHaveCount(0);
  const feedback = await page.evaluate(() => {
    const bridge = (
      window as unknown as {
        sandboxFeedback: { submitted: unknown; current(): { fieldValues: Array<{ value: unknown }> } };
      }
    ).sandboxFeedback;
    return { submitted: bridge.submitted, filled: bridge.current().fieldValues.filter((each) => each.value).length };
  });
  expect(feedback.submitted).toBeNull();
  expect(feedback.filled).toBeGreaterThanOrEqual(count);
});
