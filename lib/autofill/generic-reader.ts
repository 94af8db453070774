import type { FeedbackFieldOption, FeedbackFieldType } from '@/lib/core/types';
import { normalizeText, slugify, type PageFormField, type ReadForm } from './form-model';

/**
 * The fallback reader: finds feedback-form fields from labels, ARIA roles and form semantics only, so it keeps
 * working when an ATS reshuffles its (often hashed) class names. Provider readers may refine its output.
 *
 * Supported controls:
 * - text inputs (`text`, `email`, `url`, `tel`, `search`, no type) → text; `number` → number; `date` → date
 * - `textarea` → long-text
 * - contenteditable editors (ProseMirror/TipTap, Lexical, Quill, Draft.js, plain contenteditable) → rich-text
 * - `select` → single-select (or score / yes-no when its options say so); `select[multiple]` → multi-select
 * - custom selects: `[role="combobox"]` or `[aria-haspopup="listbox"]` triggers. Options come from the listbox named
 *   by `aria-controls`/`aria-owns`, else a `data-options` JSON attribute (strings or `{value,label}`) on the trigger
 *   or its container, else a `[role="listbox"]`, `ul` or `ol` inside the field's container. A listbox rendered only
 *   once opened yields no options here; the writer still picks the option by its text.
 * - radio groups (native radios by `name`, `role="radio"` inside `role="radiogroup"`, `aria-pressed` button rows):
 *   options labelled 1..N (optionally with words) → score; exactly Yes/No → yes-no; otherwise single-select
 * - checkbox groups (same `name`, or inside `fieldset`/`role="group"`) → multi-select; a lone checkbox → yes-no
 *
 * An editor's own chrome (its toolbar, link popup, menus) is never a field, even though its format buttons carry
 * `aria-pressed` like a choice row: see `isEditorChrome`.
 */

export const richEditorSelector = [
  '[contenteditable="true"]',
  '[contenteditable=""]',
  '[contenteditable="plaintext-only"]',
  '.ProseMirror',
  '[data-lexical-editor]',
  '.ql-editor',
  '.DraftEditor-root [contenteditable]',
].join(', ');

const listboxTriggerSelector = '[role="combobox"], [aria-haspopup="listbox"]';
const toggleButtonSelector = 'button[aria-pressed], [role="button"][aria-pressed]';

const controlSelector = [
  'input',
  'textarea',
  'select',
  richEditorSelector,
  listboxTriggerSelector,
  '[role="radio"]',
  '[role="checkbox"]',
  toggleButtonSelector,
].join(', ');

/** Toolbars and popups that only rich-text editors render, whatever is around them. */
const editorChromeSelector = [
  '.ql-toolbar',
  '.ql-tooltip',
  '.ProseMirror-menubar',
  '.ProseMirror-menu',
  '.tox-editor-header',
  '.ck-toolbar',
  '.ck-balloon-panel',
  'trix-toolbar',
  '.fr-toolbar',
  '.note-toolbar',
  '.cke_top',
  '.editor-toolbar',
  '.toastui-editor-toolbar',
  '.w-md-editor-toolbar',
].join(', ');

/** Generic toolbars: an editor's when they sit right beside one, otherwise possibly a row of answers. */
const toolbarRoleSelector = '[role="toolbar"], [role="menubar"]';

/** Names of formatting commands, as toolbar buttons spell them in their text, `aria-label` or `title`. */
const formattingCommand = new RegExp(
  '^(?:toggle |insert |format |add |remove )?(?:' +
    [
      'bold',
      'italic',
      'underline',
      'strike(?:-?through)?',
      'code(?: block)?',
      'inline code',
      'link',
      'unlink',
      'edit link',
      '(?:block ?)?quote',
      '(?:(?:bullet(?:ed)?|numbered|ordered|check|task) )?list(?:: ?\\w+)?',
      'heading(?: \\d)?',
      'h[1-6]',
      'paragraph',
      'normal text',
      'align(?:: ?\\w+| \\w+)?',
      '(?:left|center|right|justify)(?: align)?',
      'indent(?:: ?[+-]1)?',
      'outdent',
      'undo',
      'redo',
      'clean',
      'clear(?: formatting)?',
      'formatting',
      'subscript',
      'superscript',
      'script(?:: ?\\w+)?',
      'highlight',
      '(?:text |background )?colou?r',
      'image',
      'video',
      'table',
      'emoji',
      'horizontal (?:rule|line)',
      'divider',
      'formula',
    ].join('|') +
    ')$',
  'i',
);

