import type { Locator, Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { leverFeedbackConfig } from '../sandbox/forms/lever-form';
import { ashbyFeedbackDefinition } from '../sandbox/forms/ashby-form';
import { demo } from '../sandbox/seed';
import { createStore } from '../sandbox/store';
import { expect, test } from './fixtures';

const ashbyUrl = `https://app.ashbyhq.com/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`;
const leverUrl = `https://hire.lever.co/interviews/${demo.lever.interviewId}`;
const pinpointUrl = `https://${demo.pinpoint.subdomain}.pinpointhq.com/admin/jobs/${demo.pinpoint.jobId}/applications/${demo.pinpoint.applicationId}`;

// The extension's panel sits beside the page; the forms live in the app's own <main>.
const app = (page: Page) => page.locator('main#app');

const submitted = (page: Page) => page.evaluate(() => window.sandboxFeedback?.submitted ?? null);
const current = (page: Page) => page.evaluate(() => window.sandboxFeedback?.current() ?? null);

async function loggedPayloads(sandbox: Sandbox, host: string): Promise<unknown[]> {
  await expect
    .poll(() => sandbox.requests.filter((entry) => entry.host === host && entry.path === '/__feedback').length)
    .toBeGreaterThan(0);
  return sandbox.requests
    .filter((entry) => entry.host === host && entry.path === '/__feedback' && entry.method === 'POST')
    .map((entry) => JSON.parse(entry.body) as unknown);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
}

/** A value set the way a careless script would: the DOM changes, React hears nothing. */
function setSilently(page: Page, elementId: string, value: string) {
  return page.evaluate(
    ([target, text]) => {
      (document.getElementById(target) as HTMLInputElement | HTMLTextAreaElement).value = text;
    },
    [elementId, value] as const,
  );
}

/** What works on React: the prototype's setter (React's tracker then sees a change) and a bubbling input event. */
function setWithInputEvent(page: Page, elementId: string, value: string) {
  return page.evaluate(
    ([target, text]) => {
      const element = document.getElementById(target) as HTMLInputElement | HTMLTextAreaElement;
      const prototype =
        element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, text);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [elementId, value] as const,
  );
}

test.describe('Ashby feedback form', () => {
  const ids = { formDefinitionId: ashbyFeedbackDefinition.id, interviewEventId: demo.ashby.interviewBriefingId };

  async function fillRequired(page: Page) {
    const main = app(page);
    await main.getByRole('radiogroup', { name: 'Overall score' }).getByText('3 Yes').click();
    await main.getByRole('button', { name: 'Recommendation' }).click();
    await main.getByRole('option', { name: 'Hire', exact: true }).click();
    await typeInto(page, main.locator('div.tiptap.ProseMirror[contenteditable]'), 'Solid.');
  }

  test('a user fills every field and Submit sends the form state', async ({ page, sandbox }) => {
    await page.goto(ashbyUrl);
    const main = app(page);
    const form = main.getByRole('form', { name: 'Interview feedback' });
    await expect(form).toBeVisible();
    await expect(main.locator('#labeled-radio-input-0')).toHaveAttribute('type', 'radio');
    await expect(main.locator('label[for="labeled-radio-input-7"]')).toHaveText('4 Strong Yes');
    await expect(main.getByText('Summarise the evidence behind your score.', { exact: false })).toBeVisible();

    // Required fields are checked first.
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect(main.getByText('Overall feedback is required')).toBeVisible();
    await expect(main.getByText('Recommendation is required')).toBeVisible();
    expect(await submitted(page)).toBeNull();

    await main.getByRole('radiogroup', { name: 'Overall score' }).getByText('3 Yes').click();
    // The custom select, by keyboard: it opens on the first option.
    await main.getByRole('button', { name: 'Recommendation' }).click();
    await expect(main.getByRole('listbox')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(main.getByRole('listbox')).toHaveCount(0);
    await expect(main.getByRole('button', { name: 'Recommendation' })).toHaveText('Strong hire');

    const editor = main.locator('div.tiptap.ProseMirror[contenteditable="true"]');
    await typeInto(page, editor, 'Clear design reasoning.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Asked about idempotency keys.');

    await main.getByRole('radiogroup', { name: 'System design' }).getByText('4 Strong Yes').click();
    await main.getByRole('radiogroup', { name: 'Coding' }).getByText('2 No').click();
    const workWith = main.getByRole('group', { name: 'Would you like to work with this person?' });
    await workWith.getByRole('button', { name: 'Yes' }).click();
    await expect(workWith.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    await typeInto(page, main.getByLabel('Notice period'), 'One month');
    await typeInto(page, main.getByLabel('Concerns'), 'Little on-call experience.');

    await form.getByRole('button', { name: 'Submit' }).click();
    await expect(main.getByRole('status')).toHaveText('Feedback submitted');

    const expected = {
      ...ids,
      applicationId: expect.any(String),
      userId: expect.any(String),
      feedbackForm: {
        fieldSubmissions: [
          { path: '_systemfield_overall_recommendation', value: { score: 3 } },
          { path: 'recommendation', value: 'strong_hire' },
          {
            path: '_systemfield_feedback',
            value: { type: 'PlainText', value: 'Clear design reasoning.\n\nAsked about idempotency keys.' },
          },
          { path: 'system_design', value: { score: 4 } },
          { path: 'coding', value: { score: 2 } },
          { path: 'would_work_with', value: true },
          { path: 'notice_period', value: 'One month' },
          { path: 'concerns', value: 'Little on-call experience.' },
        ],
      },
    };
    expect(await submitted(page)).toEqual(expected);
    expect(await loggedPayloads(sandbox, 'app.ashbyhq.com')).toEqual([expected]);
  });

  test('inputs are React-controlled: a value set without events is not submitted', async ({ page, sandbox }) => {
    await page.goto(ashbyUrl);
    await fillRequired(page);
    const notice = app(page).getByLabel('Notice period');
    await typeInto(page, notice, 'One month');
    const selector = (await notice.getAttribute('id')) ?? '';

    await setSilently(page, selector, 'x');
    await app(page).getByRole('button', { name: 'Submit' }).click();
    await expect(app(page).getByRole('status')).toHaveText('Feedback submitted');
    const silent = (await submitted(page)) as { feedbackForm: { fieldSubmissions: unknown[] } };
    expect(silent.feedbackForm.fieldSubmissions).toContainEqual({ path: 'notice_period', value: 'One month' });

    await setWithInputEvent(page, selector, 'Two months');
    expect(JSON.stringify(await current(page))).toContain('"Two months"');
    await app(page).getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(async () => JSON.stringify(await submitted(page)))
      .toContain('{"path":"notice_period","value":"Two months"}');
    const logged = await loggedPayloads(sandbox, 'app.ashbyhq.com');
    await expect.poll(() => sandbox.requests.filter((entry) => entry.path === '/__feedback').length).toBe(2);
    expect(JSON.stringify(logged[0])).not.toContain('"x"');
  });

  test('the rich-text value is ProseMirror state: typing counts, innerHTML does not', async ({ page }) => {
    await page.goto(ashbyUrl);
    const editor = app(page).locator('div.tiptap.ProseMirror[contenteditable="true"]');
    await typeInto(page, editor, 'Typed by the interviewer');
    const feedbackValue = async () => {
      const payload = (await current(page)) as {
        feedbackForm: { fieldSubmissions: Array<{ path: string; value: unknown }> };
      };
      return payload.feedbackForm.fieldSubmissions.find((each) => each.path === '_systemfield_feedback')?.value;
    };
    expect(await feedbackValue()).toEqual({ type: 'PlainText', value: 'Typed by the interviewer' });

    // A script writing later, not in the same moment as a keystroke.
    await page.waitForTimeout(300);
    await editor.evaluate((element) => {
      element.innerHTML = '<p>Injected into the DOM</p>';
    });
    await page.waitForTimeout(200);
    expect(await feedbackValue()).toEqual({ type: 'PlainText', value: 'Typed by the interviewer' });

    // Typing again goes through ProseMirror: the state it extends is the typed text, not the injected DOM.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Retyped');
    expect(await feedbackValue()).toEqual({ type: 'PlainText', value: 'Retyped' });
  });
});

test.describe('Lever feedback form', () => {
  const config = leverFeedbackConfig(createStore(), demo.lever.interviewId);
  const fieldId = (text: string, type?: string) =>
    config?.template.fields.find((field) => field.text === text && (!type || field.type === type))?.id ?? '';

  test('a user fills every field type and Submit sends the form state', async ({ page, sandbox }) => {
    await page.goto(leverUrl);
    const main = app(page);
    const form = main.getByRole('form', { name: 'Interview feedback' });
    await expect(form).toBeVisible();

    await form.getByRole('button', { name: 'Submit feedback' }).click();
    await expect(main.getByRole('alert').first()).toHaveText('This field is required');
    expect(await submitted(page)).toBeNull();

    await main.getByRole('group', { name: 'Rating' }).getByRole('button', { name: '3 - Hire' }).click();
    await typeInto(page, main.getByLabel('Technical depth'), 'Designed an idempotent payments API.');
    await main.getByRole('radiogroup', { name: 'Strongest area' }).getByText('System design').click();
    const topics = main.getByRole('group', { name: 'Topics covered' });
    await topics.getByText('Databases').click();
    await topics.getByText('Testing').click();
    await main.getByRole('radiogroup', { name: 'Would you want to work with them?' }).getByText('yes').click();
    await main.getByRole('group', { name: 'Communication' }).getByRole('button', { name: '4 – Strong yes' }).click();
    await main.getByRole('group', { name: 'Ownership' }).getByRole('button', { name: '3 – Yes' }).click();
    await typeInto(page, main.getByLabel('Ownership comment'), 'Owned the rollout');
    await main.getByRole('group', { name: 'Craft' }).getByRole('button', { name: '4 – Strong yes' }).click();
    await typeInto(page, main.getByLabel('Current title'), 'Senior Engineer');
    await main.getByLabel('Seniority').selectOption('Senior');
    await main.getByLabel('Earliest start date').fill('2026-10-01');

    await form.getByRole('button', { name: 'Submit feedback' }).click();
    await expect(main.getByRole('status')).toHaveText('Feedback submitted');

    const expected = {
      baseTemplateId: config?.template.id,
      panel: config?.panelId,
      interview: demo.lever.interviewId,
      fieldValues: [
        { id: fieldId('Rating'), value: '3 - Hire' },
        { id: fieldId('Technical depth'), value: 'Designed an idempotent payments API.' },
        { id: fieldId('Strongest area'), value: 'System design' },
        { id: fieldId('Topics covered'), value: ['Databases', 'Testing'] },
        { id: fieldId('Would you want to work with them?'), value: 'yes' },
        { id: fieldId('Communication'), value: 4 },
        {
          id: fieldId('', 'scorecard'),
          value: [
            { score: 3, comment: 'Owned the rollout' },
            { score: 4, comment: '' },
          ],
        },
        { id: fieldId('Current title'), value: 'Senior Engineer' },
        { id: fieldId('Seniority'), value: 'Senior' },
        { id: fieldId('Earliest start date'), value: Date.parse('2026-10-01T00:00:00.000Z') },
      ],
    };
    expect(await submitted(page)).toEqual(expected);
    expect(await loggedPayloads(sandbox, 'hire.lever.co')).toEqual([expected]);
  });

  test('inputs are React-controlled: a value set without events is not submitted', async ({ page }) => {
    await page.goto(leverUrl);
    const main = app(page);
    await main.getByRole('group', { name: 'Rating' }).getByRole('button', { name: '2 - No Hire' }).click();
    const depth = main.getByLabel('Technical depth');
    await typeInto(page, depth, 'Typed');
    const selector = (await depth.getAttribute('id')) ?? '';
    const depthValue = async () =>
      ((await current(page)) as { fieldValues: Array<{ id: string; value: unknown }> }).fieldValues.find(
        (each) => each.id === fieldId('Technical depth'),
      )?.value;

    await setSilently(page, selector, 'x');
    expect(await depthValue()).toBe('Typed');
    await main.getByRole('button', { name: 'Submit feedback' }).click();
    await expect(main.getByRole('status')).toHaveText('Feedback submitted');
    expect(JSON.stringify(await submitted(page))).toContain('"Typed"');

    await setWithInputEvent(page, selector, 'Set with an input event');
    expect(await depthValue()).toBe('Set with an input event');
  });
});

test.describe('Pinpoint scorecard dialog', () => {
  test('Fill scorecard opens the dialog; ratings, answers and notes are submitted', async ({ page, sandbox }) => {
    await page.goto(pinpointUrl);
    const main = app(page);
    const dialog = main.getByRole('dialog', { name: 'Technical Interview scorecard' });
    await expect(dialog).toBeHidden();
    await main.getByRole('button', { name: 'Fill scorecard' }).click();
    await expect(dialog).toBeVisible();

    const rate = (metric: string, score: number) =>
      dialog
        .getByRole('radiogroup', { name: metric })
        .getByRole('radio', { name: String(score) })
        .click();
    await rate('Problem solving', 4);
    await rate('Code quality', 5);
    await rate('System design', 3);
    await rate('Ownership', 4);
    await rate('Collaboration', 2);
    await typeInto(page, dialog.getByLabel('What did the candidate build in the exercise?'), 'A rate limiter.');
    await typeInto(page, dialog.getByLabel('Do you have any concerns?'), 'None.');
    await typeInto(page, dialog.getByLabel('Notes'), 'Strong overall.');
    await dialog.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(dialog).toBeHidden();
    await expect(main.getByText('Scorecard submitted.')).toBeVisible();

    const expected = {
      applicationId: demo.pinpoint.applicationId,
      scorecardId: 'scorecard-technical-interview',
      ratings: [
        { metricId: 'metric-problem-solving', metric: 'Problem solving', score: 4 },
        { metricId: 'metric-code-quality', metric: 'Code quality', score: 5 },
        { metricId: 'metric-system-design', metric: 'System design', score: 3 },
        { metricId: 'metric-ownership', metric: 'Ownership', score: 4 },
        { metricId: 'metric-collaboration', metric: 'Collaboration', score: 2 },
      ],
      answers: [
        {
          questionId: 'question-exercise',
          question: 'What did the candidate build in the exercise?',
          answer: 'A rate limiter.',
        },
        { questionId: 'question-concerns', question: 'Do you have any concerns?', answer: 'None.' },
      ],
      notes: 'Strong overall.',
    };
    expect(await submitted(page)).toEqual(expected);
    expect(await loggedPayloads(sandbox, `${demo.pinpoint.subdomain}.pinpointhq.com`)).toEqual([expected]);
  });
});
