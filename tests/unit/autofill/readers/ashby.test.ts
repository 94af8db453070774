// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { readAshbyFields } from '@/lib/autofill/readers/ashby';
import { peekListboxOptions, readFeedbackForm } from '@/lib/autofill/readers/read-feedback-form';
import { fillFields } from '@/lib/autofill/writers';
import { byLabel, optionLabels, pageState, renderAshbyForm, stripProviderStructure, summary } from './sandbox-forms';

/** A `formDefinition` in the API's shape (ashby-api.md §7) with one field of every type the page draws. */
function field(
  path: string,
  type: string,
  title: string,
  isRequired: boolean,
  descriptionPlain?: string,
  selectableValues?: Array<{ label: string; value: string }>,
) {
  return {
    isRequired,
    ...(descriptionPlain ? { descriptionPlain } : {}),
    field: {
      id: `field-${path}`,
      type,
      path,
      humanReadablePath: title,
      title,
      isNullable: !isRequired,
      ...(selectableValues ? { selectableValues } : {}),
    },
  };
}

const config = {
  formDefinitionId: 'form-1',
  applicationId: 'application-1',
  interviewEventId: 'event-1',
  userId: 'user-1',
  title: 'Technical Interview Feedback',
  sections: [
    {
      title: 'Overall',
      fields: [
        field('_systemfield_overall_recommendation', 'Score', 'Overall score', true, 'Your overall assessment.'),
        field('recommendation', 'ValueSelect', 'Recommendation', true, 'What should happen next?', [
          { label: 'Strong no hire', value: 'strong_no_hire' },
          { label: 'No hire', value: 'no_hire' },
          { label: 'Hire', value: 'hire' },
          { label: 'Strong hire', value: 'strong_hire' },
        ]),
        field('_systemfield_feedback', 'RichText', 'Overall feedback', true, 'Quote the candidate where you can.'),
      ],
    },
    {
      title: 'Skills',
      fields: [
        field('system_design', 'Score', 'System design', false, 'Trade-offs, failure modes, data modelling.'),
        field('would_work_with', 'Boolean', 'Would you like to work with this person?', false),
        field('notice_period', 'String', 'Notice period', false, 'As the candidate stated it.'),
        field('concerns', 'LongText', 'Concerns', false),
      ],
    },
  ],
};