const ignoredInputTypes = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password']);

export type FieldControl =
  | { kind: 'text'; element: HTMLInputElement | HTMLTextAreaElement }
  | { kind: 'editor'; element: HTMLElement }
  | { kind: 'native-select'; element: HTMLSelectElement }
  | { kind: 'listbox'; element: HTMLElement }
  | { kind: 'choices'; elements: HTMLElement[]; multiple: boolean; group: Element | null };

// Writers need the exact controls the reader saw; a WeakMap keeps them off the serializable field object.
const controlsByContainer = new WeakMap<Element, FieldControl>();

export function readFormGeneric(root: Element): ReadForm {
  const candidates = Array.from(root.querySelectorAll(controlSelector)).filter(isCandidate);
  const consumed = new Set<Element>();
  const fields: PageFormField[] = [];
  const keyCounts = new Map<string, number>();

  for (const element of candidates) {
    if (consumed.has(element)) continue;
    const control = controlFor(element, candidates);
    const members = controlMembers(control);
    for (const member of members) consumed.add(member);

    const own = new Set<Element>(members);
    const group = control.kind === 'choices' ? control.group : null;
    const start = group && containsAll(group, members) ? group : lowestCommonAncestor(members);
    const container = expandContainer(start, own, candidates, root);
    const labelFound = findLabel(control, group, container, candidates);
    const rawLabel = labelFound.text;
    const options = readOptions(control, container);
    const type = fieldType(control, options);
    const currentValue = readControlValue(control, options);
    const label = cleanLabel(rawLabel);
    const baseKey = slugify(label) || 'field';
    const seen = (keyCounts.get(baseKey) ?? 0) + 1;
    keyCounts.set(baseKey, seen);

    const field: PageFormField = {
      key: seen === 1 ? baseKey : `${baseKey}-${seen}`,
      label,
      type,
      required: isRequired(members, group, rawLabel),
      options,
      currentValue,
      filled: hasValue(currentValue),
      element: container,
    };
    const description = findDescription(members, group, labelFound.element, container, own);
    if (description) field.description = description;
    controlsByContainer.set(container, control);
    fields.push(field);
  }
  return { fields, root };
}

/** Lets another reader (a provider reader) hand the writers the exact controls it read for a field's container. */
export function rememberFieldControl(container: Element, control: FieldControl): void {
  controlsByContainer.set(container, control);
}

/** The controls of a field: what the reader saw, or found again inside its container when the reader did not run. */
export function fieldControl(field: PageFormField): FieldControl | null {
  const known = controlsByContainer.get(field.element);
  if (known && controlMembers(known).every((member) => member.isConnected)) return known;
  const candidates = Array.from(field.element.querySelectorAll(controlSelector)).filter(isCandidate);
  if (field.element.matches(controlSelector) && isCandidate(field.element)) candidates.unshift(field.element);
  const first = candidates[0];
  if (!first) return null;
  const wantsChoices = ['score', 'yes-no', 'single-select', 'multi-select'].includes(field.type);
  const preferred = wantsChoices
    ? (candidates.find((candidate) => isChoiceElement(candidate)) ??
      candidates.find(
        (candidate) => candidate instanceof HTMLSelectElement || candidate.matches(listboxTriggerSelector),
      ))
    : field.type === 'rich-text'
      ? candidates.find((candidate) => candidate.matches(richEditorSelector))
      : candidates.find(
          (candidate) => candidate instanceof HTMLInputElement || candidate instanceof HTMLTextAreaElement,
        );
  return controlFor(preferred ?? first, candidates);
}

