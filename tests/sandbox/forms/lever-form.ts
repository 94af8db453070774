import { html, type Html } from '../html.ts';
import { leverState } from '../lever/state.ts';
import type { SandboxData } from '../store.ts';
import { formScript } from './bundle.ts';
import type { LeverFeedbackConfig } from './definitions.ts';

/**
 * The form the interview's page shows its interviewer: the template the API names for them (`interviewers[]
 * .feedbackTemplate`, else the interview's `feedbackTemplate`, lever-api.md §5), field for field as
 * `GET /feedback_templates/:id` returns it. No template (null) means no form.
 */
export function leverFeedbackConfig(store: SandboxData, interviewId: string): LeverFeedbackConfig | undefined {
  const state = leverState(store);
  const interviewerId = store.lever.interviews.find((each) => each.id === interviewId)?.interviewerId;
  for (const panel of state.panels) {
    const interview = panel.interviews.find((each) => each.id === interviewId);
    if (!interview) continue;
    const interviewer = interview.interviewers.find((each) => each.id === interviewerId) ?? interview.interviewers[0];
    const templateId = interviewer?.feedbackTemplate ?? interview.feedbackTemplate;
    const template = state.templates.find((each) => each.id === templateId);
    if (!template) return undefined;
    return {
      opportunityId: panel.opportunityId,
      panelId: panel.id,
      interviewId: interview.id,
      template: { id: template.id, text: template.text, instructions: template.instructions, fields: template.fields },
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
