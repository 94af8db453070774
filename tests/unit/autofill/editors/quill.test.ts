// @vitest-environment happy-dom
import Quill from 'quill';
import { afterEach, describe, expect, it } from 'vitest';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { fillFields, writeField } from '@/lib/autofill/writers';
import { editorShell, emulateSelectionChangeEvents, readEditorField, review } from './editor-field';

/*
 * The real Quill 2 with its Snow theme and toolbar, as ATS pages use it. happy-dom has no execCommand and Quill ignores a synthetic beforeinput, so the writer gets here
 * through its paste fallback; in Chromium it goes through execCommand (tests/e2e/editor-writers.spec.ts).
 */

emulateSelectionChangeEvents();

afterEach(() => {
  document.body.innerHTML = '';
});

function mountQuill(options: { text?: string; refuses?: boolean } = {}) {
  const { container, host } = editorShell('Overall feedback');
  const quill = new Quill(host, { theme: 'snow' });
  if (options.text) quill.setText(options.text);
  if (options.refuses) {
    quill.on('text-change', (_change, before, source) => {
      if (source === 'user') quill.setContents(before, 'silent');
    });
  }
  return { container, quill };
}

describe('readFormGeneric on a Quill editor', () => {
  it('reads the editor as the one rich-text field with its label, and its Snow toolbar as no field', () => {
    const { container } = mountQuill();
    // The toolbar's format buttons carry aria-pressed, like a row of answer buttons.
    expect(container.querySelectorAll('.ql-toolbar button[aria-pressed]').length).toBeGreaterThan(2);
    const fields = readFormGeneric(container).fields;
    expect(fields.map(({ label, type }) => ({ label, type }))).toEqual([
      { label: 'Overall feedback', type: 'rich-text' },
    ]);
    expect(fields[0]?.element.contains(container.querySelector('.ql-editor'))).toBe(true);
  });

  it('after a three-line value is written, reports the three lines as the value', async () => {
    const { container } = mountQuill();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(readEditorField(container)).toMatchObject({ currentValue: review.join('\n'), filled: true });
  });
});

describe('writeField on a Quill editor', () => {
  it("a multi-line value becomes Quill's text line for line", async () => {
    const { container, quill } = mountQuill();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    // Quill's text always ends with the newline of its last line.
    expect(quill.getText()).toBe(`${review.join('\n')}\n`);
  });

  it('overwriting replaces the text that was there instead of adding to it', async () => {
    const { container, quill } = mountQuill({ text: 'Typed by the interviewer.\nMore.' });
    const field = readEditorField(container);
    const [kept] = await fillFields([{ field, value: 'Planned' }], { pauseMs: 0 });
    expect(kept).toMatchObject({ skipped: true });
    const [written] = await fillFields([{ field, value: review.join('\n') }], { overwrite: true, pauseMs: 0 });
    expect(written).toMatchObject({ result: { ok: true }, skipped: false });
    expect(quill.getText()).toBe(`${review.join('\n')}\n`);
  });

  it('a disabled editor is reported and keeps its text', async () => {
    const { container, quill } = mountQuill({ text: 'Locked text.' });
    const field = readEditorField(container);
    quill.disable();
    expect(await writeField(field, 'Replacement')).toEqual({ ok: false, reason: 'the editor is read-only' });
    expect(quill.getText()).toBe('Locked text.\n');
  });

  it('a page that puts the old contents back is reported as not taken', async () => {
    const { container, quill } = mountQuill({ refuses: true });
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({
      ok: false,
      reason: 'the editor kept its old text',
    });
    expect(quill.getText()).toBe('\n');
  });
});
