// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { readLeverFields } from '@/lib/autofill/readers/lever';
import { readFeedbackForm } from '@/lib/autofill/readers/read-feedback-form';
import { fillFields } from '@/lib/autofill/writers';
import { leverFeedbackConfig } from '../../../sandbox/forms/lever-form.ts';
import { demo } from '../../../sandbox/seed.ts';
import { createStore } from '../../../sandbox/store.ts';
import { byLabel, optionLabels, pageState, renderLeverForm, stripProviderStructure, summary } from './sandbox-forms';

/** A feedback template (lever-api.md §5) with every field type Lever's feedback forms have. */
const fields = [
  {
    id: 'f-rating',
    type: 'score-system',
    text: 'Rating',
    description: '',
    required: true,
    prompt: 'Select one',
    options: [
      { text: '4 - Strong Hire' },
      { text: '3 - Hire' },
      { text: '2 - No Hire' },
      { text: '1 - Strong No Hire' },
    ],
  },
  { id: 'f-communication', type: 'score', text: 'Communication', description: 'Thumbs scale', required: false },
  {
    id: 'f-skills',
    type: 'scorecard',
    text: '',
    description: '',
    required: false,
    scores: [
      { text: 'Ownership', description: 'Takes problems end to end' },
      { text: 'Craft', description: 'Quality of the work' },
    ],
  },
  { id: 'f-work-with', type: 'yes-no', text: 'Would you want to work with them?', description: '', required: true },
  {
    id: 'f-seniority',
    type: 'dropdown',
    text: 'Seniority',
    description: '',
    required: false,
    prompt: 'Select one',
    options: [{ text: 'Mid-level' }, { text: 'Senior' }, { text: 'Staff' }],
  },
  {
    id: 'f-rounds',
    type: 'multiple-choice',
    text: 'Rounds completed',
    description: 'How many exercises the candidate finished.',
    required: false,
    options: [{ text: '1' }, { text: '2' }, { text: '3' }],
  },
  {
    id: 'f-topics',
    type: 'multiple-select',
    text: 'Topics covered',
    description: '',
    required: false,
    options: [{ text: 'Idempotency' }, { text: 'Databases' }, { text: 'Testing' }],
  },
  { id: 'f-title', type: 'text', text: 'Current title', description: 'As they described it.', required: true },
  { id: 'f-depth', type: 'textarea', text: 'Technical depth', description: 'Evidence, please.', required: false },
  { id: 'f-snippet', type: 'code', text: 'Code snippet', description: '', required: false },
  { id: 'f-start', type: 'date', text: 'Earliest start date', description: '', required: false },
];

const config = {
  opportunityId: 'opportunity-1',
  panelId: 'panel-1',
  interviewId: 'interview-1',
  template: { id: 'template-1', text: 'Technical Interview Scorecard', instructions: 'Score what you saw.', fields },
};

