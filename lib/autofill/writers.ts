import type { FeedbackFieldOption } from '@/lib/core/types';
import { normalizeText, type PageFormField } from './form-model';
import {
  controlledPopups,
  editorText,
  choiceLabel,
  fieldControl,
  hasValue,
  isChecked,
  leadingNumber,
  listboxOptions,
  looksLikeSubmit,
  readControlValue,
  type FieldControl,
} from './generic-reader';

/**
 * Writers put a value into the page so that the page's own framework (React-controlled inputs, ProseMirror/TipTap,
 * Lexical, Draft.js, custom selects, radio scales) registers it, as if the interviewer had typed or clicked. They run
 * in the content script's isolated world: the page's instance-level `value` overrides (React's `_valueTracker`) are
 * not visible there, and the prototype setter below bypasses them in the main world too, so the framework sees a
 * real change when the `input` event arrives. Nothing here submits the form.
 */

export type WriteResult = { ok: true } | { ok: false; reason: string };
export type WriteValue = string | string[] | number | boolean;

export interface FillOptions {
  /** Write into fields that already hold a value. Off by default: never overwrite what the interviewer typed. */
  overwrite?: boolean;
  /**
   * Pause between fields so the page can re-render; frameworks that validate on blur need it. By default the next
   * two frames (a React commit and its effects), or 50 ms where frames do not run (a hidden tab, a DOM shim).
   */
  pauseMs?: number;
}

export interface FillOutcome {
  key: string;
  result: WriteResult;
  /** True when the field was left alone because it already had a value. */
  skipped: boolean;
}

const listboxWaitMs = 1000;

export async function writeField(field: PageFormField, value: WriteValue): Promise<WriteResult> {
  const control = fieldControl(field);
  if (!control) return { ok: false, reason: 'the field is no longer on the page' };
  return withSubmitGuard(() => writeControl(control, field, value));
}

/** What the page shows now for this field, in the same shape as the reader's `currentValue`. */
export function readBack(field: PageFormField): string | string[] | null {
  const control = fieldControl(field);
  if (!control) return null;
  return readControlValue(control, currentOptions(control, field));
}

export async function fillFields(
  plan: Array<{ field: PageFormField; value: WriteValue }>,
  options: FillOptions = {},
): Promise<FillOutcome[]> {
  const outcomes: FillOutcome[] = [];
  const pause = () => (options.pauseMs === undefined ? nextFrames() : sleep(options.pauseMs));
  for (const [index, step] of plan.entries()) {
    // The interviewer may have typed since the form was read, so look at the page again, not at `filled`.
    if (!options.overwrite && (step.field.filled || hasValue(readBack(step.field)))) {
      outcomes.push({
        key: step.field.key,
        result: { ok: false, reason: 'the field already has a value' },
        skipped: true,
      });
      continue;
    }
    let result: WriteResult;
    try {
      result = await writeField(step.field, step.value);
    } catch (error) {
      result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    outcomes.push({ key: step.field.key, result, skipped: false });
    if (options.pauseMs !== 0 && index < plan.length - 1) await pause();
  }
  return outcomes;
}

async function writeControl(control: FieldControl, field: PageFormField, value: WriteValue): Promise<WriteResult> {
  switch (control.kind) {
    case 'text':
      return writeTextInput(control.element, field, value);
    case 'native-select':
      return writeNativeSelect(control.element, field, value);
    case 'choices':
      return writeChoices(control, field, value);
    case 'listbox':
      return writeListbox(control.element, field, value);
    case 'editor':
      return writeEditor(control.element, toText(value));
  }
}

// --- text, textarea, date, number -------------------------------------------------------------------------------

function writeTextInput(
  element: HTMLInputElement | HTMLTextAreaElement,
  field: PageFormField,
  value: WriteValue,
): WriteResult {
  const text = field.type === 'date' ? toDateValue(value) : toText(value);
  if (text === null) return { ok: false, reason: `"${String(value)}" is not a date` };
  element.focus();
  setNativeValue(element, text);
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  element.blur();
  if (element.value !== text) {
    return { ok: false, reason: `the page kept "${element.value}" instead of the written value` };
  }
  return { ok: true };
}

function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : element instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
}