export function controlMembers(control: FieldControl): HTMLElement[] {
  return control.kind === 'choices' ? control.elements : [control.element];
}

function isCandidate(element: Element): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLInputElement && ignoredInputTypes.has(element.type)) return false;
  if (isDisabled(element)) return false;
  if (element.getAttribute('contenteditable') === 'false') return false;
  // Options of an open listbox and nodes inside an editor belong to another control.
  if (element.parentElement?.closest('[role="listbox"]') && !element.matches(listboxTriggerSelector)) return false;
  if (element.parentElement?.closest(richEditorSelector)) return false;
  if (looksLikeSubmit(element)) return false;
  if (isEditorChrome(element)) return false;
  if (isChoiceElement(element)) return isVisible(element) || labelsOf(element).some(isVisible);
  return isVisible(element);
}

export function isDisabled(element: HTMLElement): boolean {
  if ('disabled' in element && (element as HTMLInputElement).disabled) return true;
  if (element.getAttribute('aria-disabled') === 'true') return true;
  return element.closest('fieldset[disabled]') !== null;
}

export function isVisible(element: Element): boolean {
  if (element.closest('[hidden]')) return false;
  const withCheck = element as Element & { checkVisibility?: () => boolean };
  if (typeof withCheck.checkVisibility === 'function') return withCheck.checkVisibility();
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}

/** Submit, Cancel and friends: the reader skips them and the writers never click them. */
export function looksLikeSubmit(element: Element): boolean {
  if (element instanceof HTMLInputElement && ['submit', 'reset', 'image'].includes(element.type)) return true;
  const isButtonLike =
    element instanceof HTMLButtonElement ||
    element.getAttribute('role') === 'button' ||
    element instanceof HTMLAnchorElement;
  if (!isButtonLike) return false;
  const name = normalizeText(element.getAttribute('aria-label') ?? element.textContent);
  return /\b(submit|cancel|discard|send|publish)\b/i.test(name);
}

/**
 * Whether a control belongs to a rich-text editor's chrome rather than to the form: inside a toolbar only editors
 * render, inside a `role="toolbar"` beside an editor, or a formatting button (Bold, Bullet list…) beside one. Read as
 * fields, format toggles would make a choice field that takes the editor's label and leaves the editor unlabelled.
 */
export function isEditorChrome(element: Element): boolean {
  return isInEditorToolbar(element) || (isFormattingButton(element) && editorBeside(element));
}

/** Asked of label candidates too: a heading picker's "Normal" or a "Bold" button names a command, not a field. */
function isInEditorToolbar(node: Element): boolean {
  if (node.closest(editorChromeSelector)) return true;
  const toolbar = node.closest(toolbarRoleSelector);
  return toolbar !== null && editorBeside(toolbar);
}

function isFormattingButton(element: Element): boolean {
  const buttonLike =
    element instanceof HTMLButtonElement || element.matches('[role="button"], [aria-pressed], [role="menuitem"]');
  if (!buttonLike) return false;
  const names = [element.getAttribute('aria-label'), element.getAttribute('title'), element.textContent]
    // Shortcut hints ("Bold (Ctrl+B)", "Italic ⌘I") are not part of the command's name.
    .map((name) => normalizeText(name?.replace(/\(.*?\)|[⌘⌃⌥⇧]\S*|\b(?:ctrl|cmd|alt|shift)\s*\+\s*\S+/gi, '')))
    .filter(Boolean);
  // An icon-only toggle names nothing an interviewer could answer with; beside an editor it is a format button.
  if (names.length === 0) return element.hasAttribute('aria-pressed');
  return names.some((name) => formattingCommand.test(name));
}

/**
 * Whether an editor sits right beside `element`: within a few levels up, with no text in between other than that of
 * buttons and menus. Label text in between means the editor is the next field, not the one `element` formats.
 */
