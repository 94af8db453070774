// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildSubmission, labelKey, matchFormFields, toApiValue, type PageFieldForApi } from '@/lib/autofill/api-form';
import type { FeedbackFieldDefinition, FeedbackFormDefinition } from '@/lib/core/types';

const options = (...labels: string[]) => labels.map((label) => ({ value: label, label }));

const page = (key: string, label: string, type: PageFieldForApi['type'], pageOptions = options()): PageFieldForApi => ({
  key,
  label,
  type,
  options: pageOptions,
});

const api = (
  id: string,
  label: string,
  type: FeedbackFieldDefinition['type'],
  apiOptions: FeedbackFieldDefinition['options'] = [],
  required = false,
): FeedbackFieldDefinition => ({ id, label, type, required, options: apiOptions });

const form: FeedbackFormDefinition = {
  provider: 'ashby',
  id: 'form-1',
  title: 'Technical Interview Feedback',
  fields: [
    api('_systemfield_overall_recommendation', 'Overall score', 'score', options('1', '2', '3', '4'), true),
    api('recommendation', 'Recommendation', 'single-select', [
      { value: 'no_hire', label: 'No hire' },
      { value: 'hire', label: 'Hire' },
    ]),
    api('notes', 'Notes', 'long-text'),
    api('notes_2', 'Notes', 'long-text'),
    api('would_work_with', 'Would you like to work with this person?', 'yes-no'),
    api('strengths', 'Strengths', 'multi-select', [
      { value: 'coding', label: 'Coding' },
      { value: 'communication', label: 'Communication' },
    ]),
  ],
};

describe('pairing page fields with the ATS form', () => {
  it('ignores case, spacing, required markers and trailing punctuation in labels', () => {
    expect(labelKey('  Overall   score * ')).toBe('overall score');
    expect(labelKey('Would you like to work with this person?')).toBe('would you like to work with this person');
    expect(labelKey('Notice period (required)')).toBe('notice period');
  });

  it('pairs fields by title, two fields titled alike one to one in order, and leaves page-only fields out', () => {
    const matches = matchFormFields(
      [
        page('overall-score', 'Overall score*', 'score'),
        page('notes', 'Notes', 'long-text'),
        page('notes-2', 'Notes', 'long-text'),
        page('favourite-colour', 'Favourite colour', 'text'),
      ],
      form,
    );
    expect(matches.get('overall-score')?.id).toBe('_systemfield_overall_recommendation');
    expect(matches.get('notes')?.id).toBe('notes');
    expect(matches.get('notes-2')?.id).toBe('notes_2');
    expect(matches.has('favourite-colour')).toBe(false);
  });
});

describe('turning page values into API values', () => {
  const [score, recommendation, notes, , yesNo, strengths] = form.fields as [
    FeedbackFieldDefinition,
    FeedbackFieldDefinition,
    FeedbackFieldDefinition,
    FeedbackFieldDefinition,
    FeedbackFieldDefinition,
    FeedbackFieldDefinition,
  ];

  it('maps a chosen option by its label to the value the API expects', () => {
    const field = page('recommendation', 'Recommendation', 'single-select', options('No hire', 'Hire'));
    expect(toApiValue(field, recommendation, 'Hire')).toEqual({ ok: true, value: 'hire' });
  });

  it('maps a score shown with words to the API score by its leading number', () => {
    const field = page('overall', 'Overall score', 'score', options('1 – Strong no', '3 – Yes'));
    expect(toApiValue(field, score, '3 – Yes')).toEqual({ ok: true, value: '3' });
  });

  it('turns yes/no answers into booleans and refuses anything else', () => {
    const field = page('work', 'Would you like to work with this person?', 'yes-no', options('Yes', 'No'));
    expect(toApiValue(field, yesNo, 'Yes')).toEqual({ ok: true, value: true });
    expect(toApiValue(field, yesNo, 'no')).toEqual({ ok: true, value: false });
    expect(toApiValue(field, yesNo, 'maybe')).toMatchObject({ ok: false });
  });

  it('sends every chosen option of a multi-select, and names an option the API does not have', () => {
    const field = page('strengths', 'Strengths', 'multi-select', options('Coding', 'Communication', 'Design'));
    expect(toApiValue(field, strengths, ['Coding', 'Communication'])).toEqual({
      ok: true,
      value: ['coding', 'communication'],
    });
    expect(toApiValue(field, strengths, 'Coding|Design')).toEqual({
      ok: false,
      reason: '“Design” is not one of Strengths’s options.',
    });
  });

  it('keeps text as typed, multi-line included', () => {
    expect(toApiValue(page('notes', 'Notes', 'long-text'), notes, '- one\n- two')).toEqual({
      ok: true,
      value: '- one\n- two',
    });
  });
});

describe('building the API submission from the reviewed form', () => {
  const scorecardForm: FeedbackFormDefinition = {
    provider: 'lever',
    id: 'template-1',
    title: 'Technical Interview Scorecard',
    fields: [
      api('rating', 'Rating', 'score', options('4 - Strong Hire', '3 - Hire'), true),
      api('depth', 'Technical depth', 'long-text', [], true),
      { ...api('skills', 'Ownership, Craft', 'other'), parts: ['Ownership', 'Craft'] },
    ],
  };
  const pageFields = [
    page('rating', 'Rating', 'score', options('4 - Strong Hire', '3 - Hire')),
    page('depth', 'Technical depth', 'long-text'),
    page('ownership', 'Ownership', 'score', options('1', '2', '3', '4')),
    page('ownership-comment', 'Ownership comment', 'long-text'),
    page('craft', 'Craft', 'score', options('1', '2', '3', '4')),
    page('craft-comment', 'Craft comment', 'long-text'),
    page('page-only', 'Page only', 'text'),
  ];
  const build = (values: Record<string, string>) =>
    buildSubmission(
      'Lever',
      scorecardForm,
      pageFields,
      matchFormFields(pageFields, scorecardForm),
      (field) => values[field.key] ?? null,
    );

  it('gathers a scorecard’s skills into one entry per skill, a skill left alone scoring 0', () => {
    const submission = build({
      rating: '3 - Hire',
      depth: 'Clear on idempotency.',
      'ownership-comment': 'Led the ledger migration.',
      craft: '4',
    });
    expect(submission.values).toEqual([
      {
        fieldId: 'skills',
        value: [
          { score: 0, comment: 'Led the ledger migration.' },
          { score: 4, comment: '' },
        ],
      },
      { fieldId: 'rating', value: '3 - Hire' },
      { fieldId: 'depth', value: 'Clear on idempotency.' },
    ]);
    expect(submission.warnings).toEqual([]);
    expect(submission.missingRequired).toEqual([]);
  });

  it('names required fields still empty, and page fields the API does not know', () => {
    const submission = build({ 'page-only': 'x' });
    expect(submission.missingRequired.map((field) => field.label)).toEqual(['Rating', 'Technical depth']);
    expect(submission.warnings).toEqual(["“Page only” is not in the form Lever's API knows, so it would not be sent."]);
    expect(submission.values).toEqual([]);
  });
});
