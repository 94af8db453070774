import type { FeedbackFieldOption, FeedbackFieldType } from '@/lib/core/types';
import { fieldKeys, normalizeText, type PageFormField } from '../form-model';
import {
  cleanLabel,
  hasValue,
  isDisabled,
  isEditorChrome,
  isVisible,
  listboxOptions,
  readControlValue,
  readOptions,
  rememberFieldControl,
  richEditorSelector,
  type FieldControl,
} from '../generic-reader';
import { rememberedListboxOptions } from './listbox-options';

/**
 * Building blocks the provider readers share. A provider reader knows where the ATS puts a field, its title, help
 * text and type; the controls it finds are the same kinds the generic reader finds, so the writers fill both alike.
 */

/** Anything a feedback field is filled through; a container holding one of these belongs to that field. */
export const formControlSelector = [
  'input:not([type="hidden"])',
  'textarea',
  'select',
  'button',
  '[role="radio"]',
  '[role="checkbox"]',
  '[role="combobox"]',
  '[aria-haspopup="listbox"]',
  richEditorSelector,
].join(', ');

export const listboxTriggerSelector = '[role="combobox"], [aria-haspopup="listbox"]';

const textInputSelector =
  'input:not([type]), input[type="text"], input[type="email"], input[type="url"], input[type="tel"], ' +
  'input[type="search"], input[type="number"], input[type="date"], input[type="datetime-local"]';

export interface ProviderFieldParts {
  label: string;
  description?: string;
  type: FeedbackFieldType;
  required: boolean;
  /** The field's container, as `PageFormField.element`. */
  element: Element;
  control: FieldControl;
  /** When the provider knows better than the controls (e.g. a popup's options seen earlier). */
  options?: FeedbackFieldOption[];
}

// The controls each provider field was read with; the generic reader, run after, must not replace them.
const controlsByField = new WeakMap<PageFormField, FieldControl>();

export function providerField(parts: ProviderFieldParts): PageFormField {
  const options = parts.options ?? controlOptions(parts.control, parts.element);
  const currentValue = readControlValue(parts.control, options);
  const field: PageFormField = {
    key: '',
    label: parts.label,
    type: parts.type,
    required: parts.required,
    options,
    currentValue,
    filled: hasValue(currentValue),
    element: parts.element,
  };
  if (parts.description) field.description = parts.description;
  controlsByField.set(field, parts.control);
  rememberFieldControl(parts.element, parts.control);
  return field;
}

/** Hands the writers this field's controls again, after another reader registered its own for the same container. */
export function reclaimFieldControl(field: PageFormField): void {
  const control = controlsByField.get(field);
  if (control) rememberFieldControl(field.element, control);
}

/** Options from the controls, plus a custom select's options remembered from an earlier look into its popup. */
export function controlOptions(control: FieldControl, container: Element): FeedbackFieldOption[] {
  if (control.kind === 'listbox') {
    const present = listboxOptions(control.element, container);
    return present.length > 0 ? present : (rememberedListboxOptions(control.element) ?? []);
  }
  return readOptions(control, container);
}

/** Keys as the generic reader derives them, so a proposal keyed on one reading still finds its field on the next. */
export function withKeys(fields: PageFormField[]): PageFormField[] {
  const keys = fieldKeys(fields.map((field) => field.label));
  fields.forEach((field, index) => {
    field.key = keys[index] ?? field.key;
  });
  return fields;
}

