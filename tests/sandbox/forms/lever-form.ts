import { html, type Html } from '../html.ts';
import { derivedId, leverState } from '../lever/state.ts';
import type { SandboxData } from '../store.ts';
import { formScript } from './bundle.ts';
import type { LeverFeedbackConfig, LeverFormField } from './definitions.ts';

/**
 * Field types Lever feedback templates have (lever-api.md §5) that the seeded templates lack. The page appends them to
 * the interview's template so every type can be exercised; they are page-only, so the API would refuse their ids.
 */
export const leverPageOnlyFields: LeverFormField[] = [
  {
    id: derivedId('lever-page-field:text'),
    type: 'text',
    text: 'Current title',
    description: 'As the candidate described their role.',
    required: false,
  },
  {
    id: derivedId('lever-page-field:dropdown'),
    type: 'dropdown',
    text: 'Seniority',
    description: '',
    required: false,
    prompt: 'Select one',
    options: [{ text: 'Mid-level' }, { text: 'Senior' }, { text: 'Staff' }],
  },
  {
    id: derivedId('lever-page-field:date'),
    type: 'date',
    text: 'Earliest start date',
    description: '',
    required: false,
  },
];

export function leverFeedbackConfig(store: SandboxData, interviewId: string): LeverFeedbackConfig | undefined {
  for (const panel of leverState(store).panels) {
    const interview = panel.interviews.find((each) => each.id === interviewId);
    if (!interview) continue;
    const template = leverState(store).templates.find((each) => each.id === interview.feedbackTemplate);
    if (!template) return undefined;
    const present = new Set(template.fields.map((field) => field.type));
    return {
      opportunityId: panel.opportunityId,
      panelId: panel.id,
      interviewId: interview.id,
      template: {
        id: template.id,
        text: template.text,
        instructions: template.instructions,
        fields: [...template.fields, ...leverPageOnlyFields.filter((field) => !present.has(field.type))],
      },
    };
  }
  return undefined;
}

export function leverFeedbackForm(config: LeverFeedbackConfig): Html {
  return html`<div class="lever-feedback" data-sandbox-form="lever-feedback" data-form="${JSON.stringify(config)}">
      <p>Loading feedback form…</p>
    </div>
    ${formScript('lever-feedback')}`;
}
