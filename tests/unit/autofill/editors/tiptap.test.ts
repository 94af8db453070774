// @vitest-environment happy-dom
import { Plugin } from '@tiptap/pm/state';
import { Editor, Extension } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { fillFields, writeField } from '@/lib/autofill/writers';
import { editorShell, emulateSelectionChangeEvents, readEditorField, review } from './editor-field';

/*
 * The real TipTap (ProseMirror) editor. happy-dom has no execCommand, so the writer gets here through its paste
 * fallback; in Chromium it goes through execCommand (tests/e2e/editor-writers.spec.ts covers that path).
 */

emulateSelectionChangeEvents();

const editors: Editor[] = [];

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.innerHTML = '';
});

function mountTiptap(options: { content?: string; refuses?: boolean } = {}) {
  const { container, host } = editorShell('Overall feedback');
  const refuseEdits = Extension.create({
    name: 'refuseEdits',
    addProseMirrorPlugins: () => [new Plugin({ filterTransaction: (transaction) => !transaction.docChanged })],
  });
  const editor = new Editor({
    element: host,
    extensions: options.refuses ? [StarterKit, refuseEdits] : [StarterKit],
    content: options.content ?? '',
  });
  editors.push(editor);
  const paragraphs = () => editor.state.doc.children.map((block) => block.textContent);
  return { container, editor, paragraphs };
}

describe('readFormGeneric on a TipTap editor', () => {
  it('after a three-line value is written, reports the three lines as the value', async () => {
    const { container } = mountTiptap();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(readEditorField(container)).toMatchObject({ currentValue: review.join('\n'), filled: true });
  });
});

describe('writeField on a TipTap editor', () => {
  it('a multi-line value becomes one paragraph per line in the ProseMirror document', async () => {
    const { container, paragraphs } = mountTiptap();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(paragraphs()).toEqual(review);
  });

  it('overwriting replaces the paragraphs that were there instead of adding to them', async () => {
    const { container, editor, paragraphs } = mountTiptap({ content: '<p>Typed by the interviewer.</p><p>More.</p>' });
    const field = readEditorField(container);
    const [kept] = await fillFields([{ field, value: 'Planned' }], { pauseMs: 0 });
    expect(kept).toMatchObject({ skipped: true });
    const [written] = await fillFields([{ field, value: review.join('\n') }], { overwrite: true, pauseMs: 0 });
    expect(written).toMatchObject({ result: { ok: true }, skipped: false });
    expect(paragraphs()).toEqual(review);
    expect(editor.getText({ blockSeparator: '\n' })).toBe(review.join('\n'));
  });

  it('an editor made read-only after the form was read is reported and keeps its document', async () => {
    const { container, editor, paragraphs } = mountTiptap({ content: '<p>Locked text.</p>' });
    const field = readEditorField(container);
    editor.setEditable(false);
    expect(await writeField(field, 'Replacement')).toEqual({ ok: false, reason: 'the editor is read-only' });
    expect(paragraphs()).toEqual(['Locked text.']);
  });

  it('a page that filters out every change is reported as not taken', async () => {
    const { container, paragraphs } = mountTiptap({ refuses: true });
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({
      ok: false,
      reason: 'the editor kept its old text',
    });
    expect(paragraphs()).toEqual(['']);
  });
});