function toText(value: WriteValue): string {
  if (Array.isArray(value)) return value.join('\n');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** `input[type=date]` only accepts yyyy-mm-dd; plans may carry epoch ms (Lever) or ISO timestamps. */
function toDateValue(value: WriteValue): string | null {
  if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  const text = toText(value).trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

// --- options -----------------------------------------------------------------------------------------------------

function currentOptions(control: FieldControl, field: PageFormField): FeedbackFieldOption[] {
  if (control.kind === 'listbox') {
    const live = listboxOptions(control.element, field.element);
    return live.length > 0 ? live : field.options;
  }
  return field.options;
}

/** Finds the option a plan value means: by value, by label, by score number, by yes/no, then by label prefix. */
export function matchOption(
  options: FeedbackFieldOption[],
  value: string | number | boolean,
): FeedbackFieldOption | null {
  const wanted = typeof value === 'boolean' ? (value ? 'yes' : 'no') : normalizeText(String(value)).toLowerCase();
  const exact =
    options.find((option) => option.value.toLowerCase() === wanted) ??
    options.find((option) => normalizeText(option.label).toLowerCase() === wanted);
  if (exact) return exact;
  const number = typeof value === 'number' ? value : /^\d+$/.test(wanted) ? Number(wanted) : null;
  if (number !== null) {
    const byNumber = options.find((option) => leadingNumber(option.label) === number);
    if (byNumber) return byNumber;
  }
  if (wanted === 'true' || wanted === 'false') return matchOption(options, wanted === 'true');
  return options.find((option) => normalizeText(option.label).toLowerCase().startsWith(wanted)) ?? null;
}

function asList(value: WriteValue): Array<string | number | boolean> {
  return Array.isArray(value) ? value : [value];
}

// --- native select -------------------------------------------------------------------------------------------------

function writeNativeSelect(element: HTMLSelectElement, field: PageFormField, value: WriteValue): WriteResult {
  const options = field.options.length > 0 ? field.options : optionsOfSelect(element);
  const wanted = asList(value).map((item) => matchOption(options, item));
  const missing = asList(value).filter((_, index) => wanted[index] === null);
  if (missing.length > 0) return { ok: false, reason: `no option matches "${missing.join('", "')}"` };
  const values = wanted.flatMap((option) => (option ? [option.value] : []));
  element.focus();
  if (element.multiple) {
    const selectedSetter = Object.getOwnPropertyDescriptor(HTMLOptionElement.prototype, 'selected')?.set;
    for (const option of Array.from(element.options)) {
      const selected = values.includes(option.value);
      if (selectedSetter) selectedSetter.call(option, selected);
      else option.selected = selected;
    }
  } else {
    setNativeValue(element, values[0] ?? '');
  }
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  element.blur();
  const now = element.multiple
    ? Array.from(element.options)
        .filter((option) => option.selected)
        .map((option) => option.value)
    : [element.value];
  if (values.some((item) => !now.includes(item))) {
    return { ok: false, reason: 'the page kept its previous choice' };
  }
  return { ok: true };
}

function optionsOfSelect(element: HTMLSelectElement): FeedbackFieldOption[] {
  return Array.from(element.options).map((option) => ({
    value: option.value,
    label: normalizeText(option.textContent),
  }));
}

// --- radios, checkboxes, toggle buttons ------------------------------------------------------------------------------

async function writeChoices(
  control: Extract<FieldControl, { kind: 'choices' }>,
  field: PageFormField,
  value: WriteValue,
): Promise<WriteResult> {
  const elements = control.elements;
  if (control.multiple && elements.length === 1) {
    const only = elements[0];
    if (!only) return { ok: false, reason: 'the checkbox is gone' };
    const wanted = asList(value)[0];
    const shouldCheck = wanted === true || /^(yes|true|1|on)$/i.test(String(wanted));
    if (isChecked(only) !== shouldCheck) safeClick(only);
    return isChecked(only) === shouldCheck ? { ok: true } : { ok: false, reason: 'the checkbox did not change' };
  }

  const optionFor = (element: HTMLElement): FeedbackFieldOption | undefined => {
    const index = elements.indexOf(element);
    return field.options[index] ?? { value: choiceLabel(element), label: choiceLabel(element) };
  };
  const wantedOptions = asList(value).map((item) =>
    matchOption(
      elements.map((element) => optionFor(element) ?? { value: '', label: '' }),
      item,
    ),
  );
  const missing = asList(value).filter((_, index) => wantedOptions[index] === null);
  if (missing.length > 0) return { ok: false, reason: `no option matches "${missing.join('", "')}"` };
  const wantedValues = new Set(wantedOptions.flatMap((option) => (option ? [option.value] : [])));

  for (const element of elements) {
    const shouldCheck = wantedValues.has(optionFor(element)?.value ?? '');
    // Radios cannot be unchecked by a click; picking the wanted one unchecks the rest.
    if (!control.multiple && !shouldCheck) continue;
    if (isChecked(element) !== shouldCheck) {
      safeClick(element);
      await sleep(0);
    }
  }
  const wrong = elements.filter((element) => isChecked(element) !== wantedValues.has(optionFor(element)?.value ?? ''));
  if (wrong.length > 0) {
    return { ok: false, reason: `the page did not take the choice (${wrong.map(choiceLabel).join(', ')})` };
  }
  return { ok: true };
}

function safeClick(element: HTMLElement): void {
  if (looksLikeSubmit(element)) throw new Error(`refusing to click "${normalizeText(element.textContent)}"`);
  element.click();
}

// --- custom listbox selects ----------------------------------------------------------------------------------------

async function writeListbox(trigger: HTMLElement, field: PageFormField, value: WriteValue): Promise<WriteResult> {
  const wanted = asList(value)[0];
  if (wanted === undefined) return { ok: false, reason: 'no value to choose' };
  const known = matchOption(currentOptions({ kind: 'listbox', element: trigger }, field), wanted);
  const wantedText = known ? known.label : toText(wanted);
  if (known && readControlValue({ kind: 'listbox', element: trigger }, field.options) === known.value) {
    return { ok: true };
  }

  // Libraries open on click (Headless UI, Ashby's popups) or on pointer/mouse down (Radix, react-select).
  safeClick(trigger);
  let option = await waitForOption(trigger, wantedText, known, listboxWaitMs / 2);
  if (!option) {
    pressPointer(trigger);
    option = await waitForOption(trigger, wantedText, known, listboxWaitMs / 2);
  }
  if (!option) {
    trigger.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return { ok: false, reason: `the list did not offer "${wantedText}"` };
  }
  if (looksLikeSubmit(option)) return { ok: false, reason: 'the matching option looks like a submit button' };
  pressPointer(option);
  option.click();
  await sleep(0);

  const shown = normalizeText(trigger instanceof HTMLInputElement ? trigger.value : trigger.textContent);
  if (
    normalizeText(wantedText).toLowerCase() !== shown.toLowerCase() &&
    !shown.toLowerCase().includes(normalizeText(wantedText).toLowerCase())
  ) {
    return { ok: false, reason: `the select shows "${shown}" after choosing "${wantedText}"` };
  }
  return { ok: true };
}

function pressPointer(element: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, button: 0 };
  element.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse' }));
  element.dispatchEvent(new MouseEvent('mousedown', init));
  element.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'mouse' }));
  element.dispatchEvent(new MouseEvent('mouseup', init));
}

