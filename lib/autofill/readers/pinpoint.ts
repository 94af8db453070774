import { normalizeText, type PageFormField } from '../form-model';
import { isVisible, type FieldControl } from '../generic-reader';
import {
  controlDescription,
  controlElements,
  controlName,
  findSingleChoiceControl,
  findTextControl,
  inDocumentOrder,
  marksRequired,
  outermost,
  ownContainer,
  primaryElement,
  providerField,
  textFieldType,
  textOfReferences,
  titleMarksRequired,
  visibleTitle,
  withKeys,
} from './provider-field';

/**
 * Pinpoint's scorecard (pinpoint-api.md §3.7): sections of metrics rated 1–5 and free-text questions, plus the Notes
 * box every scorecard has. It opens in a dialog over the candidate page, so there is a form to fill only while that
 * dialog is open; the candidate page's other inputs (search, filters, comments) are never part of it.
 */

const metricSelector = '[data-metric-id], .metric';
const questionSelector = '[data-question-id], .question';
const scorecardMarkerSelector = `[data-scorecard-form], ${metricSelector}`;
const notesSelector = 'textarea[name="notes"], textarea[name$="[notes]"]';

/** The open scorecard dialog, or null while it is closed (or the page has none). */
export function findPinpointScorecard(scope: Document | Element): Element | null {
  const dialogs = Array.from(scope.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog'));
  if (scope instanceof Element && scope.matches('[role="dialog"], [role="alertdialog"], dialog'))
    dialogs.unshift(scope);
  const open = dialogs.filter(isOpenDialog);
  return open.find((dialog) => dialog.querySelector(scorecardMarkerSelector)) ?? open.find(looksLikeScorecard) ?? null;
}

function isOpenDialog(dialog: Element): boolean {
  if (dialog instanceof HTMLDialogElement && !dialog.open) return false;
  if (dialog.closest('[aria-hidden="true"], [inert]')) return false;
  return isVisible(dialog);
}

// Without Pinpoint's own markers: a dialog named as a scorecard, or one rating on a 1–5 scale. Other dialogs on the
// candidate page (moving stage, rejecting with a reason) have radios too, but neither the name nor the scale.
function looksLikeScorecard(dialog: Element): boolean {
  if (!dialog.querySelector('input, textarea, select, [contenteditable]')) return false;
  const name =
    textOfReferences(dialog, 'aria-labelledby') ||
    normalizeText(dialog.getAttribute('aria-label')) ||
    normalizeText(dialog.querySelector('h1, h2, h3')?.textContent);
  return /scorecard/i.test(name) || hasRatingScale(dialog);
}

function hasRatingScale(dialog: Element): boolean {
  const byName = new Map<string, Set<string>>();
  for (const radio of Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]'))) {
    const values = byName.get(radio.name) ?? new Set<string>();
    values.add(radio.value);
    byName.set(radio.name, values);
  }
  return Array.from(byName.values()).some((values) => ['1', '2', '3', '4', '5'].every((value) => values.has(value)));
}

/** Metrics, questions and Notes as Pinpoint lays them out; anything else in the dialog is left to the generic reader. */
export function readPinpointFields(root: Element): PageFormField[] {
  const metrics = outermost(Array.from(root.querySelectorAll(metricSelector))).flatMap(readMetric);
  const questions = outermost(Array.from(root.querySelectorAll(questionSelector))).flatMap(readQuestion);
  return withKeys(inDocumentOrder([...metrics, ...questions, ...readNotes(root)]));
}

function readMetric(container: Element): PageFormField[] {
  const control = findSingleChoiceControl(container);
  if (!control) return [];
  const name = container.querySelector('.metric-name');
  const label = visibleTitle(name) || controlName(control);
  if (!label) return [];
  return [
    providerField({
      label,
      description:
        normalizeText(container.querySelector('.metric-description')?.textContent) || controlDescription(control),
      type: 'score',
      required: titleMarksRequired(name) || isRequired(control),
      element: container,
      control,
    }),
  ];
}

function readQuestion(container: Element): PageFormField[] {
  const control = findTextControl(container);
  if (!control) return [];
  const title = container.querySelector('label, .question-text');
  const label = controlName(control) || visibleTitle(title);
  if (!label) return [];
  return [
    providerField({
      label,
      description: controlDescription(control),
      type: textFieldType(control, 'long-text'),
      required: titleMarksRequired(title) || isRequired(control),
      element: container,
      control,
    }),
  ];
}

/** The general Notes box, outside the sections. */
function readNotes(root: Element): PageFormField[] {
  const textarea = Array.from(root.querySelectorAll<HTMLTextAreaElement>(notesSelector)).find(
    (element) => !element.closest(`${metricSelector}, ${questionSelector}`) && isVisible(element),
  );
  if (!textarea || textarea.disabled) return [];
  const control: FieldControl = { kind: 'text', element: textarea };
  const label = controlName(control) || 'Notes';
  const title = textarea.labels?.[0];
  return [
    providerField({
      label,
      description: controlDescription(control),
      type: 'long-text',
      required: titleMarksRequired(title) || isRequired(control),
      element: ownContainer(control, root),
      control,
    }),
  ];
}

function isRequired(control: FieldControl): boolean {
  return marksRequired([primaryElement(control), ...controlElements(control)]);
}