function editorBeside(element: Element): boolean {
  let scope = element.parentElement;
  for (let depth = 0; scope && depth < 4; scope = scope.parentElement, depth++) {
    const editor = Array.from(scope.querySelectorAll(richEditorSelector)).find(
      (candidate) =>
        !element.contains(candidate) &&
        !candidate.contains(element) &&
        !candidate.parentElement?.closest(richEditorSelector),
    );
    if (editor) return !textBetween(element, editor, scope);
  }
  return false;
}

/** Text that names a button or menu entry rather than labelling a field. */
const chromeTextSelector =
  'button, [role="button"], [role="menuitem"], select, option, [role="option"], [role="listbox"], [role="menu"], [role="tooltip"], [aria-hidden="true"], [hidden]';

function textBetween(first: Element, second: Element, scope: Element): boolean {
  const [start, end] =
    first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? [first, second] : [second, first];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!normalizeText(node.textContent)) continue;
    if (start.contains(node) || end.contains(node)) continue;
    const after = start.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    const before = node.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!after || !before) continue;
    if (node.parentElement?.closest(chromeTextSelector)) continue;
    return true;
  }
  return false;
}

function isChoiceElement(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.type === 'radio' || element.type === 'checkbox';
  return element.matches('[role="radio"], [role="checkbox"], ' + toggleButtonSelector);
}

function isMultipleChoice(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.type === 'checkbox';
  return element.getAttribute('role') === 'checkbox';
}

export function isChecked(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.checked;
  if (element.hasAttribute('aria-pressed')) return element.getAttribute('aria-pressed') === 'true';
  return element.getAttribute('aria-checked') === 'true';
}

function controlFor(element: Element, candidates: Element[]): FieldControl {
  if (element instanceof HTMLSelectElement) return { kind: 'native-select', element };
  if (element instanceof HTMLTextAreaElement) return { kind: 'text', element };
  if (element instanceof HTMLInputElement && !isChoiceElement(element)) {
    return element.matches(listboxTriggerSelector) ? { kind: 'listbox', element } : { kind: 'text', element };
  }
  if (isChoiceElement(element)) return choiceGroup(element as HTMLElement, candidates);
  if (element.matches(richEditorSelector) && !element.matches(listboxTriggerSelector)) {
    return { kind: 'editor', element: element as HTMLElement };
  }
  return { kind: 'listbox', element: element as HTMLElement };
}

function choiceGroup(element: HTMLElement, candidates: Element[]): FieldControl {
  const multiple = isMultipleChoice(element);
  const sameKind = (candidate: Element) =>
    isChoiceElement(candidate) &&
    isMultipleChoice(candidate) === multiple &&
    candidate.hasAttribute('aria-pressed') === element.hasAttribute('aria-pressed') &&
    candidate instanceof HTMLInputElement === element instanceof HTMLInputElement;

  let members: HTMLElement[] = [];
  if (element instanceof HTMLInputElement && element.name) {
    members = candidates.filter(
      (candidate): candidate is HTMLInputElement =>
        candidate instanceof HTMLInputElement &&
        sameKind(candidate) &&
        candidate.name === element.name &&
        candidate.form === element.form,
    );
  }
  const groupSelector = multiple
    ? 'fieldset, [role="group"]'
    : 'fieldset, [role="radiogroup"], [role="group"], [role="toolbar"]';
  const explicitGroup = element.closest(groupSelector);
  if (members.length < 2 && explicitGroup) {
    members = candidates.filter(
      (candidate): candidate is HTMLElement =>
        candidate instanceof HTMLElement && sameKind(candidate) && explicitGroup.contains(candidate),
    );
  }
  if (members.length < 2 && !explicitGroup && element.hasAttribute('aria-pressed')) {
    // A row of toggle buttons has no grouping element of its own: take the nearest ancestor holding several.
    for (let node = element.parentElement, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
      const row = candidates.filter(
        (candidate): candidate is HTMLElement =>
          candidate instanceof HTMLElement && sameKind(candidate) && node.contains(candidate),
      );
      if (row.length >= 2) {
        members = row;
        break;
      }
    }
  }
  if (members.length === 0) members = [element];
  const group = explicitGroup && containsAll(explicitGroup, members) ? explicitGroup : null;
  return { kind: 'choices', elements: members, multiple, group };
}