/** Fields in the order the page shows them. */
export function inDocumentOrder(fields: PageFormField[]): PageFormField[] {
  return [...fields].sort((left, right) => {
    if (left.element === right.element) return 0;
    return left.element.compareDocumentPosition(right.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** A title as the interviewer reads it: text without required markers, screen-reader-only or icon text. */
export function visibleTitle(element: Element | null | undefined): string {
  if (!element) return '';
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"], .required-marker, input, select, textarea').forEach((node) => {
    node.remove();
  });
  return cleanLabel(normalizeText(clone.textContent));
}

/** Whether a title marks its field required (`*` or "(required)"), including markers hidden from screen readers. */
export function titleMarksRequired(element: Element | null | undefined): boolean {
  if (!element) return false;
  if (element.querySelector('.required-marker')) return true;
  return /\*|\(required\)/i.test(element.textContent ?? '');
}

export function marksRequired(elements: Array<Element | null | undefined>): boolean {
  return elements.some(
    (element) => element?.hasAttribute('required') === true || element?.getAttribute('aria-required') === 'true',
  );
}

/** Text of the elements an `aria-labelledby`/`aria-describedby` attribute names, leaving out validation errors. */
export function textOfReferences(element: Element | null | undefined, attribute: string): string {
  const ids = element?.getAttribute(attribute);
  if (!ids) return '';
  const root = element?.getRootNode() as Document | ShadowRoot | undefined;
  return ids
    .split(/\s+/)
    .map((id) => root?.getElementById?.(id) ?? document.getElementById(id))
    .filter((node): node is HTMLElement => node !== null && node !== undefined && !isValidationMessage(node))
    .map((node) => visibleTitle(node))
    .filter(Boolean)
    .join(' ');
}

function isValidationMessage(node: Element): boolean {
  return node.getAttribute('role') === 'alert' || /\berror\b/i.test(node.className);
}

/** The field's controls that the interviewer can use now (the generic reader skips the same ones). */
/** Controls a person answers with: enabled, visible or labelled, and not an editor's formatting toolbar. */
function usable<T extends Element>(elements: T[]): T[] {
  return elements.filter(
    (element) =>
      element instanceof HTMLElement &&
      !isDisabled(element) &&
      (isVisible(element) || isLabelled(element)) &&
      !isEditorChrome(element),
  );
}

// Styled radios and checkboxes hide the input itself and show its label instead.
function isLabelled(element: Element): boolean {
  const labels = (element as HTMLInputElement).labels;
  return labels ? Array.from(labels).some(isVisible) : false;
}

/** A text input, textarea or editor in a container (the first of them), as the generic reader would see it. */
export function findTextControl(container: Element): FieldControl | null {
  const editor = findEditorControl(container);
  const input = usable(Array.from(container.querySelectorAll<HTMLInputElement>(`${textInputSelector}, textarea`)))[0];
  if (!input) return editor;
  if (editor && input.compareDocumentPosition(editor.element) & Node.DOCUMENT_POSITION_PRECEDING) return editor;
  return { kind: 'text', element: input };
}

/** A rich-text editor (TipTap/ProseMirror and friends) in a container. */
export function findEditorControl(container: Element): Extract<FieldControl, { kind: 'editor' }> | null {
  const editor = usable(Array.from(container.querySelectorAll<HTMLElement>(richEditorSelector))).find(
    (element) =>
      !element.parentElement?.closest(richEditorSelector) && element.getAttribute('contenteditable') !== 'false',
  );
  return editor ? { kind: 'editor', element: editor } : null;
}

/**
 * One-answer choices in a container: a radio group (native, by name, or `role="radio"`), a row of `aria-pressed`
 * buttons, a native select or a custom listbox select, in that order of preference.
 */
export function findSingleChoiceControl(container: Element): FieldControl | null {
  const radios = usable(Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')));
  const firstRadio = radios[0];
  if (firstRadio) {
    const sameName = firstRadio.name ? radios.filter((radio) => radio.name === firstRadio.name) : radios;
    return choices(sameName, false);
  }
  const ariaRadios = usable(Array.from(container.querySelectorAll<HTMLElement>('[role="radio"]')));
  if (ariaRadios.length > 0) return choices(ariaRadios, false);
  const toggles = usable(
    Array.from(container.querySelectorAll<HTMLElement>('button[aria-pressed], [role="button"][aria-pressed]')),
  );
  if (toggles.length >= 2) return choices(toggles, false);
  const select = usable(Array.from(container.querySelectorAll('select'))).find((element) => !element.multiple);
  if (select) return { kind: 'native-select', element: select };
  const trigger = usable(Array.from(container.querySelectorAll<HTMLElement>(listboxTriggerSelector)))[0];
  if (trigger) return { kind: 'listbox', element: trigger };
  return null;
}

/** Several-answer choices in a container: a checkbox group or a native `select[multiple]`. */
export function findMultipleChoiceControl(container: Element): FieldControl | null {
  const boxes = usable(
    Array.from(container.querySelectorAll<HTMLElement>('input[type="checkbox"], [role="checkbox"]')),
  );
  if (boxes.length >= 2) return choices(boxes, true);
  const select = usable(Array.from(container.querySelectorAll('select'))).find((element) => element.multiple);
  if (select) return { kind: 'native-select', element: select };
  return null;
}

/** A yes/no answer: two choices (radios or toggle buttons), a yes/no select, or a lone checkbox. */
export function findYesNoControl(container: Element): FieldControl | null {
  const single = findSingleChoiceControl(container);
  if (single) return single;
  const boxes = usable(
    Array.from(container.querySelectorAll<HTMLElement>('input[type="checkbox"], [role="checkbox"]')),
  );
  const only = boxes[0];
  return boxes.length === 1 && only ? choices([only], true) : null;
}

function choices(elements: HTMLElement[], multiple: boolean): FieldControl {
  const groupSelector = multiple
    ? 'fieldset, [role="group"]'
    : 'fieldset, [role="radiogroup"], [role="group"], [role="toolbar"]';
  const group = elements[0]?.closest(groupSelector) ?? null;
  const holdsAll = group !== null && elements.every((element) => group.contains(element));
  return { kind: 'choices', elements, multiple, group: holdsAll ? group : null };
}

export function controlElements(control: FieldControl): HTMLElement[] {
  return control.kind === 'choices' ? control.elements : [control.element];
}

/** The element grouping a field's controls (a radiogroup), or its single control. */
export function primaryElement(control: FieldControl): Element {
  if (control.kind === 'choices') return control.group ?? control.elements[0] ?? document.body;
  return control.element;
}

/**
 * The largest ancestor of a field's controls that holds no other control, inside `boundary`: what the generic reader
 * takes as the container when a row holds two fields (a score and its comment).
 */
export function ownContainer(control: FieldControl, boundary: Element): Element {
  const own = new Set<Element>(controlElements(control));
  let node: Element = primaryElement(control);
  while (node !== boundary) {
    const parent = node.parentElement;
    if (!parent || !boundary.contains(parent)) break;
    const foreign = Array.from(parent.querySelectorAll(formControlSelector)).some(
      (candidate) => !own.has(candidate) && !Array.from(own).some((member) => member.contains(candidate)),
    );
    if (foreign) break;
    node = parent;
  }
  return node;
}

/** The label a control is named by: `aria-labelledby`, then `<label for>` / a wrapping label, then `aria-label`. */
export function controlName(control: FieldControl): string {
  const primary = primaryElement(control);
  const byReference = textOfReferences(primary, 'aria-labelledby');
  if (byReference) return byReference;
  if (control.kind !== 'choices') {
    const labels = (control.element as HTMLInputElement).labels;
    const label = labels ? Array.from(labels)[0] : null;
    const text = visibleTitle(label);
    if (text) return text;
  }
  return cleanLabel(normalizeText(primary.getAttribute('aria-label')));
}

/** Help text a control points at through `aria-describedby`, without validation errors. */
export function controlDescription(control: FieldControl): string {
  for (const element of [primaryElement(control), ...controlElements(control)]) {
    const text = textOfReferences(element, 'aria-describedby');
    if (text) return text;
  }
  return '';
}

/** The nearest field containers of one kind, leaving out those nested inside another (a field inside a field). */
export function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}

/**
 * A text-like field's type from the control the page drew: an editor is rich text and a textarea long text whatever
 * the ATS calls them; an input keeps the ATS's date/number/text type unless the input says date or number itself.
 */
export function textFieldType(control: FieldControl, declared: FeedbackFieldType): FeedbackFieldType {
  if (control.kind === 'editor') return 'rich-text';
  if (control.kind !== 'text') return declared;
  if (control.element instanceof HTMLTextAreaElement) return 'long-text';
  const inputType = control.element.type;
  if (inputType === 'date' || inputType === 'datetime-local') return 'date';
  if (inputType === 'number') return 'number';
  return declared === 'date' || declared === 'number' ? declared : 'text';
}

/** The form around a provider's field structure, within `scope`; without a form, the scope (or the page's main). */
export function formAround(marker: Element, scope: Document | Element): Element {
  const form = marker.closest('form');
  const scopeElement = scope instanceof Element ? scope : null;
  if (form && (!scopeElement || scopeElement.contains(form))) return form;
  return scopeElement ?? marker.ownerDocument.querySelector('main') ?? marker.ownerDocument.body;
}

/** The control a field's declared type calls for; a rich-text field without an editor falls back to a text box. */
export function findControlOfType(container: Element, type: FeedbackFieldType): FieldControl | null {
  switch (type) {
    case 'score':
    case 'single-select':
      return findSingleChoiceControl(container);
    case 'multi-select':
      return findMultipleChoiceControl(container);
    case 'yes-no':
      return findYesNoControl(container);
    case 'rich-text':
      return findEditorControl(container) ?? findTextControl(container);
    default:
      return findTextControl(container);
  }
}
