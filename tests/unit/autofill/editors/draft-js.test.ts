// @vitest-environment happy-dom
import { ContentState, Editor, EditorState } from 'draft-js';
import { createElement as h, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { fillFields, readBack, writeField } from '@/lib/autofill/writers';
import { editorShell, emulateSelectionChangeEvents, readEditorField, review } from './editor-field';

/*
 * The real Draft.js 0.11 under React 19. Draft.js takes only the writer's paste, here as in Chromium, where
 * execCommand would also corrupt its re-render (tests/e2e/editor-writers.spec.ts).
 */

emulateSelectionChangeEvents();

const roots: Root[] = [];

afterEach(() => {
  // A browser moves focus to <body> when the focused editor is removed; happy-dom keeps it on the detached node,
  // where it would blur the next test's editor in the middle of its write.
  (document.activeElement as HTMLElement | null)?.blur();
  for (const root of roots.splice(0)) flushSync(() => root.unmount());
  document.body.innerHTML = '';
});

function mountDraft(options: { text?: string; refuses?: boolean } = {}) {
  const { container, host } = editorShell('Overall feedback');
  let state = options.text
    ? EditorState.createWithContent(ContentState.createFromText(options.text))
    : EditorState.createEmpty();
  let setReadOnly: (readOnly: boolean) => void = () => undefined;
  function DraftField() {
    const [editorState, setEditorState] = useState(state);
    const [readOnly, setReadOnlyState] = useState(false);
    setReadOnly = setReadOnlyState;
    return h(Editor, {
      editorState,
      readOnly,
      onChange: (next: EditorState) => {
        // A controlled editor that keeps its content: Draft.js renders the old state again.
        if (options.refuses && next.getCurrentContent() !== editorState.getCurrentContent()) return;
        state = next;
        setEditorState(next);
      },
    });
  }
  const root = createRoot(host);
  roots.push(root);
  flushSync(() => root.render(h(DraftField)));
  return {
    container,
    plainText: () => state.getCurrentContent().getPlainText(),
    blocks: () =>
      state
        .getCurrentContent()
        .getBlocksAsArray()
        .map((block) => block.getText()),
    setReadOnly: (readOnly: boolean) => flushSync(() => setReadOnly(readOnly)),
  };
}

describe('readFormGeneric on a Draft.js editor', () => {
  it('after a three-line value is written, reports the three lines as the value', async () => {
    const { container } = mountDraft();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(readEditorField(container)).toMatchObject({ currentValue: review.join('\n'), filled: true });
  });
});

describe('writeField on a Draft.js editor', () => {
  it('a multi-line value becomes one block per line in the editor state', async () => {
    const { container, plainText, blocks } = mountDraft();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(plainText()).toBe(review.join('\n'));
    expect(blocks()).toEqual(review);
  });

  it('overwriting replaces the blocks that were there, and read-back sees what was there', async () => {
    const { container, plainText } = mountDraft({ text: 'Typed by the interviewer.\nMore.' });
    const field = readEditorField(container);
    expect(readBack(field)).not.toBeNull();
    const [kept] = await fillFields([{ field, value: 'Planned' }], { pauseMs: 0 });
    expect(kept).toMatchObject({ skipped: true });
    const [written] = await fillFields([{ field, value: review.join('\n') }], { overwrite: true, pauseMs: 0 });
    expect(written).toMatchObject({ result: { ok: true }, skipped: false });
    expect(plainText()).toBe(review.join('\n'));
  });

  it('an editor made read-only after the form was read is reported and keeps its state', async () => {
    const { container, plainText, setReadOnly } = mountDraft({ text: 'Locked text.' });
    const field = readEditorField(container);
    setReadOnly(true);
    expect(await writeField(field, 'Replacement')).toEqual({ ok: false, reason: 'the editor is read-only' });
    expect(plainText()).toBe('Locked text.');
  });

  it('a controlled editor that keeps its content is reported as not taken', async () => {
    const { container, plainText } = mountDraft({ refuses: true });
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({
      ok: false,
      reason: 'the editor kept its old text',
    });
    expect(plainText()).toBe('');
  });
});