function containsAll(ancestor: Element, members: Element[]): boolean {
  return members.every((member) => ancestor.contains(member));
}

function lowestCommonAncestor(members: Element[]): Element {
  const first = members[0];
  if (!first) throw new Error('A field has at least one control');
  if (members.length === 1) return first;
  let node: Element | null = first.parentElement;
  while (node && !containsAll(node, members)) node = node.parentElement;
  return node ?? first;
}

function expandContainer(start: Element, own: Set<Element>, candidates: Element[], root: Element): Element {
  let node = start;
  while (node !== root) {
    const parent = node.parentElement;
    if (!parent || !root.contains(parent)) break;
    if (candidates.some((candidate) => !own.has(candidate) && parent.contains(candidate))) break;
    node = parent;
  }
  return node;
}

function textOfIds(ids: string | null, exclude?: Element): string {
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter((node): node is HTMLElement => node !== null && node !== exclude)
    .map((node) => textWithoutControls(node))
    .filter(Boolean)
    .join(' ');
}

/** Text of an element without the text of form controls inside it (a wrapping label holds its select). */
function textWithoutControls(element: Element): string {
  if (!element.querySelector('input, select, textarea, [role="listbox"], ' + richEditorSelector)) {
    return normalizeText(element.textContent);
  }
  const clone = element.cloneNode(true) as Element;
  clone
    .querySelectorAll('input, select, textarea, [role="listbox"], ' + richEditorSelector)
    .forEach((node) => node.remove());
  return normalizeText(clone.textContent);
}

function labelsOf(element: Element): HTMLLabelElement[] {
  const labels = (element as HTMLInputElement).labels;
  const found = labels ? Array.from(labels) : [];
  if (found.length === 0 && element.id) {
    found.push(...Array.from(document.querySelectorAll<HTMLLabelElement>(`label[for="${CSS.escape(element.id)}"]`)));
  }
  const wrapping = element.closest('label');
  if (wrapping && !found.includes(wrapping)) found.push(wrapping);
  return found;
}

interface FoundLabel {
  text: string;
  element?: Element;
}

