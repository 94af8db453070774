// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { findPinpointScorecard, readPinpointFields } from '@/lib/autofill/readers/pinpoint';
import { readFeedbackForm } from '@/lib/autofill/readers/read-feedback-form';
import { fillFields } from '@/lib/autofill/writers';
import { pinpointScorecardTemplate } from '../../../sandbox/forms/pinpoint-form.ts';
import {
  byLabel,
  optionLabels,
  pageState,
  renderPinpointScorecard,
  stripProviderStructure,
  summary,
} from './sandbox-forms';

const template = pinpointScorecardTemplate;
const metrics = template.sections.flatMap((section) => section.metrics);
const questions = template.sections.flatMap((section) => section.questions);

/** The fields a scorecard of this template shows, in page order: each section's metrics, then its questions. */
const expectedFields = [
  ...template.sections.flatMap((section) => [
    ...section.metrics.map((metric) => ({ label: metric.name, type: 'score' })),
    ...section.questions.map((question) => ({ label: question.text, type: 'long-text' })),
  ]),
  { label: 'Notes', type: 'long-text' },
];

function open(root: HTMLElement): void {
  root.querySelector<HTMLButtonElement>('[data-scorecard-open]')?.click();
}

function shape(fields: PageFormField[]) {
  return fields.map(({ label, type }) => ({ label, type }));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('readFeedbackForm on Pinpoint', () => {
  it('finds nothing to fill while the scorecard dialog is closed, and the scorecard once it opens', async () => {
    const root = await renderPinpointScorecard();
    expect(readFeedbackForm('pinpoint', document)).toBeNull();

    open(root);
    const form = readFeedbackForm('pinpoint', document);
    expect(form?.root.getAttribute('role')).toBe('dialog');
    expect(shape(form?.fields ?? [])).toEqual(expectedFields);
    // The candidate page's search box is not part of the scorecard.
    expect(form?.fields.map((field) => field.label)).not.toContain('Search candidates');

    root.querySelector<HTMLButtonElement>('[data-scorecard-close]')?.click();
    expect(readFeedbackForm('pinpoint', document)).toBeNull();
  });

  it('leaves other open dialogs on the candidate page alone', async () => {
    const root = await renderPinpointScorecard();
    root.insertAdjacentHTML(
      'beforeend',
      `<div role="dialog" aria-label="Reject candidate"><form>
         <label><input type="radio" name="reason" value="skills" /> Skills</label>
         <label><input type="radio" name="reason" value="salary" /> Salary</label>
         <label for="note">Note</label><textarea id="note"></textarea>
       </form></div>`,
    );
    expect(readFeedbackForm('pinpoint', document)).toBeNull();
    open(root);
    expect(readFeedbackForm('pinpoint', document)?.root.getAttribute('aria-labelledby')).toBe('scorecard-dialog-title');
  });

  it('reads each metric as a 1–5 score with its description, each question and the Notes box', async () => {
    const root = await renderPinpointScorecard();
    open(root);
    const form = readFeedbackForm('pinpoint', document);
    const fields = form?.fields ?? [];
    expect(new Set(Object.values(form?.readBy ?? {}))).toEqual(new Set(['provider']));
    for (const metric of metrics) {
      const field = byLabel(fields, metric.name);
      expect(optionLabels(field)).toEqual(['1', '2', '3', '4', '5']);
      expect(field.description).toBe(metric.description || undefined);
      expect(field.element.getAttribute('data-metric-id')).toBe(metric.id);
    }
    for (const question of questions) {
      expect(byLabel(fields, question.text).element.getAttribute('data-question-id')).toBe(question.id);
    }
    expect(summary(fields).map(({ key, required, filled }) => ({ key, required, filled }))).toEqual(
      fields.map((field) => ({ key: field.key, required: false, filled: false })),
    );
    expect(fields.map((field) => field.key)).toEqual([
      'problem-solving',
      'code-quality',
      'system-design',
      'what-did-the-candidate-build-in-the-exercise',
      'ownership',
      'collaboration',
      'do-you-have-any-concerns',
      'notes',
    ]);
  });

  it('derives the same keys the generic reader derives', async () => {
    const root = await renderPinpointScorecard();
    open(root);
    const dialog = findPinpointScorecard(document) as Element;
    expect(readPinpointFields(dialog).map((field) => field.key)).toEqual(
      readFormGeneric(dialog).fields.map((field) => field.key),
    );
  });

  it('reports what the interviewer already filled in as filled, with its value', async () => {
    const root = await renderPinpointScorecard();
    open(root);
    root.querySelector<HTMLInputElement>('input[name="metric-code-quality"][value="4"]')?.click();
    const notes = root.querySelector<HTMLTextAreaElement>('textarea[name="notes"]');
    if (notes) notes.value = 'Strong on fundamentals.';
    const fields = readFeedbackForm('pinpoint', document)?.fields ?? [];
    expect(fields.filter((field) => field.filled).map((field) => [field.label, field.currentValue])).toEqual([
      ['Code quality', '4'],
      ['Notes', 'Strong on fundamentals.'],
    ]);
  });

  it('lets the writers fill every field it read, into what the scorecard submits', async () => {
    const root = await renderPinpointScorecard();
    open(root);
    const fields = readFeedbackForm('pinpoint', document)?.fields ?? [];
    const outcomes = await fillFields(
      [
        { field: byLabel(fields, 'Problem solving'), value: 5 },
        { field: byLabel(fields, 'Collaboration'), value: '3' },
        { field: byLabel(fields, 'Do you have any concerns?'), value: 'None.' },
        { field: byLabel(fields, 'Notes'), value: 'Calm under pressure.' },
      ],
      { pauseMs: 0 },
    );
    expect(outcomes.filter((outcome) => !outcome.result.ok)).toEqual([]);
    expect(pageState()).toMatchObject({
      ratings: expect.arrayContaining([
        expect.objectContaining({ metricId: 'metric-problem-solving', score: 5 }),
        expect.objectContaining({ metricId: 'metric-collaboration', score: 3 }),
        expect.objectContaining({ metricId: 'metric-ownership', score: null }),
      ]),
      answers: expect.arrayContaining([expect.objectContaining({ questionId: 'question-concerns', answer: 'None.' })]),
      notes: 'Calm under pressure.',
    });
  });

  it('still reads a field the Pinpoint reader does not know, through the generic reader', async () => {
    const root = await renderPinpointScorecard();
    open(root);
    root.querySelector('[data-scorecard-form] > label')?.insertAdjacentHTML(
      'beforebegin',
      `<div class="overall"><label for="overall">Overall recommendation</label>
         <select id="overall" required><option value="">Choose…</option><option>Advance</option><option>Decline</option></select>
       </div>`,
    );
    const form = readFeedbackForm('pinpoint', document);
    const overall = byLabel(form?.fields ?? [], 'Overall recommendation');
    expect(overall).toMatchObject({ type: 'single-select', required: true, filled: false });
    expect(optionLabels(overall)).toEqual(['Advance', 'Decline']);
    expect(form?.readBy).toMatchObject({ 'overall-recommendation': 'generic', notes: 'provider' });
    expect(form?.fields.map((field) => field.label).slice(-2)).toEqual(['Overall recommendation', 'Notes']);
  });

  it("still finds the open dialog and its fields, generically, when Pinpoint's structure is gone", async () => {
    const root = await renderPinpointScorecard();
    open(root);
    stripProviderStructure(root);
    const form = readFeedbackForm('pinpoint', document);
    expect(form?.root.getAttribute('role')).toBe('dialog');
    // Only the Notes box is still recognised, by its form name; metrics and questions are read generically.
    const { notes, ...rest } = form?.readBy ?? {};
    expect(notes).toBe('provider');
    expect(new Set(Object.values(rest))).toEqual(new Set(['generic']));
    expect(shape(form?.fields ?? [])).toEqual(expectedFields);
    expect(optionLabels(byLabel(form?.fields ?? [], 'Problem solving'))).toEqual(['1', '2', '3', '4', '5']);

    root.querySelector<HTMLElement>('[role="dialog"]')?.setAttribute('hidden', '');
    expect(readFeedbackForm('pinpoint', document)).toBeNull();
  });
});