async function waitForOption(
  trigger: HTMLElement,
  text: string,
  known: FeedbackFieldOption | null,
  timeoutMs: number,
): Promise<HTMLElement | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = findOptionElement(trigger, text, known);
    if (found) return found;
    if (Date.now() >= deadline) return null;
    await sleep(25);
  }
}

function findOptionElement(trigger: HTMLElement, text: string, known: FeedbackFieldOption | null): HTMLElement | null {
  const popups = controlledPopups(trigger);
  // Popups are usually portaled to <body>; without aria-controls take any listbox that is showing now.
  const scopes: ParentNode[] = popups.length > 0 ? popups : [document];
  const options = scopes
    .flatMap((scope) => Array.from(scope.querySelectorAll<HTMLElement>('[role="option"]')))
    .filter((option) => option.getAttribute('aria-disabled') !== 'true');
  const wanted = normalizeText(text).toLowerCase();
  const byText = (option: HTMLElement) => normalizeText(option.textContent).toLowerCase();
  return (
    options.find((option) => byText(option) === wanted) ??
    options.find(
      (option) => known !== null && (option.getAttribute('data-value') ?? option.getAttribute('value')) === known.value,
    ) ??
    options.find((option) => byText(option).startsWith(wanted)) ??
    null
  );
}

// --- contenteditable editors ---------------------------------------------------------------------------------------

