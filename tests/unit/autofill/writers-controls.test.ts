// @vitest-environment happy-dom
import { createElement as h, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { readBack, writeField } from '@/lib/autofill/writers';

/*
 * The writers for native and ARIA choice controls beyond the scorecard form in writers.test.ts. Like there, React
 * renders without act(): on a real page nothing batches the writer's events, so React handles them as the discrete
 * events they are and the state below is what the page would submit.
 */

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  flushSync(() => root.unmount());
  document.body.innerHTML = '';
});

/** Renders one controlled field and returns it as the reader sees it, plus the state React holds for it. */
function renderField<Value>(initial: Value, draw: (value: Value, set: (next: Value) => void) => ReactNode) {
  let current = initial;
  function Field() {
    const [value, setValue] = useState(initial);
    return h(
      'form',
      null,
      draw(value, (next) => {
        current = next;
        setValue(next);
      }),
    );
  }
  flushSync(() => root.render(h(Field)));
  const [field] = readFormGeneric(container).fields;
  if (!field) throw new Error('the reader found no field');
  return { field: field as PageFormField, state: () => current };
}

describe('native select with multiple', () => {
  it('selects exactly the planned options by label and React receives them', async () => {
    const { field, state } = renderField<string[]>(['go'], (value, set) => [
      h('label', { key: 'label', htmlFor: 'languages' }, 'Languages'),
      h(
        'select',
        {
          key: 'select',
          id: 'languages',
          multiple: true,
          value,
          onChange: (event: { target: HTMLSelectElement }) =>
            set(Array.from(event.target.selectedOptions, (option) => option.value)),
        },
        h('option', { value: 'go' }, 'Go'),
        h('option', { value: 'rust' }, 'Rust'),
        h('option', { value: 'ts' }, 'TypeScript'),
      ),
    ]);
    expect(field.type).toBe('multi-select');
    expect(await writeField(field, ['Rust', 'TypeScript'])).toEqual({ ok: true });
    expect(state()).toEqual(['rust', 'ts']);
    expect(readBack(field)).toEqual(['rust', 'ts']);
  });

  it('names the values no option matches and changes nothing', async () => {
    const { field, state } = renderField<string[]>([], (value, set) => [
      h('label', { key: 'label', htmlFor: 'languages' }, 'Languages'),
      h(
        'select',
        {
          key: 'select',
          id: 'languages',
          multiple: true,
          value,
          onChange: (event: { target: HTMLSelectElement }) =>
            set(Array.from(event.target.selectedOptions, (option) => option.value)),
        },
        h('option', { value: 'go' }, 'Go'),
      ),
    ]);
    expect(await writeField(field, ['Go', 'Cobol'])).toEqual({ ok: false, reason: 'no option matches "Cobol"' });
    expect(state()).toEqual([]);
  });
});

describe('checkboxes', () => {
  const strengths = [
    { value: 'design', label: 'System design' },
    { value: 'coding', label: 'Coding' },
    { value: 'communication', label: 'Communication' },
  ];

  function renderGroup(initial: string[]) {
    return renderField<string[]>(initial, (value, set) =>
      h(
        'fieldset',
        null,
        h('legend', null, 'Strengths'),
        ...strengths.map((option) =>
          h(
            'label',
            { key: option.value },
            h('input', {
              type: 'checkbox',
              name: 'strengths',
              value: option.value,
              checked: value.includes(option.value),
              onChange: (event: { target: HTMLInputElement }) =>
                set(
                  event.target.checked ? [...value, option.value] : value.filter((checked) => checked !== option.value),
                ),
            }),
            option.label,
          ),
        ),
      ),
    );
  }

  it('a group ends with exactly the planned boxes checked, unchecking the others', async () => {
    const { field, state } = renderGroup(['coding']);
    expect(field.type).toBe('multi-select');
    expect(await writeField(field, ['System design', 'Communication'])).toEqual({ ok: true });
    expect([...state()].sort()).toEqual(['communication', 'design']);
  });

  it('a lone checkbox is unchecked by "no" and left alone when it already matches', async () => {
    let changes = 0;
    const { field, state } = renderField(true, (value, set) =>
      h(
        'label',
        null,
        h('input', {
          type: 'checkbox',
          checked: value,
          onChange: (event: { target: HTMLInputElement }) => {
            changes += 1;
            set(event.target.checked);
          },
        }),
        'Willing to relocate',
      ),
    );
    expect(field.type).toBe('yes-no');
    expect(await writeField(field, 'No')).toEqual({ ok: true });
    expect(state()).toBe(false);
    expect(await writeField(field, false)).toEqual({ ok: true });
    expect(changes).toBe(1);
  });
});

describe('ARIA radio group', () => {
  it('clicks the role="radio" option matched by label and React marks it checked', async () => {
    const options = ['Strong no', 'No', 'Yes', 'Strong yes'];
    const { field, state } = renderField<string | null>(null, (value, set) => [
      h('div', { key: 'label', id: 'hire-label' }, 'Hire?'),
      h(
        'div',
        { key: 'group', role: 'radiogroup', 'aria-labelledby': 'hire-label' },
        ...options.map((option) =>
          h(
            'div',
            {
              key: option,
              role: 'radio',
              tabIndex: 0,
              'aria-checked': value === option,
              onClick: () => set(option),
            },
            option,
          ),
        ),
      ),
    ]);
    expect(field.label).toBe('Hire?');
    expect(await writeField(field, 'Strong yes')).toEqual({ ok: true });
    expect(state()).toBe('Strong yes');
  });
});

describe('date and number inputs', () => {
  function renderInput(type: 'date' | 'number', label: string) {
    return renderField('', (value, set) => [
      h('label', { key: 'label', htmlFor: 'input' }, label),
      h('input', {
        key: 'input',
        id: 'input',
        type,
        value,
        onChange: (event: { target: HTMLInputElement }) => set(event.target.value),
      }),
    ]);
  }

  it('a date input gets yyyy-mm-dd from epoch milliseconds (Lever) and from an ISO timestamp', async () => {
    const { field, state } = renderInput('date', 'Start date');
    expect(field.type).toBe('date');
    expect(await writeField(field, Date.UTC(2026, 2, 14, 12))).toEqual({ ok: true });
    expect(state()).toBe('2026-03-14');
    expect(await writeField(field, '2026-04-01T09:30:00Z')).toEqual({ ok: true });
    expect(state()).toBe('2026-04-01');
    expect(await writeField(field, 'next week')).toEqual({ ok: false, reason: '"next week" is not a date' });
  });

  it('a number input gets the number as text', async () => {
    const { field, state } = renderInput('number', 'Years of experience');
    expect(field.type).toBe('number');
    expect(await writeField(field, 7)).toEqual({ ok: true });
    expect(state()).toBe('7');
  });
});
