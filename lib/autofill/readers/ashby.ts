import type { FeedbackFieldType } from '@/lib/core/types';
import { normalizeText, type PageFormField } from '../form-model';
import {
  controlDescription,
  controlElements,
  controlName,
  formAround,
  inDocumentOrder,
  marksRequired,
  outermost,
  primaryElement,
  providerField,
  textFieldType,
  titleMarksRequired,
  visibleTitle,
  withKeys,
  findControlOfType,
} from './provider-field';

/**
 * Ashby's interview feedback page (ashby-api.md §9, "Feedback page DOM"): a React form of sections, each field in its
 * own container tagged with the form definition's `path` and `type`; scores are native radios 1–4 (ids
 * `labeled-radio-input-<N>` count in render order, so they are never used as keys), rich text is a TipTap/ProseMirror
 * editor, value selects are a button opening a listbox popup, booleans a Yes/No pair of toggle buttons.
 */

const fieldSelector = '[data-field-path]';
const markerSelector = `${fieldSelector}, input[id^="labeled-radio-input-"], .tiptap.ProseMirror`;

/** `formDefinition` field types (ashby-api.md §7) the page draws as one control each. */
const fieldTypes: Record<string, FeedbackFieldType> = {
  Score: 'score',
  ValueSelect: 'single-select',
  MultiValueSelect: 'multi-select',
  Boolean: 'yes-no',
  RichText: 'rich-text',
  String: 'text',
  Email: 'text',
  Phone: 'text',
  Url: 'text',
  LongText: 'long-text',
  Number: 'number',
  Date: 'date',
};

/** The feedback form on an Ashby page, or null when the page shows none of Ashby's feedback structure. */
export function findAshbyFeedbackForm(scope: Document | Element): Element | null {
  const marker = scope.querySelector(markerSelector);
  return marker ? formAround(marker, scope) : null;
}

/** The fields Ashby's structure describes; fields of other shapes are left to the generic reader. */
export function readAshbyFields(root: Element): PageFormField[] {
  const fields = outermost(Array.from(root.querySelectorAll(fieldSelector))).flatMap((container) => {
    const field = readField(container);
    return field ? [field] : [];
  });
  return withKeys(inDocumentOrder(fields));
}

function readField(container: Element): PageFormField | null {
  const declared = fieldTypes[container.getAttribute('data-field-type') ?? ''];
  if (!declared) return null;
  const control = findControlOfType(container, declared);
  if (!control) return null;

  const title = container.querySelector('.field-label');
  const label = visibleTitle(title) || controlName(control);
  if (!label) return null;
  const help = normalizeText(container.querySelector('.help-text')?.textContent);
  return providerField({
    label,
    description: help || controlDescription(control),
    type: control.kind === 'text' || control.kind === 'editor' ? textFieldType(control, declared) : declared,
    required: titleMarksRequired(title) || marksRequired([primaryElement(control), ...controlElements(control)]),
    element: container,
    control,
  });
}
