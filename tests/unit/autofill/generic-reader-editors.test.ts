// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFormGeneric } from '@/lib/autofill/generic-reader';

/*
 * Hand-built editor markup for the shapes the real editors (tests/unit/autofill/editors/) do not cover: toolbars of
 * other editors, and block nesting that none of the four produces in happy-dom.
 */

function read(html: string) {
  document.body.innerHTML = `<form>${html}</form>`;
  const root = document.body.firstElementChild as Element;
  return readFormGeneric(root).fields;
}

function summary(html: string) {
  return read(html).map(({ label, type }) => ({ label, type }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readFormGeneric with an editor toolbar', () => {
  it('a role="toolbar" of aria-pressed icon buttons beside an editor is no field, and the editor gets the label', () => {
    const fields = summary(`
      <div class="field">
        <div>Overall feedback</div>
        <div role="toolbar" aria-label="Formatting">
          <span><button type="button" aria-pressed="false"><svg></svg></button><button type="button" aria-pressed="true"><svg></svg></button></span>
          <span><button type="button" aria-pressed="false"><svg></svg></button></span>
        </div>
        <div><div contenteditable="true" class="ProseMirror"><p></p></div></div>
      </div>`);
    expect(fields).toEqual([{ label: 'Overall feedback', type: 'rich-text' }]);
  });

  it('formatting buttons without a toolbar role, below the editor, are no field', () => {
    const fields = summary(`
      <div class="field">
        <label id="summary-label">Summary</label>
        <div data-lexical-editor="true" contenteditable="true" aria-labelledby="summary-label"><p><br></p></div>
        <div class="x1a2b">
          <button type="button" aria-pressed="false" title="Bold (Ctrl+B)"><svg></svg></button>
          <button type="button" aria-pressed="false">Italic</button>
          <button type="button" aria-pressed="false" aria-label="Bulleted list"></button>
          <button type="button" aria-pressed="false" aria-label="Numbered list ⌘⇧7"></button>
          <button type="button" aria-pressed="false"><svg></svg></button>
        </div>
      </div>`);
    expect(fields).toEqual([{ label: 'Summary', type: 'rich-text' }]);
  });

  it("a toolbar's heading picker and link popup are no fields either", () => {
    const fields = summary(`
      <div class="field">
        <h3>Notes</h3>
        <div role="toolbar">
          <select aria-label="Text style"><option>Normal</option><option>Heading 1</option></select>
          <button type="button" aria-pressed="false">Bold</button>
        </div>
        <div class="ql-container">
          <div class="ql-editor" contenteditable="true"><p><br></p></div>
          <div class="ql-tooltip"><input type="text" placeholder="Enter link"></div>
        </div>
      </div>`);
    expect(fields).toEqual([{ label: 'Notes', type: 'rich-text' }]);
  });

  it("text inside an editor's toolbar is never taken for the field's label", () => {
    const fields = summary(`
      <div class="field">
        <div role="toolbar"><span class="picker">Normal</span><button type="button" aria-pressed="false">Bold</button></div>
        <div contenteditable="true" aria-placeholder="Summary of the interview"></div>
      </div>`);
    expect(fields).toEqual([{ label: 'Summary of the interview', type: 'rich-text' }]);
  });

  it('a role="toolbar" row of answer buttons with its own label stays a field, next to an editor field too', () => {
    const fields = read(`
      <div class="field">
        <div>Technical skills</div>
        <div role="toolbar">
          ${[1, 2, 3, 4].map((n) => `<button type="button" aria-pressed="${n === 3}">${n}</button>`).join('')}
        </div>
      </div>
      <div class="field">
        <div>Notes</div>
        <div contenteditable="true" class="ProseMirror"><p></p></div>
      </div>`);
    expect(fields.map(({ label, type, currentValue }) => ({ label, type, currentValue }))).toEqual([
      { label: 'Technical skills', type: 'score', currentValue: '3' },
      { label: 'Notes', type: 'rich-text', currentValue: null },
    ]);
  });

  it('answer buttons named like formats stay a field when a label stands between them and the editor', () => {
    const fields = summary(`
      <div class="field">
        <div>Preferred style</div>
        <div>
          <button type="button" aria-pressed="false">Bold</button>
          <button type="button" aria-pressed="false">Italic</button>
        </div>
      </div>
      <div class="field">
        <div>Notes</div>
        <div contenteditable="true"></div>
      </div>`);
    expect(fields).toEqual([
      { label: 'Preferred style', type: 'single-select' },
      { label: 'Notes', type: 'rich-text' },
    ]);
  });
});

describe("readFormGeneric's value for an editor", () => {
  function valueOf(editorHtml: string) {
    const [field] = read(`<div class="field"><div>Notes</div>${editorHtml}</div>`);
    return { currentValue: field?.currentValue, filled: field?.filled };
  }

  it('is one line per Draft.js block, however deep the blocks are wrapped', () => {
    const block = (text: string) =>
      `<div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true">${text}</span></span></div></div>`;
    const empty =
      '<div data-block="true"><div class="public-DraftStyleDefault-block"><span><br data-text="true"></span></div></div>';
    expect(
      valueOf(
        `<div class="DraftEditor-root"><div contenteditable="true" data-contents="true"><div data-contents="true">${block('line one')}${block('line two')}${empty}${block('line four')}</div></div></div>`,
      ),
    ).toEqual({ currentValue: 'line one\nline two\n\nline four', filled: true });
  });

  it('breaks lines at <br>, but not at the trailing break that ends a paragraph', () => {
    expect(
      valueOf(
        '<div contenteditable="true"><p>first<br>second<br></p><p>third<br class="ProseMirror-trailingBreak"></p></div>',
      ),
    ).toEqual({ currentValue: 'first\nsecond\nthird', filled: true });
  });

  it('is one line per list item and heading, and markup whitespace between blocks adds no lines', () => {
    expect(
      valueOf(`<div contenteditable="true" class="ProseMirror">
        <h2>Summary</h2>
        <ul>
          <li><p>Clear <strong>communicator</strong>.</p></li>
          <li><p>Owns outcomes.</p></li>
        </ul>
      </div>`),
    ).toEqual({ currentValue: 'Summary\nClear communicator.\nOwns outcomes.', filled: true });
  });

  it('is empty for an editor that shows only empty paragraphs', () => {
    expect(valueOf('<div contenteditable="true"><p><br></p><p><br></p></div>')).toEqual({
      currentValue: null,
      filled: false,
    });
  });

  it('keeps plain text that is in no block at all', () => {
    expect(valueOf('<div contenteditable="plaintext-only">Just text</div>')).toEqual({
      currentValue: 'Just text',
      filled: true,
    });
  });
});
