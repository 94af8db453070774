// @vitest-environment happy-dom
import { createElement as h, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { fillFields, readBack, writeField } from '@/lib/autofill/writers';
import type { PageFormField } from '@/lib/autofill/form-model';

/*
 * No act() around writes: the writer runs outside React's test batching, as it does on a real page, so React
 * flushes discrete input/change/click updates synchronously and restores refused values before we read back.
 */
function render(element: Parameters<Root['render']>[0]) {
  flushSync(() => root.render(element));
}

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

type Changes = Record<string, unknown>;

/** A controlled React 19 form: every control's value lives in React state, reported through `onState`. */
function ControlledForm(props: { onState: (state: Changes) => void; onSubmit: () => void }) {
  const [state, setState] = useState({
    title: '',
    summary: '',
    seniority: '',
    score: '',
    relocate: false,
    digits: '',
    score2: '',
  });
  const update = (patch: Partial<typeof state>) => {
    const next = { ...state, ...patch };
    setState(next);
    props.onState(next);
  };
  return h(
    'form',
    {
      onSubmit: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        props.onSubmit();
      },
    },
    h('label', { htmlFor: 'title' }, 'Current title'),
    h('input', { id: 'title', value: state.title, onChange: (event) => update({ title: event.target.value }) }),
    h('label', { htmlFor: 'summary' }, 'Summary'),
    h('textarea', {
      id: 'summary',
      value: state.summary,
      onChange: (event: { target: HTMLTextAreaElement }) => update({ summary: event.target.value }),
    }),
    h('label', { htmlFor: 'seniority' }, 'Seniority'),
    h(
      'select',
      {
        id: 'seniority',
        value: state.seniority,
        onChange: (event: { target: HTMLSelectElement }) => update({ seniority: event.target.value }),
      },
      h('option', { value: '' }, 'Select…'),
      h('option', { value: 'mid' }, 'Mid'),
      h('option', { value: 'senior' }, 'Senior'),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Overall score'),
      ...['1', '2', '3', '4'].map((value) =>
        h(
          'label',
          { key: value },
          h('input', {
            type: 'radio',
            name: 'score',
            value,
            checked: state.score === value,
            onChange: () => update({ score: value }),
          }),
          value,
        ),
      ),
    ),
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        checked: state.relocate,
        onChange: (event) => update({ relocate: event.target.checked }),
      }),
      'Willing to relocate',
    ),
    h('label', { htmlFor: 'digits' }, 'Years of experience'),
    // Rejects anything but digits, like masked inputs do: the written value must not stick.
    h('input', {
      id: 'digits',
      value: state.digits,
      onChange: (event) => {
        if (/^\d*$/.test(event.target.value)) update({ digits: event.target.value });
      },
    }),
    h('div', null, 'Communication'),
    // Score buttons without a type attribute: inside a form they are submit buttons by default.
    h(
      'div',
      null,
      ...['1', '2', '3', '4'].map((value) =>
        h(
          'button',
          { key: value, 'aria-pressed': state.score2 === value, onClick: () => update({ score2: value }) },
          value,
        ),
      ),
    ),
    h('button', { type: 'submit' }, 'Submit feedback'),
  );
}

function renderForm() {
  const onState = vi.fn<(state: Changes) => void>();
  const onSubmit = vi.fn();
  render(h(ControlledForm, { onState, onSubmit }));
  const form = readFormGeneric(container);
  const field = (label: string): PageFormField => {
    const found = form.fields.find((candidate) => candidate.label === label);
    if (!found) throw new Error(`no field ${label} in ${form.fields.map((candidate) => candidate.label).join(', ')}`);
    return found;
  };
  const lastState = () => onState.mock.lastCall?.[0] ?? {};
  return { form, field, onState, onSubmit, lastState };
}

function write(field: PageFormField, value: Parameters<typeof writeField>[1]) {
  return writeField(field, value);
}