/** How long an editor may take to show a write (Lexical and React re-render after the event, not during it). */
const editorSettleMs = 300;
/** A match must hold this long: pages that refuse a change often put the old text back a moment later. */
const editorStableMs = 60;
/** Chromium reports a selection change in a later task; model editors read their selection from that event. */
const selectionSyncMs = 50;

type EditorStrategy = (editor: HTMLElement, lines: string[], text: string) => boolean;

async function writeEditor(editor: HTMLElement, text: string): Promise<WriteResult> {
  if (isReadOnlyEditor(editor)) return { ok: false, reason: 'the editor is read-only' };
  const before = editorLines(editor);
  const lines = text.split(/\r?\n/);

  editor.focus();
  // Let the page handle the focus (editors re-render on it) before selecting.
  await sleep(0);
  for (const strategy of editorStrategies(editor)) {
    // Each strategy starts from all of the editor's text selected, so whatever the one before left is replaced.
    await selectAllIn(editor);
    const handled = strategy(editor, lines, text);
    if (await editorSettlesOn(editor, lines, handled ? editorSettleMs : 0)) break;
  }
  editor.dispatchEvent(new FocusEvent('blur'));

  if (await editorSettlesOn(editor, lines, editorSettleMs)) return { ok: true };
  if (sameLines(editorLines(editor), before)) return { ok: false, reason: 'the editor kept its old text' };
  return { ok: false, reason: 'the editor shows different text than was written' };
}

/**
 * The order follows what each editor takes in Chromium (tests/e2e/editor-writers.spec.ts):
 * - Draft.js only takes a paste; execCommand desynchronises its DOM from its state and crashes its re-render.
 * - Lexical drops the line breaks of execCommand('insertParagraph') but handles `beforeinput` as its own input path.
 * - ProseMirror/TipTap and Quill read what execCommand does to their DOM and ignore a synthetic `beforeinput`.
 * A paste comes last for the rest: it is one change, but editors parse pasted HTML and may collapse its whitespace.
 */
function editorStrategies(editor: HTMLElement): EditorStrategy[] {
  if (editor.closest('.DraftEditor-root') !== null || editor.hasAttribute('data-contents')) {
    return [insertWithPaste, insertWithInputEvents];
  }
  if (editor.closest('[data-lexical-editor]') !== null) return [insertWithInputEvents, insertWithPaste];
  return [insertWithExecCommand, insertWithInputEvents, insertWithPaste];
}

function isReadOnlyEditor(editor: HTMLElement): boolean {
  if (editor.getAttribute('aria-readonly') === 'true' || editor.getAttribute('aria-disabled') === 'true') return true;
  // The attribute, not isContentEditable: editors mark themselves read-only by it, and DOM shims agree on it.
  return editor.closest('[contenteditable]')?.getAttribute('contenteditable')?.toLowerCase() === 'false';
}