function shape(read: PageFormField[]) {
  return read.map(({ key, label, type }) => ({ key, label, type }));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('readFeedbackForm on Lever', () => {
  it("reads every Lever field type as the template's type says, with options, help text and required", async () => {
    await renderLeverForm(config);
    const form = readFeedbackForm('lever', document);
    const read = form?.fields ?? [];
    expect(summary(read)).toEqual([
      { key: 'rating', label: 'Rating', type: 'score', required: true, filled: false },
      { key: 'communication', label: 'Communication', type: 'score', required: false, filled: false },
      { key: 'ownership', label: 'Ownership', type: 'score', required: false, filled: false },
      { key: 'ownership-comment', label: 'Ownership comment', type: 'text', required: false, filled: false },
      { key: 'craft', label: 'Craft', type: 'score', required: false, filled: false },
      { key: 'craft-comment', label: 'Craft comment', type: 'text', required: false, filled: false },
      {
        key: 'would-you-want-to-work-with-them',
        label: 'Would you want to work with them?',
        type: 'yes-no',
        required: true,
        filled: false,
      },
      { key: 'seniority', label: 'Seniority', type: 'single-select', required: false, filled: false },
      { key: 'rounds-completed', label: 'Rounds completed', type: 'single-select', required: false, filled: false },
      { key: 'topics-covered', label: 'Topics covered', type: 'multi-select', required: false, filled: false },
      { key: 'current-title', label: 'Current title', type: 'text', required: true, filled: false },
      { key: 'technical-depth', label: 'Technical depth', type: 'long-text', required: false, filled: false },
      { key: 'code-snippet', label: 'Code snippet', type: 'text', required: false, filled: false },
      { key: 'earliest-start-date', label: 'Earliest start date', type: 'date', required: false, filled: false },
    ]);
    expect(new Set(Object.values(form?.readBy ?? {}))).toEqual(new Set(['provider']));
    // The overall rating keeps Lever's order (highest first) and option texts, which are what the API takes back.
    expect(optionLabels(byLabel(read, 'Rating'))).toEqual([
      '4 - Strong Hire',
      '3 - Hire',
      '2 - No Hire',
      '1 - Strong No Hire',
    ]);
    expect(optionLabels(byLabel(read, 'Communication'))).toEqual([
      '1 – Strong no',
      '2 – No',
      '3 – Yes',
      '4 – Strong yes',
    ]);
    expect(byLabel(read, 'Communication').description).toBe('Thumbs scale');
    expect(byLabel(read, 'Ownership').description).toBe('Takes problems end to end');
    expect(byLabel(read, 'Craft').description).toBe('Quality of the work');
    expect(byLabel(read, 'Would you want to work with them?').options).toEqual([
      { value: 'yes', label: 'yes' },
      { value: 'no', label: 'no' },
    ]);
    expect(optionLabels(byLabel(read, 'Seniority'))).toEqual(['Mid-level', 'Senior', 'Staff']);
    expect(optionLabels(byLabel(read, 'Rounds completed'))).toEqual(['1', '2', '3']);
    expect(byLabel(read, 'Rounds completed').description).toBe('How many exercises the candidate finished.');
    expect(optionLabels(byLabel(read, 'Topics covered'))).toEqual(['Idempotency', 'Databases', 'Testing']);
    expect(byLabel(read, 'Current title').description).toBe('As they described it.');
    expect(byLabel(read, 'Technical depth').description).toBe('Evidence, please.');
  });

  it('derives the same keys the generic reader derives', async () => {
    const root = await renderLeverForm(config);
    const form = root.querySelector('form') as Element;
    expect(readLeverFields(form).map((each) => each.key)).toEqual(readFormGeneric(form).fields.map((each) => each.key));
  });

  it('reports what the interviewer already filled in as filled, with its value', async () => {
    const root = await renderLeverForm(config);
    const press = (label: string) =>
      Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
        (button) => (button.getAttribute('aria-label') ?? button.textContent) === label,
      );
    press('3 - Hire')?.click();
    root.querySelector<HTMLInputElement>('input[value="Databases"]')?.click();
    root.querySelector<HTMLInputElement>('input[value="Testing"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const initial = readFeedbackForm('lever', document)?.fields ?? [];
    await fillFields(
      [
        { field: byLabel(initial, 'Seniority'), value: 'Senior' },
        { field: byLabel(initial, 'Earliest start date'), value: '2026-03-01' },
      ],
      { pauseMs: 0 },
    );

    const read = readFeedbackForm('lever', document)?.fields ?? [];
    expect(read.filter((each) => each.filled).map((each) => [each.label, each.currentValue])).toEqual([
      ['Rating', '3 - Hire'],
      ['Seniority', 'Senior'],
      ['Topics covered', ['Databases', 'Testing']],
      ['Earliest start date', '2026-03-01'],
    ]);
  });

  it('lets the writers fill every field it read, and the page takes the values', async () => {
    await renderLeverForm(config);
    const read = readFeedbackForm('lever', document)?.fields ?? [];
    const outcomes = await fillFields(
      [
        { field: byLabel(read, 'Rating'), value: 4 },
        { field: byLabel(read, 'Communication'), value: 3 },
        { field: byLabel(read, 'Ownership'), value: 2 },
        { field: byLabel(read, 'Craft comment'), value: 'Careful tests.' },
        { field: byLabel(read, 'Would you want to work with them?'), value: 'yes' },
        { field: byLabel(read, 'Rounds completed'), value: '2' },
        { field: byLabel(read, 'Topics covered'), value: ['Idempotency', 'Testing'] },
        { field: byLabel(read, 'Current title'), value: 'Senior engineer' },
        { field: byLabel(read, 'Technical depth'), value: 'Designed the retry path.' },
        { field: byLabel(read, 'Earliest start date'), value: Date.UTC(2026, 2, 1) },
      ],
      { pauseMs: 0 },
    );
    expect(outcomes.filter((outcome) => !outcome.result.ok)).toEqual([]);
    const values = Object.fromEntries(
      (pageState() as { fieldValues: Array<{ id: string; value: unknown }> }).fieldValues.map((each) => [
        each.id,
        each.value,
      ]),
    );
    expect(values).toEqual({
      'f-rating': '4 - Strong Hire',
      'f-communication': 3,
      'f-skills': [
        { score: 2, comment: '' },
        { score: 0, comment: 'Careful tests.' },
      ],
      'f-work-with': 'yes',
      'f-seniority': null,
      'f-rounds': '2',
      'f-topics': ['Idempotency', 'Testing'],
      'f-title': 'Senior engineer',
      'f-depth': 'Designed the retry path.',
      'f-snippet': null,
      'f-start': Date.UTC(2026, 2, 1),
    });
  });

  it('still reads a field the Lever reader does not know, through the generic reader', async () => {
    const root = await renderLeverForm(config);
    root.querySelector('button[type="submit"]')?.insertAdjacentHTML(
      'beforebegin',
      `<div class="feedback-field" data-field-id="f-currency" data-field-type="currency">
           <label for="salary">Salary expectation *</label><input id="salary" type="number" />
         </div>
         <p><label><input type="checkbox" checked /> Share with the hiring manager</label></p>`,
    );
    const form = readFeedbackForm('lever', document);
    const read = form?.fields ?? [];
    expect(summary(read.slice(-2))).toEqual([
      { key: 'salary-expectation', label: 'Salary expectation', type: 'number', required: true, filled: false },
      {
        key: 'share-with-the-hiring-manager',
        label: 'Share with the hiring manager',
        type: 'yes-no',
        required: false,
        filled: true,
      },
    ]);
    expect(form?.readBy['salary-expectation']).toBe('generic');
    expect(form?.readBy['share-with-the-hiring-manager']).toBe('generic');
    expect(form?.readBy.rating).toBe('provider');
  });

  it("falls back to the generic reader for the same fields when Lever's structure is gone", async () => {
    const root = await renderLeverForm(config);
    const withStructure = readFeedbackForm('lever', document)?.fields ?? [];
    stripProviderStructure(root);
    const without = readFeedbackForm('lever', document);
    expect(new Set(Object.values(without?.readBy ?? {}))).toEqual(new Set(['generic']));
    expect(without?.fields.map((each) => each.label)).toEqual(withStructure.map((each) => each.label));
    // Only the template's types tell these two apart from what their options look like.
    const typesThatDiffer = (without?.fields ?? []).filter((each, index) => each.type !== withStructure[index]?.type);
    expect(shape(typesThatDiffer)).toEqual([
      { key: 'rating', label: 'Rating', type: 'single-select' },
      { key: 'rounds-completed', label: 'Rounds completed', type: 'score' },
    ]);
  });

  it("reads the seeded interview's form entirely through the Lever reader", async () => {
    const seeded = leverFeedbackConfig(createStore(), demo.lever.interviewId);
    if (!seeded) throw new Error('the seeded interview has no feedback form');
    await renderLeverForm(seeded);
    const form = readFeedbackForm('lever', document);
    const skills = seeded.template.fields.flatMap((each) => each.scores ?? []);
    const plain = seeded.template.fields.filter((each) => each.type !== 'scorecard');
    expect(form?.fields).toHaveLength(plain.length + skills.length * 2);
    expect(new Set(Object.values(form?.readBy ?? {}))).toEqual(new Set(['provider']));
  });
});
