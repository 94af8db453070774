// @vitest-environment happy-dom
import { registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, RootNode, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { fillFields, writeField } from '@/lib/autofill/writers';
import { editorShell, emulateSelectionChangeEvents, readEditorField, review } from './editor-field';

/*
 * The real Lexical rich-text editor. Lexical takes the writer's beforeinput insertText/insertParagraph here as in
 * Chromium, where execCommand('insertParagraph') would lose the line breaks (tests/e2e/editor-writers.spec.ts).
 */

emulateSelectionChangeEvents();

const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.innerHTML = '';
});

function mountLexical(options: { paragraphs?: string[]; refuses?: boolean } = {}) {
  const { container, host } = editorShell('Overall feedback');
  host.contentEditable = 'true';
  const editor: LexicalEditor = createEditor({
    namespace: 'writers-test',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(host);
  cleanups.push(
    registerRichText(editor),
    // What @lexical/react's ContentEditable does: the root is contenteditable exactly while the editor is editable.
    editor.registerEditableListener((editable) => {
      host.contentEditable = editable ? 'true' : 'false';
    }),
    () => editor.setRootElement(null),
  );
  if (options.paragraphs) {
    editor.update(
      () => {
        for (const text of options.paragraphs ?? []) {
          $getRoot().append($createParagraphNode().append($createTextNode(text)));
        }
      },
      { discrete: true },
    );
  }
  if (options.refuses) {
    // Lexical's own way to refuse input (its MaxLength plugin works so): undo the change before it is committed.
    cleanups.push(
      editor.registerNodeTransform(RootNode, (root) => {
        if (root.getTextContent() === '') return;
        root.clear();
        root.append($createParagraphNode());
      }),
    );
  }
  const paragraphs = () =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((block) => block.getTextContent()),
    );
  return { container, editor, paragraphs };
}

describe('readFormGeneric on a Lexical editor', () => {
  it('after a three-line value is written, reports the three lines as the value', async () => {
    const { container } = mountLexical();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(readEditorField(container)).toMatchObject({ currentValue: review.join('\n'), filled: true });
  });
});

describe('writeField on a Lexical editor', () => {
  it('a multi-line value becomes one paragraph per line in the editor state', async () => {
    const { container, paragraphs } = mountLexical();
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({ ok: true });
    expect(paragraphs()).toEqual(review);
  });

  it('overwriting replaces the paragraphs that were there instead of adding to them', async () => {
    const { container, paragraphs } = mountLexical({ paragraphs: ['Typed by the interviewer.', 'More.'] });
    const field = readEditorField(container);
    const [kept] = await fillFields([{ field, value: 'Planned' }], { pauseMs: 0 });
    expect(kept).toMatchObject({ skipped: true });
    const [written] = await fillFields([{ field, value: review.join('\n') }], { overwrite: true, pauseMs: 0 });
    expect(written).toMatchObject({ result: { ok: true }, skipped: false });
    expect(paragraphs()).toEqual(review);
  });

  it('an editor made read-only after the form was read is reported and keeps its state', async () => {
    const { container, editor, paragraphs } = mountLexical({ paragraphs: ['Locked text.'] });
    const field = readEditorField(container);
    editor.setEditable(false);
    expect(await writeField(field, 'Replacement')).toEqual({ ok: false, reason: 'the editor is read-only' });
    expect(paragraphs()).toEqual(['Locked text.']);
  });

  it('a page that undoes every change is reported as not taken', async () => {
    const { container, paragraphs } = mountLexical({ refuses: true });
    expect(await writeField(readEditorField(container), review.join('\n'))).toEqual({
      ok: false,
      reason: 'the editor kept its old text',
    });
    expect(paragraphs().join('')).toBe('');
  });
});