function findLabel(
  control: FieldControl,
  group: Element | null,
  container: Element,
  candidates: Element[],
): FoundLabel {
  if (group) {
    const legend = group instanceof HTMLFieldSetElement ? group.querySelector(':scope > legend') : null;
    if (legend && normalizeText(legend.textContent))
      return { text: normalizeText(legend.textContent), element: legend };
    const labelledBy = group.getAttribute('aria-labelledby');
    const byIds = textOfIds(labelledBy);
    if (byIds) return { text: byIds, element: document.getElementById(labelledBy?.split(/\s+/)[0] ?? '') ?? undefined };
    const ariaLabel = normalizeText(group.getAttribute('aria-label'));
    if (ariaLabel) return { text: ariaLabel };
  }
  const members = controlMembers(control);
  const single = control.kind !== 'choices' ? control.element : members.length === 1 ? members[0] : undefined;
  if (single && !(control.kind === 'choices' && !control.multiple && members.length > 1)) {
    const labelledBy = single.getAttribute('aria-labelledby');
    const byIds = textOfIds(labelledBy, single);
    if (byIds) {
      const firstId = labelledBy?.split(/\s+/).find((id) => id !== single.id);
      return { text: byIds, element: firstId ? (document.getElementById(firstId) ?? undefined) : undefined };
    }
    if (control.kind !== 'choices' || members.length === 1) {
      for (const label of labelsOf(single)) {
        const text = textWithoutControls(label);
        if (text) return { text, element: label };
      }
      const ariaLabel = normalizeText(single.getAttribute('aria-label'));
      if (ariaLabel) return { text: ariaLabel };
    }
  }

  // No programmatic label: the first heading-like text before the controls, inside the container, then before it.
  const firstMember = members[0];
  const optionLabels = new Set<Element>(members.flatMap((member) => labelsOf(member)));
  const isLabelCandidate = (node: Element) =>
    !optionLabels.has(node) &&
    !members.some((member) => node.contains(member) || member.contains(node)) &&
    !Array.from(optionLabels).some((label) => label.contains(node)) &&
    !isInEditorToolbar(node) &&
    normalizeText(node.textContent) !== '' &&
    (!firstMember || Boolean(node.compareDocumentPosition(firstMember) & Node.DOCUMENT_POSITION_FOLLOWING));
  const headingLike = Array.from(
    container.querySelectorAll('label, legend, h1, h2, h3, h4, h5, h6, [role="heading"], dt, th'),
  ).find(isLabelCandidate);
  if (headingLike) return { text: textWithoutControls(headingLike), element: headingLike };
  const textLike = Array.from(container.querySelectorAll('p, span, div, strong, b')).find(
    (node) =>
      isLabelCandidate(node) &&
      Array.from(node.childNodes).some(
        (child) => child.nodeType === Node.TEXT_NODE && normalizeText(child.textContent),
      ),
  );
  if (textLike) return { text: textWithoutControls(textLike), element: textLike };

  for (let sibling = container.previousElementSibling, steps = 0; sibling && steps < 3; steps++) {
    const holdsControl = candidates.some((candidate) => sibling?.contains(candidate));
    if (holdsControl) break;
    const text = normalizeText(sibling.textContent);
    if (text) return { text, element: sibling };
    sibling = sibling.previousElementSibling;
  }
  if (single) {
    const hint =
      single.getAttribute('placeholder') ?? single.getAttribute('aria-placeholder') ?? single.getAttribute('title');
    if (hint) return { text: normalizeText(hint) };
  }
  return { text: '' };
}

/** A label as the interviewer reads it: without required markers (`*`, "(required)") or a trailing colon. */
export function cleanLabel(text: string): string {
  return normalizeText(
    text
      .replace(/\(required\)/gi, '')
      .replace(/\*/g, '')
      .replace(/:\s*$/, ''),
  );
}

function isRequired(members: Element[], group: Element | null, rawLabel: string): boolean {
  const marked = (element: Element) =>
    element.hasAttribute('required') || element.getAttribute('aria-required') === 'true';
  if (members.some(marked) || (group !== null && marked(group))) return true;
  return /\*|\(required\)/i.test(rawLabel);
}

