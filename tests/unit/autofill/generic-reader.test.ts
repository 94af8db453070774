// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toFieldDescriptor, type PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';

function loadFixture(name: string): Element {
  document.body.innerHTML = readFileSync(join(process.cwd(), 'tests/fixtures/forms', name), 'utf8');
  const root = document.body.firstElementChild;
  if (!root) throw new Error(`fixture ${name} is empty`);
  return root;
}

function summary(fields: PageFormField[]) {
  return fields.map(({ label, type, required, filled }) => ({ label, type, required, filled }));
}

function labels(field: PageFormField | undefined): string[] {
  return (field?.options ?? []).map((option) => option.label);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readFormGeneric on an Ashby-like React form', () => {
  it('reads radio scales, the listbox select, toggle buttons and TipTap editors, and skips hidden fields and buttons', () => {
    const form = readFormGeneric(loadFixture('ashby-feedback.html'));
    expect(summary(form.fields)).toEqual([
      { label: 'Overall Recommendation', type: 'score', required: true, filled: false },
      { label: 'Technical Skills', type: 'score', required: false, filled: true },
      { label: 'Level', type: 'single-select', required: true, filled: false },
      { label: 'Would you work with this person again?', type: 'yes-no', required: false, filled: false },
      { label: 'Notes', type: 'rich-text', required: false, filled: false },
      { label: 'Strengths', type: 'rich-text', required: false, filled: true },
    ]);
    const [overall, technical, level, , notes, strengths] = form.fields;
    expect(overall?.description).toBe('How strongly do you recommend moving forward?');
    expect(overall?.options).toEqual(['1', '2', '3', '4'].map((value) => ({ value, label: value })));
    expect(labels(technical)).toEqual(['1 Strong no', '2 No', '3 Yes', '4 Strong yes']);
    expect(technical?.currentValue).toBe('3');
    expect(level?.options).toEqual([
      { value: 'l3', label: 'L3 · Engineer' },
      { value: 'l4', label: 'L4 · Senior Engineer' },
      { value: 'l5', label: 'L5 · Staff Engineer' },
    ]);
    expect(notes?.currentValue).toBeNull();
    expect(strengths?.currentValue).toBe('Clear communicator.\nOwns outcomes.');
    expect(form.fields.map((field) => field.key)).toContain('overall-recommendation');
  });

  it('gives each field its own container and keeps DOM nodes out of the descriptor', () => {
    const form = readFormGeneric(loadFixture('ashby-feedback.html'));
    const containers = form.fields.map((field) => field.element);
    expect(new Set(containers).size).toBe(containers.length);
    expect(form.fields[0]?.element.querySelectorAll('input[type="radio"]')).toHaveLength(4);
    const descriptor = toFieldDescriptor(form.fields[0] as PageFormField);
    expect(descriptor).not.toHaveProperty('element');
    expect(JSON.parse(JSON.stringify(descriptor))).toEqual(descriptor);
  });
});

describe('readFormGeneric on a Lever-like template', () => {
  it('reads every Lever field type', () => {
    const form = readFormGeneric(loadFixture('lever-feedback.html'));
    expect(summary(form.fields)).toEqual([
      { label: 'Rating', type: 'score', required: true, filled: false },
      { label: 'Overall recommendation', type: 'score', required: true, filled: false },
      { label: 'Communication', type: 'score', required: false, filled: false },
      { label: 'Problem solving', type: 'score', required: false, filled: true },
      { label: 'Did the candidate complete the exercise?', type: 'yes-no', required: true, filled: false },
      { label: 'Seniority', type: 'single-select', required: false, filled: false },
      { label: 'Which team fits best?', type: 'single-select', required: false, filled: false },
      { label: 'Languages discussed', type: 'multi-select', required: false, filled: true },
      { label: 'Current title', type: 'text', required: true, filled: false },
      { label: 'Summary', type: 'long-text', required: false, filled: false },
      { label: 'Earliest start date', type: 'date', required: false, filled: true },
    ]);
    const byLabel = (label: string) => form.fields.find((field) => field.label === label);
    expect(labels(byLabel('Rating'))).toEqual(['1 - Strong No Hire', '2 - No Hire', '3 - Hire', '4 - Strong Hire']);
    expect(byLabel('Overall recommendation')?.options[2]).toEqual({ value: '3 - Hire', label: '3 - Hire' });
    expect(byLabel('Problem solving')?.currentValue).toBe('2');
    expect(byLabel('Did the candidate complete the exercise?')?.options).toEqual([
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ]);
    expect(labels(byLabel('Seniority'))).toEqual(['Junior', 'Mid', 'Senior']);
    expect(labels(byLabel('Which team fits best?'))).toEqual(['Platform', 'Product', 'Infrastructure']);
    expect(byLabel('Languages discussed')?.currentValue).toEqual(['TypeScript']);
    expect(byLabel('Summary')?.description).toBe('Two or three sentences for the hiring manager.');
    expect(byLabel('Earliest start date')?.currentValue).toBe('2026-03-01');
    // The disabled "Interviewer" input and the Submit/Cancel buttons are not fields.
    expect(byLabel('Interviewer')).toBeUndefined();
  });
});

describe('readFormGeneric on a Pinpoint-like dialog', () => {
  it('reads labelled radiogroups 1–5 with their help text, and the textareas', () => {
    const form = readFormGeneric(loadFixture('pinpoint-scorecard.html'));
    expect(summary(form.fields)).toEqual([
      { label: 'Communication', type: 'score', required: true, filled: false },
      { label: 'System design', type: 'score', required: false, filled: true },
      { label: 'Why does the candidate want this role?', type: 'long-text', required: false, filled: false },
      { label: 'Notes', type: 'long-text', required: false, filled: true },
    ]);
    expect(form.fields[0]?.description).toBe('Explains ideas clearly and listens.');
    expect(labels(form.fields[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(form.fields[1]?.currentValue).toBe('4');
    expect(form.fields[3]?.currentValue).toBe('Strong on fundamentals.');
  });
});

describe('readFormGeneric on small cases', () => {
  it('keeps keys unique when labels repeat, and reads aria-label, placeholders and wrapping labels', () => {
    document.body.innerHTML = `<form>
      <div><h3>Comments</h3><textarea></textarea></div>
      <div><h3>Comments</h3><textarea></textarea></div>
      <input type="email" aria-label="Referee email" aria-required="true" />
      <label>Salary expectation <input type="number" value="90000" /></label>
      <input type="text" placeholder="Portfolio URL" />
      <input type="checkbox" id="relocate" /><label for="relocate">Willing to relocate</label>
      <div role="combobox" aria-labelledby="loc-label" aria-controls="loc-list" id="loc">Berlin</div>
      <span id="loc-label">Location</span>
      <ul role="listbox" id="loc-list"><li role="option">Berlin</li><li role="option">Lisbon</li></ul>
    </form>`;
    const form = readFormGeneric(document.body.firstElementChild as Element);
    expect(form.fields.map((field) => [field.key, field.type, field.required, field.currentValue])).toEqual([
      ['comments', 'long-text', false, null],
      ['comments-2', 'long-text', false, null],
      ['referee-email', 'text', true, null],
      ['salary-expectation', 'number', false, '90000'],
      ['portfolio-url', 'text', false, null],
      ['willing-to-relocate', 'yes-no', false, null],
      ['location', 'single-select', false, 'Berlin'],
    ]);
  });
});
