import { afterEach, beforeEach } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';

/** A labelled field with an empty element for an editor to mount into, as a scorecard page lays one out. */
export function editorShell(label: string): { container: HTMLElement; host: HTMLElement } {
  const container = document.createElement('div');
  const field = document.createElement('div');
  const title = document.createElement('div');
  title.textContent = label;
  const host = document.createElement('div');
  field.append(title, host);
  container.append(field);
  document.body.append(container);
  return { container, host };
}

/** The one field the generic reader finds in `container`, which must be the editor. */
export function readEditorField(container: HTMLElement): PageFormField {
  const fields = readFormGeneric(container).fields;
  if (fields.length !== 1 || fields[0]?.type !== 'rich-text') {
    throw new Error(`expected one rich-text field, got ${fields.map((field) => `${field.label}: ${field.type}`)}`);
  }
  return fields[0];
}

export const review = [
  'Strong systems thinker: walked through the queue design unprompted.',
  'Asked good questions about failure modes & retries.',
  'Would hire — 4/4.',
];

/**
 * Browsers fire `selectionchange` on the document, in a later task, when a script changes the selection; happy-dom
 * never does. Draft.js (through React's onSelect) keeps its own selection from that event, so without it it would
 * not see the writer select the old text it replaces.
 */
export function emulateSelectionChangeEvents(): void {
  let restore: (() => void) | undefined;
  beforeEach(() => {
    const selection = window.getSelection();
    if (!selection) return;
    const prototype = Object.getPrototypeOf(selection) as Selection;
    const addRange = prototype.addRange;
    const where = (current: Selection) =>
      [current.anchorNode, current.anchorOffset, current.focusNode, current.focusOffset] as const;
    prototype.addRange = function (this: Selection, range: Range) {
      const before = where(this);
      addRange.call(this, range);
      const after = where(this);
      // Like browsers, only when the selection moved: editors set it back after each render.
      if (before.some((part, index) => part !== after[index])) {
        setTimeout(() => document.dispatchEvent(new Event('selectionchange')));
      }
    };
    restore = () => {
      prototype.addRange = addRange;
    };
  });
  afterEach(() => restore?.());
}