/** Waits until the editor shows the lines and keeps showing them; false when it does not within `timeoutMs`. */
async function editorSettlesOn(editor: HTMLElement, lines: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sleep(0);
    if (sameLines(editorLines(editor), lines)) {
      await sleep(editorStableMs);
      if (sameLines(editorLines(editor), lines)) return true;
    }
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
}

/** The text lines the editor shows, read the way the form reader reads them (one per block and per `<br>`). */
function editorLines(editor: HTMLElement): string[] {
  return editorText(editor).split('\n');
}

/**
 * Same lines in the same order, whitespace inside a line aside. Blank lines do not count: editors differ in whether
 * a pasted empty paragraph survives, and the interviewer reads the same text either way.
 */
function sameLines(left: string[], right: string[]): boolean {
  const filled = (lines: string[]) => lines.map(normalizeText).filter((line) => line !== '');
  const [a, b] = [filled(left), filled(right)];
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

/**
 * Selects everything in the editor and gives the page the `selectionchange` it reads its own selection from. An
 * editor that was just focused may still re-render and put its old caret back (Draft.js does), so select again
 * until the selection holds.
 */
async function selectAllIn(editor: HTMLElement): Promise<void> {
  const selection = window.getSelection();
  if (!selection) return;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const changed = new Promise<void>((resolve) => {
      document.addEventListener('selectionchange', () => resolve(), { once: true });
      setTimeout(resolve, selectionSyncMs);
    });
    const range = document.createRange();
    range.selectNodeContents(editor);
    selection.removeAllRanges();
    selection.addRange(range);
    await changed;
    await sleep(0);
    if (selectsAllOf(selection, editor)) return;
  }
}

function selectsAllOf(selection: Selection, editor: HTMLElement): boolean {
  // By text, not by boundary points: editors move the ends into their first and last text nodes.
  const compact = (text: string | null) => (text ?? '').replace(/\s+/g, '');
  return selection.rangeCount > 0 && compact(selection.toString()) === compact(editor.textContent);
}

/** The native path: the editor sees the same DOM change and `input` that typing makes, and undo keeps working. */
function insertWithExecCommand(_editor: HTMLElement, lines: string[]): boolean {
  const execute = (document as Document & { execCommand?: Document['execCommand'] }).execCommand;
  if (typeof execute !== 'function') return false;
  try {
    for (const [index, line] of lines.entries()) {
      if (index > 0 && !document.execCommand('insertParagraph')) return false;
      if (line !== '' && !document.execCommand('insertText', false, line)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * For editors that own their model (Lexical, Slate) and handle `beforeinput` themselves, cancelling it. Browsers
 * send no `input` after a cancelled `beforeinput`, and neither does this: Lexical would insert the text twice. An
 * uncancelled event means nobody handled it, since a synthetic event changes nothing by itself.
 */
function insertWithInputEvents(editor: HTMLElement, lines: string[]): boolean {
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      const split = new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertParagraph' });
      if (editor.dispatchEvent(split)) return false;
    }
    if (line === '') continue;
    const insert = new InputEvent('beforeinput', {
      bubbles: true,
      cancelable: true,
      inputType: 'insertText',
      data: line,
    });
    if (editor.dispatchEvent(insert)) return false;
  }
  return true;
}

/** Draft.js reverts direct DOM edits and duplicates execCommand text in an empty editor, but takes a paste. */
function insertWithPaste(editor: HTMLElement, lines: string[], text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''));
  const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
  return !editor.dispatchEvent(paste);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// --- safety --------------------------------------------------------------------------------------------------------

/**
 * A `<button>` without a type inside a `<form>` submits it when clicked, and some score rows are built that way.
 * While we write, cancel any submit before the page (or React's root listener) sees it.
 */
async function withSubmitGuard<T>(write: () => Promise<T>): Promise<T> {
  const block = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('submit', block, true);
  try {
    return await write();
  } finally {
    window.removeEventListener('submit', block, true);
  }
}

function nextFrames(): Promise<void> {
  const frames = new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
  return Promise.race([frames, sleep(50)]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
