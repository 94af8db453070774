import { feedbackFormIds, seededFeedbackForms, type FeedbackFormDefinition } from '../ashby/state.ts';
import { html, type Html } from '../html.ts';
import { formScript } from './bundle.ts';
import type { AshbyFeedbackConfig, AshbyFormField, AshbyPageFieldType } from './definitions.ts';

const pageFieldTypes = new Set<string>([
  'Score',
  'RichText',
  'ValueSelect',
  'Boolean',
  'String',
  'LongText',
] satisfies AshbyPageFieldType[]);

const drawable = (entry: AshbyFormField<string>): entry is AshbyFormField<AshbyPageFieldType> =>
  pageFieldTypes.has(entry.field.type);

/**
 * The seeded form the feedback page of `demo.ashby.interviewBriefingId` shows, exactly as `feedbackFormDefinition.info`
 * returns it (the event's interview names it through `feedbackFormDefinitionId`).
 */
export const ashbyFeedbackDefinition: FeedbackFormDefinition = (() => {
  const form = seededFeedbackForms().find((each) => each.id === feedbackFormIds.interviewFeedback);
  if (!form) throw new Error('The seeded Ashby feedback page form is missing');
  return form;
})();

/** The page's app draws six field types; a form with any other is shown as unsupported rather than half drawn. */
export function ashbyFeedbackForm(
  context: { applicationId: string; interviewEventId: string; userId: string },
  form: FeedbackFormDefinition = ashbyFeedbackDefinition,
): Html {
  const undrawable = form.formDefinition.sections
    .flatMap((section) => section.fields)
    .filter((entry) => !drawable(entry))
    .map((entry) => entry.field.type);
  if (undrawable.length > 0) {
    return html`<p class="sandbox-limitation">
      The sandbox page cannot draw ${form.title}: it has ${[...new Set(undrawable)].join(', ')} fields.
    </p>`;
  }
  const sections = form.formDefinition.sections.map((section) => ({
    title: section.title,
    fields: section.fields.filter(drawable),
  }));
  const config: AshbyFeedbackConfig = { formDefinitionId: form.id, title: form.title, sections, ...context };
  return html`<div class="ashby-feedback" data-sandbox-form="ashby-feedback" data-form="${JSON.stringify(config)}">
      <p>Loading feedback form…</p>
    </div>
    <noscript>
      <form aria-label="Interview feedback" method="post" action="/__feedback">
        <label for="feedback-notes">Notes</label>
        <textarea id="feedback-notes" name="notes"></textarea>
        <button type="submit">Submit</button>
      </form>
    </noscript>
    ${formScript('ashby-feedback')}`;
}