describe('writeField against a React 19 controlled form', () => {
  it('text input and textarea: native setter + bubbling input/change reach onChange', async () => {
    const { field, lastState } = await renderForm();
    expect(await write(field('Current title'), 'Staff Engineer')).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ title: 'Staff Engineer' });
    expect(await write(field('Summary'), 'Strong systems thinker.\nWould hire.')).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ summary: 'Strong systems thinker.\nWould hire.' });
    expect(readBack(field('Current title'))).toBe('Staff Engineer');
  });

  it('native select: prototype setter + change, matched by label', async () => {
    const { field, lastState } = await renderForm();
    expect(field('Seniority').type).toBe('single-select');
    expect(await write(field('Seniority'), 'Senior')).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ seniority: 'senior' });
    expect(readBack(field('Seniority'))).toBe('senior');
  });

  it('radio scale and checkbox: click only when the state differs', async () => {
    const { field, lastState, onState } = await renderForm();
    expect(field('Overall score').type).toBe('score');
    expect(await write(field('Overall score'), 3)).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ score: '3' });
    const calls = onState.mock.calls.length;
    expect(await write(field('Overall score'), '3')).toEqual({ ok: true });
    expect(onState.mock.calls.length).toBe(calls);
    expect(await write(field('Willing to relocate'), true)).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ relocate: true });
    expect(readBack(field('Willing to relocate'))).toBe('yes');
  });

  it('reports a value the page refused instead of claiming success', async () => {
    const { field, lastState } = await renderForm();
    const result = await write(field('Years of experience'), 'about ten');
    expect(result.ok).toBe(false);
    expect(lastState()).not.toHaveProperty('digits', 'about ten');
    expect(await write(field('Years of experience'), 10)).toEqual({ ok: true });
  });

  it('never submits: not through default-type score buttons, not through fillFields', async () => {
    const { field, form, lastState, onSubmit } = await renderForm();
    const submitListener = vi.fn();
    container.querySelector('form')?.addEventListener('submit', submitListener);
    expect(field('Communication').type).toBe('score');
    expect(await write(field('Communication'), 4)).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ score2: '4' });
    const outcomes = await fillFields(
      form.fields.map((candidate) => ({ field: candidate, value: candidate.type === 'score' ? 2 : 'x' })),
      { overwrite: true, pauseMs: 0 },
    );
    expect(outcomes.length).toBe(form.fields.length);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(submitListener).not.toHaveBeenCalled();
    expect(form.fields.some((candidate) => /submit/i.test(candidate.label))).toBe(false);
  });
});

describe('fillFields', () => {
  it('fills one field at a time and leaves filled fields alone unless asked to overwrite', async () => {
    const { field, lastState } = await renderForm();
    await write(field('Current title'), 'Typed by the interviewer');
    let outcomes = await fillFields(
      [
        { field: field('Current title'), value: 'Planned title' },
        { field: field('Summary'), value: 'Planned summary' },
      ],
      { pauseMs: 5 },
    );
    expect(outcomes).toEqual([
      { key: 'current-title', result: { ok: false, reason: 'the field already has a value' }, skipped: true },
      { key: 'summary', result: { ok: true }, skipped: false },
    ]);
    expect(lastState()).toMatchObject({ title: 'Typed by the interviewer', summary: 'Planned summary' });
    outcomes = await fillFields([{ field: field('Current title'), value: 'Planned title' }], { overwrite: true });
    expect(outcomes[0]?.result).toEqual({ ok: true });
    expect(lastState()).toMatchObject({ title: 'Planned title' });
  });
});

describe('writeField on a custom listbox select', () => {
  /** A popup select rendered only when opened, portaled to <body>, like Ashby's and Headless UI's. */
  function PopupSelect(props: { onPick: (value: string) => void }) {
    const [open, setOpen] = useState(false);
    const [value, setValue] = useState<string | null>(null);
    const options = [
      { value: 'l4', label: 'L4 · Senior Engineer' },
      { value: 'l5', label: 'L5 · Staff Engineer' },
    ];
    return h(
      'div',
      null,
      h('div', null, 'Level'),
      h(
        'button',
        { type: 'button', 'aria-haspopup': 'listbox', 'aria-expanded': open, onClick: () => setOpen(!open) },
        value ? options.find((option) => option.value === value)?.label : 'Select…',
      ),
      open &&
        h(
          'div',
          { role: 'listbox' },
          ...options.map((option) =>
            h(
              'div',
              {
                key: option.value,
                role: 'option',
                onClick: () => {
                  setValue(option.value);
                  setOpen(false);
                  props.onPick(option.value);
                },
              },
              option.label,
            ),
          ),
        ),
    );
  }

  it('opens the trigger, waits for the option by its text and clicks it', async () => {
    const onPick = vi.fn();
    render(h(PopupSelect, { onPick }));
    const [level] = readFormGeneric(container).fields;
    expect(level).toMatchObject({ label: 'Level', type: 'single-select', options: [], filled: false });
    expect(await write(level as PageFormField, 'L5 · Staff Engineer')).toEqual({ ok: true });
    expect(onPick).toHaveBeenCalledWith('l5');
    expect(container.querySelector('[role="listbox"]')).toBeNull();
  });

  it('fails with a reason when the list never offers the value', async () => {
    render(h(PopupSelect, { onPick: () => undefined }));
    const [level] = readFormGeneric(container).fields;
    const result = await write(level as PageFormField, 'L9 · Wizard');
    expect(result).toEqual({ ok: false, reason: 'the list did not offer "L9 · Wizard"' });
  });
});