function shape(fields: PageFormField[]) {
  return fields.map(({ key, label, type, required, description }) => ({ key, label, type, required, description }));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('readFeedbackForm on Ashby', () => {
  it('reads every field type from its Ashby container, with title, help text, required and options', async () => {
    await renderAshbyForm(config);
    const form = readFeedbackForm('ashby', document);
    expect(form?.root.tagName).toBe('FORM');
    const fields = form?.fields ?? [];
    expect(summary(fields)).toEqual([
      { key: 'overall-score', label: 'Overall score', type: 'score', required: true, filled: false },
      { key: 'recommendation', label: 'Recommendation', type: 'single-select', required: true, filled: false },
      { key: 'overall-feedback', label: 'Overall feedback', type: 'rich-text', required: true, filled: false },
      { key: 'system-design', label: 'System design', type: 'score', required: false, filled: false },
      {
        key: 'would-you-like-to-work-with-this-person',
        label: 'Would you like to work with this person?',
        type: 'yes-no',
        required: false,
        filled: false,
      },
      { key: 'notice-period', label: 'Notice period', type: 'text', required: false, filled: false },
      { key: 'concerns', label: 'Concerns', type: 'long-text', required: false, filled: false },
    ]);
    expect(Object.values(form?.readBy ?? {})).toEqual(Array(7).fill('provider'));
    expect(byLabel(fields, 'Overall score').options).toEqual([
      { value: '1', label: '1 Strong No' },
      { value: '2', label: '2 No' },
      { value: '3', label: '3 Yes' },
      { value: '4', label: '4 Strong Yes' },
    ]);
    expect(byLabel(fields, 'Overall score').description).toBe('Your overall assessment.');
    expect(byLabel(fields, 'Overall feedback').description).toBe('Quote the candidate where you can.');
    expect(byLabel(fields, 'Notice period').description).toBe('As the candidate stated it.');
    expect(byLabel(fields, 'Concerns').description).toBeUndefined();
    expect(optionLabels(byLabel(fields, 'Would you like to work with this person?'))).toEqual(['Yes', 'No']);
    // Each field's element is its Ashby container, the one the writers look for controls in.
    expect(fields.map((each) => each.element.getAttribute('data-field-path'))).toEqual(
      config.sections.flatMap((section) => section.fields.map((each) => each.field.path)),
    );
  });

  it('derives the same keys the generic reader derives, so proposals survive a switch of reader', async () => {
    const root = await renderAshbyForm(config);
    const form = root.querySelector('form') as Element;
    expect(readAshbyFields(form).map((each) => each.key)).toEqual(readFormGeneric(form).fields.map((each) => each.key));
  });

  it('keeps help text apart from the validation error the page adds after a failed submit', async () => {
    const root = await renderAshbyForm(config);
    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]');
    submit?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector('.field-error')).not.toBeNull();
    const fields = readFeedbackForm('ashby', document)?.fields ?? [];
    expect(byLabel(fields, 'Overall score').description).toBe('Your overall assessment.');
    expect(byLabel(fields, 'Recommendation').description).toBe('What should happen next?');
  });

  it("learns the value select's options by peeking into its popup once, then closes it and gives focus back", async () => {
    const root = await renderAshbyForm(config);
    const before = readFeedbackForm('ashby', document);
    expect(byLabel(before?.fields ?? [], 'Recommendation').options).toEqual([]);

    const typing = root.querySelector<HTMLInputElement>('input[type="text"]');
    typing?.focus();
    const trigger = root.querySelector('[aria-haspopup="listbox"]') as HTMLElement;
    let opened = 0;
    trigger.addEventListener('click', () => opened++);

    expect(await peekListboxOptions(before?.fields ?? [])).toBe(1);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(document.activeElement).toBe(typing);

    const after = readFeedbackForm('ashby', document);
    const recommendation = byLabel(after?.fields ?? [], 'Recommendation');
    expect(optionLabels(recommendation)).toEqual(['Strong no hire', 'No hire', 'Hire', 'Strong hire']);
    expect(recommendation.currentValue).toBeNull();

    expect(await peekListboxOptions(after?.fields ?? [])).toBe(0);
    expect(opened).toBe(1);
  });

  it('reports what the interviewer already filled in as filled, with its value', async () => {
    const root = await renderAshbyForm(config);
    root.querySelector<HTMLInputElement>('input[name="system_design"][value="2"]')?.click();
    Array.from(root.querySelectorAll<HTMLButtonElement>('button[aria-pressed]'))
      .find((button) => button.textContent === 'No')
      ?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const form = readFeedbackForm('ashby', document);
    const initial = form?.fields ?? [];
    await fillFields(
      [
        { field: byLabel(initial, 'Notice period'), value: 'Three months' },
        { field: byLabel(initial, 'Concerns'), value: 'Little testing.' },
      ],
      { pauseMs: 0 },
    );

    const fields = readFeedbackForm('ashby', document)?.fields ?? [];
    const filled = fields.filter((each) => each.filled).map((each) => [each.label, each.currentValue]);
    expect(filled).toEqual([
      ['System design', '2'],
      ['Would you like to work with this person?', 'No'],
      ['Notice period', 'Three months'],
      ['Concerns', 'Little testing.'],
    ]);
  });

  it('lets the writers fill every field it read, and the page takes the values', async () => {
    await renderAshbyForm(config);
    const first = readFeedbackForm('ashby', document);
    await peekListboxOptions(first?.fields ?? []);
    const fields = readFeedbackForm('ashby', document)?.fields ?? [];
    const outcomes = await fillFields(
      [
        { field: byLabel(fields, 'Overall score'), value: 3 },
        { field: byLabel(fields, 'Recommendation'), value: 'Hire' },
        { field: byLabel(fields, 'Overall feedback'), value: 'Clear on trade-offs.\nWrote tests first.' },
        { field: byLabel(fields, 'System design'), value: '4' },
        { field: byLabel(fields, 'Would you like to work with this person?'), value: 'Yes' },
        { field: byLabel(fields, 'Notice period'), value: 'One month' },
        { field: byLabel(fields, 'Concerns'), value: 'None.' },
      ],
      { pauseMs: 0 },
    );
    expect(outcomes.filter((outcome) => !outcome.result.ok)).toEqual([]);
    expect(pageState()).toMatchObject({
      feedbackForm: {
        fieldSubmissions: [
          { path: '_systemfield_overall_recommendation', value: { score: 3 } },
          { path: 'recommendation', value: 'hire' },
          {
            path: '_systemfield_feedback',
            value: { type: 'PlainText', value: 'Clear on trade-offs.\n\nWrote tests first.' },
          },
          { path: 'system_design', value: { score: 4 } },
          { path: 'would_work_with', value: true },
          { path: 'notice_period', value: 'One month' },
          { path: 'concerns', value: 'None.' },
        ],
      },
    });
  });

  it('still reads fields the Ashby reader does not know, through the generic reader', async () => {
    const root = await renderAshbyForm(config);
    const skills = root.querySelectorAll('section')[1] as Element;
    skills.insertAdjacentHTML(
      'beforeend',
      `<div class="feedback-field" data-field-path="salary" data-field-type="Currency">
         <label for="salary-input">Salary expectation</label><input id="salary-input" type="text" value="90k" />
       </div>
       <div><label for="extra-concerns">Concerns</label><textarea id="extra-concerns" required></textarea></div>`,
    );
    const form = readFeedbackForm('ashby', document);
    const fields = form?.fields ?? [];
    expect(summary(fields.slice(-2))).toEqual([
      { key: 'salary-expectation', label: 'Salary expectation', type: 'text', required: false, filled: true },
      { key: 'concerns-2', label: 'Concerns', type: 'long-text', required: true, filled: false },
    ]);
    expect(form?.readBy).toMatchObject({
      concerns: 'provider',
      'salary-expectation': 'generic',
      'concerns-2': 'generic',
    });
    expect(byLabel(fields, 'Salary expectation').currentValue).toBe('90k');
    expect(fields).toHaveLength(9);
  });

  it("falls back to the generic reader for the same fields when Ashby's structure is gone", async () => {
    const root = await renderAshbyForm(config);
    const withStructure = readFeedbackForm('ashby', document);
    stripProviderStructure(root);
    const without = readFeedbackForm('ashby', document);
    expect(without?.root.tagName).toBe('FORM');
    expect(Object.values(without?.readBy ?? {})).toEqual(Array(7).fill('generic'));
    expect(shape(without?.fields ?? [])).toEqual(shape(withStructure?.fields ?? []));
  });

  it('reads the page generically when it shows no feedback form of Ashby shape at all', () => {
    document.body.innerHTML = `<main><form aria-label="Interview feedback">
      <label for="n">Notes</label><textarea id="n"></textarea></form></main>`;
    const form = readFeedbackForm('ashby', document);
    expect(form?.root.tagName).toBe('FORM');
    expect(form?.readBy).toEqual({ notes: 'generic' });
  });
});
