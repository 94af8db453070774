import type { AtsProvider } from '@/lib/core/page-context';
import type { PageFormField, ReadForm } from '../form-model';
import {
  classifyChoices,
  controlMembers,
  fieldControl,
  hasValue,
  readControlValue,
  readFormGeneric,
} from '../generic-reader';
import { findAshbyFeedbackForm, readAshbyFields } from './ashby';
import { findLeverFeedbackForm, readLeverFields } from './lever';
import { rememberedListboxOptions } from './listbox-options';
import { findPinpointScorecard, readPinpointFields } from './pinpoint';
import { inDocumentOrder, reclaimFieldControl, withKeys } from './provider-field';

export { peekListboxOptions } from './listbox-options';

/** Which reader produced a field: the provider's own structure, or labels, roles and form semantics. */
export type FieldSource = 'provider' | 'generic';

export interface FeedbackFormRead extends ReadForm {
  site: AtsProvider;
  /** By field key. */
  readBy: Record<string, FieldSource>;
}

export interface ProviderReader {
  /** Where the feedback form is on the page; null when the provider's structure is not there. */
  findRoot(scope: Document | Element): Element | null;
  /** The fields the provider's structure describes, keyed and in page order. */
  readFields(root: Element): PageFormField[];
}

export const providerReaders: Record<AtsProvider, ProviderReader> = {
  ashby: { findRoot: findAshbyFeedbackForm, readFields: readAshbyFields },
  lever: { findRoot: findLeverFeedbackForm, readFields: readLeverFields },
  pinpoint: { findRoot: findPinpointScorecard, readFields: readPinpointFields },
};

/**
 * The feedback form on an ATS page. The provider's reader goes first; the generic reader then reads the same form and
 * every field it finds outside the provider's fields is kept too, so a field the provider reader does not know (or no
 * longer recognises after a redesign) is still read rather than skipped.
 *
 * Null means there is nothing to fill: Pinpoint's scorecard dialog is closed (Pinpoint's candidate page has other
 * inputs that are not feedback). On Ashby and Lever a page without their structure is read generically, from the
 * first form that names itself feedback or scorecard, else the page's `main`.
 *
 * Reading never touches the page. Custom selects that render options only while open get them from
 * `peekListboxOptions`; read again afterwards.
 */
export function readFeedbackForm(site: AtsProvider, scope: Document | Element): FeedbackFormRead | null {
  const reader = providerReaders[site];
  const root = reader.findRoot(scope) ?? (site === 'pinpoint' ? null : fallbackRoot(scope));
  if (!root) return null;

  const provided = reader.readFields(root);
  const generic = readFormGeneric(root).fields.map(withRememberedOptions);
  const extra = generic.filter((field) => !provided.some((known) => overlaps(field, known)));
  // The generic reader registered its own controls for containers the provider read; the provider's are the ones.
  for (const field of provided) reclaimFieldControl(field);

  const fromProvider = new Set(provided);
  const fields = withKeys(inDocumentOrder([...provided, ...extra]));
  const readBy: Record<string, FieldSource> = {};
  for (const field of fields) readBy[field.key] = fromProvider.has(field) ? 'provider' : 'generic';
  return { fields, root, site, readBy };
}

function fallbackRoot(scope: Document | Element): Element {
  const forms = Array.from(scope.querySelectorAll('form'));
  const named = forms.find((form) =>
    /feedback|scorecard/i.test(form.getAttribute('aria-label') ?? form.getAttribute('name') ?? ''),
  );
  if (named) return named;
  if (scope instanceof Element) return scope;
  return scope.querySelector('main') ?? scope.body;
}

/** The same field, or one inside the other: a generic field that is part of a provider field adds nothing. */
function overlaps(generic: PageFormField, known: PageFormField): boolean {
  const container = known.element;
  if (container === generic.element || container.contains(generic.element) || generic.element.contains(container)) {
    return true;
  }
  const control = fieldControl(generic);
  return control !== null && controlMembers(control).some((member) => container.contains(member));
}

/** A custom select the generic reader found without options gets those seen when its popup was peeked into. */
function withRememberedOptions(field: PageFormField): PageFormField {
  if (field.options.length > 0) return field;
  const control = fieldControl(field);
  if (control?.kind !== 'listbox') return field;
  const options = rememberedListboxOptions(control.element);
  if (!options || options.length === 0) return field;
  const currentValue = readControlValue(control, options);
  return {
    ...field,
    options,
    type: classifyChoices(options),
    currentValue,
    filled: hasValue(currentValue),
  };
}