describe('writeField on contenteditable editors', () => {
  /**
   * happy-dom has no document.execCommand, so these tests cover the fallback paths: a model-owning editor
   * (ProseMirror/Lexical style) that handles `beforeinput` and re-renders from its model, and a Draft.js-like one
   * that only takes paste.
   */
  function mountModelEditor(initial: string[]) {
    container.innerHTML = '<div><div>Notes</div><div contenteditable="true" class="ProseMirror"></div></div>';
    const editor = container.querySelector('.ProseMirror') as HTMLElement;
    let model = [...initial];
    const events: string[] = [];
    const render = () => {
      editor.innerHTML = model.map((paragraph) => `<p>${paragraph}</p>`).join('') || '<p><br></p>';
    };
    render();
    editor.addEventListener('beforeinput', (event) => {
      const input = event as InputEvent;
      events.push(`beforeinput:${input.inputType}`);
      const selection = window.getSelection();
      const replacesAll =
        selection !== null && selection.toString() === editor.textContent && selection.toString() !== '';
      if (replacesAll || model.length === 0) model = [''];
      if (input.inputType === 'insertText')
        model[model.length - 1] = (model[model.length - 1] ?? '') + (input.data ?? '');
      if (input.inputType === 'insertParagraph') model.push('');
      event.preventDefault();
      render();
      // Collapse the selection to the end, as the editor would after typing.
      selection?.removeAllRanges();
    });
    editor.addEventListener('input', (event) => events.push(`input:${(event as InputEvent).inputType}`));
    return { editor, events, model: () => model };
  }

  it('uses beforeinput insertText/insertParagraph when execCommand is missing, with no input after a cancelled one', async () => {
    expect(typeof (document as { execCommand?: unknown }).execCommand).toBe('undefined');
    const { events, model } = mountModelEditor([]);
    const [notes] = readFormGeneric(container).fields;
    expect(notes).toMatchObject({ label: 'Notes', type: 'rich-text', filled: false });
    expect(await writeField(notes as PageFormField, 'First point.\nSecond point.')).toEqual({ ok: true });
    expect(model()).toEqual(['First point.', 'Second point.']);
    // Browsers send no input after a cancelled beforeinput; Lexical would insert the text a second time on one.
    expect(events).toEqual(['beforeinput:insertText', 'beforeinput:insertParagraph', 'beforeinput:insertText']);
  });

  it('replaces existing text when overwriting', async () => {
    const { model } = mountModelEditor(['Old note']);
    const [notes] = readFormGeneric(container).fields;
    expect(notes?.filled).toBe(true);
    expect(await writeField(notes as PageFormField, 'New note')).toEqual({ ok: true });
    expect(model()).toEqual(['New note']);
  });

  it('uses a paste ClipboardEvent with a DataTransfer for Draft.js-like editors', async () => {
    container.innerHTML =
      '<div><label id="draft-label">Summary</label><div class="DraftEditor-root"><div contenteditable="true" aria-labelledby="draft-label" data-contents="true"><div><span><br></span></div></div></div></div>';
    const editor = container.querySelector('[contenteditable]') as HTMLElement;
    const pasted: string[] = [];
    editor.addEventListener('paste', (event) => {
      const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      pasted.push(text);
      event.preventDefault();
      editor.innerHTML = text
        .split('\n')
        .map((line) => `<div>${line}</div>`)
        .join('');
    });
    const [summary] = readFormGeneric(container).fields;
    expect(summary).toMatchObject({ label: 'Summary', type: 'rich-text' });
    expect(await writeField(summary as PageFormField, 'Line one\nLine two')).toEqual({ ok: true });
    expect(pasted).toEqual(['Line one\nLine two']);
  });

  it('reports an editor that turned read-only since the form was read, without sending it anything', async () => {
    const { editor, events, model } = mountModelEditor(['Kept']);
    const [notes] = readFormGeneric(container).fields;
    editor.setAttribute('contenteditable', 'false');
    expect(await writeField(notes as PageFormField, 'Lost')).toEqual({ ok: false, reason: 'the editor is read-only' });
    expect(events).toEqual([]);
    expect(model()).toEqual(['Kept']);
  });

  it('says the editor kept its old text when nothing handles the input', async () => {
    container.innerHTML =
      '<div><div>Notes</div><div contenteditable="true" class="ProseMirror"><p>Kept</p></div></div>';
    const [notes] = readFormGeneric(container).fields;
    expect(await writeField(notes as PageFormField, 'Lost')).toEqual({
      ok: false,
      reason: 'the editor kept its old text',
    });
  });
});
