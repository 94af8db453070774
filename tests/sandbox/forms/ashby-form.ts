import { stableId } from '../ashby/state.ts';
import { html, type Html } from '../html.ts';
import { formScript } from './bundle.ts';
import type { AshbyFeedbackConfig, AshbyFormField } from './definitions.ts';

function field(
  path: string,
  type: AshbyFormField['field']['type'],
  title: string,
  isRequired: boolean,
  descriptionPlain?: string,
  selectableValues?: Array<{ label: string; value: string }>,
): AshbyFormField {
  return {
    isRequired,
    ...(descriptionPlain ? { descriptionPlain } : {}),
    field: { path, type, title, ...(selectableValues ? { selectableValues } : {}) },
  };
}

/**
 * The form the feedback page renders, in `feedbackFormDefinition.info`'s shape. One field of each kind the page has
 * to show (score scales, rich text, custom select, yes/no toggles, short and long text).
 */
export const ashbyFeedbackDefinition = {
  id: stableId('feedback-form', 'Interview Feedback Page'),
  title: 'Technical Interview Feedback',
  sections: [
    {
      title: 'Overall',
      fields: [
        field(
          '_systemfield_overall_recommendation',
          'Score',
          'Overall score',
          true,
          'Your overall assessment of the candidate for this role.',
        ),
        field('recommendation', 'ValueSelect', 'Recommendation', true, 'What should happen next with this candidate?', [
          { label: 'Strong no hire', value: 'strong_no_hire' },
          { label: 'No hire', value: 'no_hire' },
          { label: 'Hire', value: 'hire' },
          { label: 'Strong hire', value: 'strong_hire' },
        ]),
        field(
          '_systemfield_feedback',
          'RichText',
          'Overall feedback',
          true,
          'Summarise the evidence behind your score. Quote the candidate where you can.',
        ),
      ],
    },
    {
      title: 'Skills',
      fields: [
        field('system_design', 'Score', 'System design', false, 'Trade-offs, failure modes, data modelling.'),
        field('coding', 'Score', 'Coding', false),
        field('would_work_with', 'Boolean', 'Would you like to work with this person?', false),
        field('notice_period', 'String', 'Notice period', false, 'As the candidate stated it.'),
        field('concerns', 'LongText', 'Concerns', false),
      ],
    },
  ],
};

export function ashbyFeedbackForm(context: { applicationId: string; interviewEventId: string; userId: string }): Html {
  const config: AshbyFeedbackConfig = {
    formDefinitionId: ashbyFeedbackDefinition.id,
    title: ashbyFeedbackDefinition.title,
    sections: ashbyFeedbackDefinition.sections,
    ...context,
  };
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