function findDescription(
  members: Element[],
  group: Element | null,
  label: Element | undefined,
  container: Element,
  own: Set<Element>,
): string | undefined {
  for (const element of [group, ...members]) {
    const described = textOfIds(element?.getAttribute('aria-describedby') ?? null);
    if (described) return described;
  }
  if (!label) return undefined;
  const firstMember = members[0];
  const scope = container.contains(label) ? container : label.parentElement;
  if (!scope) return undefined;
  const after = Array.from(scope.querySelectorAll('small, p')).find(
    (node) =>
      !label.contains(node) &&
      !node.contains(label) &&
      Boolean(label.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      (!firstMember || Boolean(node.compareDocumentPosition(firstMember) & Node.DOCUMENT_POSITION_FOLLOWING)) &&
      !Array.from(own).some((member) => node.contains(member)) &&
      !node.closest(richEditorSelector) &&
      !isInEditorToolbar(node) &&
      normalizeText(node.textContent) !== '',
  );
  return after ? normalizeText(after.textContent) : undefined;
}

/** The visible name of one radio, checkbox or toggle button. */
export function choiceLabel(element: Element): string {
  if (element instanceof HTMLInputElement) {
    for (const label of labelsOf(element)) {
      const text = textWithoutControls(label);
      if (text) return text;
    }
    const ariaLabel =
      normalizeText(element.getAttribute('aria-label')) || textOfIds(element.getAttribute('aria-labelledby'));
    if (ariaLabel) return ariaLabel;
    const next = element.nextSibling;
    const nextText = normalizeText(next?.textContent);
    if (nextText && !(next instanceof Element && next.querySelector('input'))) return nextText;
    return element.value;
  }
  return normalizeText(element.getAttribute('aria-label')) || normalizeText(element.textContent);
}

function choiceValue(element: Element): string {
  if (element instanceof HTMLInputElement && element.value && element.value !== 'on') return element.value;
  return element.getAttribute('data-value') ?? element.getAttribute('value') ?? choiceLabel(element);
}

export function readOptions(control: FieldControl, container: Element): FeedbackFieldOption[] {
  switch (control.kind) {
    case 'native-select':
      return Array.from(control.element.options)
        .filter((option) => option.value !== '' && !option.disabled)
        .map((option) => ({ value: option.value, label: normalizeText(option.textContent) || option.value }));
    case 'choices':
      if (control.multiple && control.elements.length === 1) return yesNoOptions;
      return control.elements.map((element) => ({ value: choiceValue(element), label: choiceLabel(element) }));
    case 'listbox':
      return listboxOptions(control.element, container);
    default:
      return [];
  }
}

const yesNoOptions: FeedbackFieldOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The popups a custom select names through `aria-controls` / `aria-owns`, where they exist in the DOM now. */
export function controlledPopups(trigger: Element): HTMLElement[] {
  return [trigger.getAttribute('aria-controls'), trigger.getAttribute('aria-owns')]
    .filter(Boolean)
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id))
    .filter((node): node is HTMLElement => node !== null);
}

/** Options of a custom select that are already in the DOM (see the module comment for the sources tried). */
export function listboxOptions(trigger: Element, container: Element): FeedbackFieldOption[] {
  const popups = controlledPopups(trigger);
  const fromPopup = popups.flatMap((popup) => Array.from(popup.querySelectorAll('[role="option"]')));
  if (fromPopup.length > 0) return fromPopup.map(optionFromElement);

  const dataOptions =
    trigger.getAttribute('data-options') ?? container.querySelector('[data-options]')?.getAttribute('data-options');
  if (dataOptions) {
    const parsed = parseDataOptions(dataOptions);
    if (parsed.length > 0) return parsed;
  }
  const listbox = container.querySelector('[role="listbox"]');
  if (listbox) return Array.from(listbox.querySelectorAll('[role="option"]')).map(optionFromElement);
  const list = container.querySelector('ul, ol');
  if (list) return Array.from(list.querySelectorAll(':scope > li')).map(optionFromElement);
  return [];
}

export function optionFromElement(element: Element): FeedbackFieldOption {
  const label = normalizeText(element.textContent) || normalizeText(element.getAttribute('aria-label'));
  return { value: element.getAttribute('data-value') ?? element.getAttribute('value') ?? label, label };
}

function parseDataOptions(raw: string): FeedbackFieldOption[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: unknown): FeedbackFieldOption[] => {
      if (typeof item === 'string') return [{ value: item, label: item }];
      if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const label =
          typeof record.label === 'string' ? record.label : typeof record.text === 'string' ? record.text : '';
        const value =
          typeof record.value === 'string' || typeof record.value === 'number' ? String(record.value) : label;
        return label || value ? [{ value, label: label || value }] : [];
      }
      return [];
    });
  } catch {
    return [];
  }
}

function fieldType(control: FieldControl, options: FeedbackFieldOption[]): FeedbackFieldType {
  switch (control.kind) {
    case 'text': {
      if (control.element instanceof HTMLTextAreaElement) return 'long-text';
      const inputType = control.element.type;
      if (inputType === 'number' || inputType === 'range') return 'number';
      if (inputType === 'date' || inputType === 'datetime-local') return 'date';
      return 'text';
    }
    case 'editor':
      return 'rich-text';
    case 'native-select':
      return control.element.multiple ? 'multi-select' : classifyChoices(options);
    case 'listbox':
      return classifyChoices(options);
    case 'choices':
      if (control.multiple) return control.elements.length === 1 ? 'yes-no' : 'multi-select';
      return classifyChoices(options);
  }
}

