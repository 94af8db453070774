import type { FeedbackFieldType } from '@/lib/core/types';
import { normalizeText, type PageFormField } from '../form-model';
import {
  controlDescription,
  controlElements,
  controlName,
  findSingleChoiceControl,
  findTextControl,
  formAround,
  inDocumentOrder,
  marksRequired,
  outermost,
  ownContainer,
  primaryElement,
  providerField,
  textFieldType,
  titleMarksRequired,
  visibleTitle,
  withKeys,
  findControlOfType,
} from './provider-field';

/**
 * Lever's feedback form (lever-api.md §5): one container per template field, tagged with the field's id and type.
 * The types decide what the generic reader can only guess: `score-system` (the overall rating, options written
 * "4 - Strong Hire" … "1 - Strong No Hire", highest first) and `score` (thumbs 1–4) are scores, `multiple-choice` is a
 * single choice even when its options read like numbers, and a `scorecard` field is one thumbs score per skill, each
 * with its own comment box.
 */

const fieldSelector = '[data-field-id][data-field-type]';

const fieldTypes: Record<string, FeedbackFieldType> = {
  'score-system': 'score',
  score: 'score',
  'yes-no': 'yes-no',
  dropdown: 'single-select',
  'multiple-choice': 'single-select',
  'multiple-select': 'multi-select',
  text: 'text',
  textarea: 'long-text',
  code: 'long-text',
  date: 'date',
};

/** The feedback form on a Lever page, or null when the page shows none of Lever's feedback structure. */
export function findLeverFeedbackForm(scope: Document | Element): Element | null {
  const marker = scope.querySelector(fieldSelector);
  return marker ? formAround(marker, scope) : null;
}

/** The fields Lever's structure describes; fields of other shapes are left to the generic reader. */
export function readLeverFields(root: Element): PageFormField[] {
  const fields = outermost(Array.from(root.querySelectorAll(fieldSelector))).flatMap((container) =>
    container.getAttribute('data-field-type') === 'scorecard' ? readScorecard(container) : readField(container),
  );
  return withKeys(inDocumentOrder(fields));
}

function fieldTitle(container: Element): Element | null {
  return container.querySelector('.field-label');
}

function fieldHelp(container: Element): string {
  return normalizeText(container.querySelector(':scope > .description')?.textContent);
}

function readField(container: Element): PageFormField[] {
  const declared = fieldTypes[container.getAttribute('data-field-type') ?? ''];
  if (!declared) return [];
  const control = findControlOfType(container, declared);
  if (!control) return [];
  const title = fieldTitle(container);
  const label = visibleTitle(title) || controlName(control);
  if (!label) return [];
  return [
    providerField({
      label,
      description: fieldHelp(container) || controlDescription(control),
      type: control.kind === 'text' || control.kind === 'editor' ? textFieldType(control, declared) : declared,
      required: titleMarksRequired(title) || marksRequired([primaryElement(control), ...controlElements(control)]),
      element: container,
      control,
    }),
  ];
}

/**
 * A scorecard field: a table of skills, each row a thumbs scale and a comment. Each skill becomes a score field named
 * by the skill (its description as help text) and each comment a text field, as the interviewer sees them.
 */
function readScorecard(container: Element): PageFormField[] {
  const required = titleMarksRequired(fieldTitle(container));
  const scales = Array.from(container.querySelectorAll('[role="group"], [role="radiogroup"]'));
  return scales.flatMap((scale) => {
    const score = findSingleChoiceControl(scale);
    if (!score) return [];
    const row = scale.closest('tr') ?? scale.parentElement ?? container;
    const skill = controlName(score) || visibleTitle(row.querySelector('th span') ?? row.querySelector('th'));
    if (!skill) return [];
    const fields = [
      providerField({
        label: skill,
        description: normalizeText(row.querySelector('.description')?.textContent) || controlDescription(score),
        type: 'score',
        required,
        element: ownContainer(score, container),
        control: score,
      }),
    ];
    const comment = findTextControl(row);
    if (comment) {
      fields.push(
        providerField({
          label: controlName(comment) || `${skill} comment`,
          type: textFieldType(comment, 'text'),
          required: false,
          element: ownContainer(comment, container),
          control: comment,
        }),
      );
    }
    return fields;
  });
}
