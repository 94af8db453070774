import { Plugin } from '@tiptap/pm/state';
import { Extension, Editor as TiptapEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { ContentState, Editor as DraftEditor, EditorState } from 'draft-js';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, RootNode, type LexicalEditor } from 'lexical';
import Quill from 'quill';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/**
 * The page side of the editor fixture: the real TipTap, Quill, Lexical and Draft.js editors, mounted the way an ATS
 * would mount them, in the page's main world. The writer under test runs in a separate isolated world (as the content
 * script does) and can only reach these editors through the DOM; the spec asks `window.editorFixture` for each
 * editor's own state to check what the editor took, not what its DOM shows.
 */

export type EditorKind = 'tiptap' | 'quill' | 'lexical' | 'draft';

interface MountedEditor {
  /** The editor's model, one entry per block: what the ATS would save. */
  paragraphs: () => string[];
  setEditable: (editable: boolean) => void;
}

export interface EditorFixture {
  paragraphs: (name: string) => string[];
  setEditable: (name: string, editable: boolean) => void;
}

declare global {
  interface Window {
    editorFixture?: EditorFixture;
  }
}

const kinds: EditorKind[] = ['tiptap', 'quill', 'lexical', 'draft'];
const labels: Record<EditorKind, string> = {
  tiptap: 'TipTap',
  quill: 'Quill',
  lexical: 'Lexical',
  draft: 'Draft.js',
};

interface MountOptions {
  initial: string[];
  /** The page turns every change down, as a form does when the field is locked by a reviewer or over its limit. */
  refuses: boolean;
}

const RefuseEdits = Extension.create({
  name: 'refuseEdits',
  addProseMirrorPlugins: () => [new Plugin({ filterTransaction: (transaction) => !transaction.docChanged })],
});

function mountTiptap(element: HTMLElement, { initial, refuses }: MountOptions): MountedEditor {
  const editor = new TiptapEditor({
    element,
    extensions: refuses ? [StarterKit, RefuseEdits] : [StarterKit],
    content: initial.map((paragraph) => `<p>${paragraph}</p>`).join(''),
  });
  return {
    paragraphs: () => editor.state.doc.children.map((block) => block.textContent),
    setEditable: (editable) => editor.setEditable(editable),
  };
}

function mountQuill(element: HTMLElement, { initial, refuses }: MountOptions): MountedEditor {
  // With the Snow toolbar, as pages ship it: its format buttons carry aria-pressed like a row of answer buttons.
  const quill = new Quill(element, { theme: 'snow' });
  if (initial.length > 0) quill.setText(initial.join('\n'));
  if (refuses) {
    quill.on('text-change', (_change, before, source) => {
      if (source === 'user') quill.setContents(before, 'silent');
    });
  }
  return {
    // Quill's text always ends with the newline of its last line.
    paragraphs: () => quill.getText().replace(/\n$/, '').split('\n'),
    setEditable: (editable) => quill.enable(editable),
  };
}

function mountLexical(element: HTMLElement, { initial, refuses }: MountOptions): MountedEditor {
  element.contentEditable = 'true';
  const editor: LexicalEditor = createEditor({
    namespace: 'fixture',
    nodes: [HeadingNode, QuoteNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(element);
  registerRichText(editor);
  // What @lexical/react's ContentEditable does: the root is contenteditable exactly while the editor is editable.
  editor.registerEditableListener((editable) => {
    element.contentEditable = editable ? 'true' : 'false';
  });
  if (initial.length > 0) {
    // A serialized state: the shape an ATS restores a saved draft from.
    const initialState = editor.parseEditorState(
      JSON.stringify({
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: initial.map((paragraph) => ({
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [{ type: 'text', version: 1, text: paragraph, detail: 0, format: 0, mode: 'normal', style: '' }],
          })),
        },
      }),
    );
    editor.setEditorState(initialState);
  }
  if (refuses) {
    // Lexical's own way to refuse input (its MaxLength plugin works so): a root transform undoes the change before
    // it is committed.
    editor.registerNodeTransform(RootNode, (root) => {
      const kept = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => block.getTextContent()),
      );
      const now = root.getChildren().map((block) => block.getTextContent());
      if (JSON.stringify(now) === JSON.stringify(kept)) return;
      root.clear();
      for (const text of kept) root.append($createParagraphNode().append($createTextNode(text)));
    });
  }
  return {
    paragraphs: () =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => block.getTextContent()),
      ),
    setEditable: (editable) => editor.setEditable(editable),
  };
}

function mountDraft(element: HTMLElement, { initial, refuses }: MountOptions): MountedEditor {
  let state =
    initial.length > 0
      ? EditorState.createWithContent(ContentState.createFromText(initial.join('\n')))
      : EditorState.createEmpty();
  let setReadOnly: (readOnly: boolean) => void = () => undefined;
  function DraftField() {
    const [editorState, setEditorState] = useState(state);
    const [readOnly, setReadOnlyState] = useState(false);
    setReadOnly = setReadOnlyState;
    return (
      <DraftEditor
        editorState={editorState}
        readOnly={readOnly}
        onChange={(next) => {
          // A controlled editor that keeps its content: Draft.js renders the old state again.
          if (refuses && next.getCurrentContent() !== editorState.getCurrentContent()) return;
          state = next;
          setEditorState(next);
        }}
      />
    );
  }
  const root = createRoot(element);
  flushSync(() => root.render(<DraftField />));
  return {
    paragraphs: () =>
      state
        .getCurrentContent()
        .getBlocksAsArray()
        .map((block) => block.getText()),
    setEditable: (editable) => flushSync(() => setReadOnly(!editable)),
  };
}

const mounters: Record<EditorKind, (element: HTMLElement, options: MountOptions) => MountedEditor> = {
  tiptap: mountTiptap,
  quill: mountQuill,
  lexical: mountLexical,
  draft: mountDraft,
};

function mountAll(): void {
  const form = document.createElement('form');
  document.body.append(form);
  const mounted = new Map<string, MountedEditor>();
  // Per kind: an empty editor, one that already holds text (overwrite), one the page locks after the form is read,
  // and one whose page refuses every change.
  const variants: Array<{ suffix: string; initial: string[]; refuses?: boolean }> = [
    { suffix: 'notes', initial: [] },
    { suffix: 'summary', initial: ['Typed by the interviewer.', 'Second line they typed.'] },
    { suffix: 'locked', initial: [] },
    { suffix: 'refusing', initial: [], refuses: true },
  ];
  for (const kind of kinds) {
    for (const variant of variants) {
      const name = `${kind}-${variant.suffix}`;
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('div');
      label.textContent = `${labels[kind]} ${variant.suffix}`;
      const host = document.createElement('div');
      host.dataset.editor = name;
      field.append(label, host);
      form.append(field);
      mounted.set(name, mounters[kind](host, { initial: variant.initial, refuses: variant.refuses === true }));
    }
  }
  const get = (name: string): MountedEditor => {
    const editor = mounted.get(name);
    if (!editor) throw new Error(`no editor ${name}`);
    return editor;
  };
  window.editorFixture = {
    paragraphs: (name) => get(name).paragraphs(),
    setEditable: (name, editable) => get(name).setEditable(editable),
  };
}

mountAll();