/** Score when the options read 1..N (or 0..N), yes-no for exactly Yes/No, else a plain single select. */
export function classifyChoices(options: FeedbackFieldOption[]): FeedbackFieldType {
  const labels = options.map((option) => option.label.toLowerCase());
  if (labels.length === 2 && labels.includes('yes') && labels.includes('no')) return 'yes-no';
  const numbers = options.map((option) => leadingNumber(option.label));
  if (
    numbers.length >= 2 &&
    numbers.every((number, index) => number !== null && number === (numbers[0] ?? 0) + index)
  ) {
    return 'score';
  }
  return 'single-select';
}

export function leadingNumber(text: string): number | null {
  const match = /^\s*(\d+)(?!\d)/.exec(text);
  return match?.[1] !== undefined ? Number(match[1]) : null;
}

/**
 * Text of an editor with one line per block, as the interviewer sees it. Blocks count at any depth, since editors
 * wrap them (Draft.js nests each line in two `div`s, TipTap puts paragraphs in list items), and so does `<br>`.
 */
export function editorText(editor: Element): string {
  const lines: string[] = [];
  let line = '';
  // Only text opens a line: whitespace between blocks is markup layout, and a block's own end breaks the line.
  let open = false;
  const endLine = () => {
    if (open) lines.push(line.trim());
    line = '';
    open = false;
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent ?? '';
        line += text;
        if (text.trim() !== '') open = true;
        continue;
      }
      if (!(child instanceof HTMLElement) || child.hidden) continue;
      if (child.tagName === 'BR') {
        // A break always ends a line, an empty one too: that is how editors render an empty paragraph.
        open = true;
        endLine();
      } else if (isTextBlock(child)) {
        endLine();
        walk(child);
        endLine();
      } else walk(child);
    }
  };
  walk(editor);
  endLine();
  return lines.join('\n').trim();
}

function isTextBlock(element: Element): boolean {
  return element.hasAttribute('data-block') || textBlockTags.test(element.tagName);
}

const textBlockTags = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE|FIGURE|HR)$/;

/** The value the page currently shows for a control, in option values where there are options. */
export function readControlValue(control: FieldControl, options: FeedbackFieldOption[]): string | string[] | null {
  switch (control.kind) {
    case 'text':
      return control.element.value === '' ? null : control.element.value;
    case 'editor': {
      const text = editorText(control.element);
      return text === '' ? null : text;
    }
    case 'native-select': {
      // `.value` and `option.selected`, not `selectedOptions`: the latter lags behind in some DOM implementations.
      if (!control.element.multiple) return control.element.value === '' ? null : control.element.value;
      const selected = Array.from(control.element.options)
        .filter((option) => option.selected && option.value !== '')
        .map((option) => option.value);
      return selected.length > 0 ? selected : null;
    }
    case 'listbox': {
      const element = control.element;
      if (element instanceof HTMLInputElement) return element.value === '' ? null : element.value;
      if (element.hasAttribute('data-placeholder') || element.querySelector('[data-placeholder]')) return null;
      const shown = normalizeText(element.textContent);
      const match = options.find((option) => normalizeText(option.label) === shown);
      if (match) return match.value;
      if (options.length === 0 && shown && !/^(select|choose|pick)\b/i.test(shown)) return shown;
      return null;
    }
    case 'choices': {
      if (control.multiple && control.elements.length === 1) {
        const only = control.elements[0];
        return only && isChecked(only) ? 'yes' : null;
      }
      const checked = control.elements.filter(isChecked).map(choiceValue);
      if (control.multiple) return checked.length > 0 ? checked : null;
      return checked[0] ?? null;
    }
  }
}

export function hasValue(value: string | string[] | null): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return value.trim() !== '';
}
