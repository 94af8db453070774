import { html, type Html } from '../html.ts';
import { formScript } from './bundle.ts';
import type { PinpointScorecardTemplate } from './definitions.ts';

/** Sections of 1–5 metrics and free-text questions, plus the Notes box every Pinpoint scorecard has (pinpoint-api.md §3.7). */
export const pinpointScorecardTemplate: PinpointScorecardTemplate = {
  id: 'scorecard-technical-interview',
  title: 'Technical Interview scorecard',
  sections: [
    {
      id: 'section-technical',
      title: 'Technical skills',
      metrics: [
        { id: 'metric-problem-solving', name: 'Problem solving', description: 'Breaks problems down and tests ideas.' },
        { id: 'metric-code-quality', name: 'Code quality', description: 'Readable, tested, idiomatic code.' },
        { id: 'metric-system-design', name: 'System design', description: '' },
      ],
      questions: [{ id: 'question-exercise', text: 'What did the candidate build in the exercise?' }],
    },
    {
      id: 'section-values',
      title: 'Values',
      metrics: [
        { id: 'metric-ownership', name: 'Ownership', description: 'Takes problems end to end.' },
        { id: 'metric-collaboration', name: 'Collaboration', description: '' },
      ],
      questions: [{ id: 'question-concerns', text: 'Do you have any concerns?' }],
    },
  ],
};

const scale = [1, 2, 3, 4, 5];

export function pinpointScorecardSection(applicationId: string): Html {
  const template = pinpointScorecardTemplate;
  const config = { applicationId, template };
  return html`<section
      aria-label="Scorecards"
      data-sandbox-form="pinpoint-scorecard"
      data-form="${JSON.stringify(config)}"
    >
      <h2>Scorecards</h2>
      <p data-scorecard-summary>No scorecards submitted yet.</p>
      <button type="button" data-scorecard-open aria-haspopup="dialog">Fill scorecard</button>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="scorecard-dialog-title"
        class="scorecard-dialog"
        data-scorecard-dialog
        hidden
      >
        <h2 id="scorecard-dialog-title">${template.title}</h2>
        <form aria-label="Scorecard" data-scorecard-form>
          ${template.sections.map(
            (section) =>
              html`<fieldset data-section-id="${section.id}">
                <legend>${section.title}</legend>
                ${section.metrics.map(
                  (metric) =>
                    html`<div class="metric" data-metric-id="${metric.id}">
                      <span class="metric-name">${metric.name}</span>
                      ${metric.description ? html`<p class="metric-description">${metric.description}</p>` : ''}
                      <div role="radiogroup" aria-label="${metric.name}">
                        ${scale.map(
                          (score) =>
                            html`<label class="rating"
                              ><input type="radio" name="${metric.id}" value="${score}" /> ${score}</label
                            >`,
                        )}
                      </div>
                    </div>`,
                )}
                ${section.questions.map(
                  (question) =>
                    html`<div class="question" data-question-id="${question.id}">
                      <label for="${question.id}">${question.text}</label>
                      <textarea id="${question.id}" name="${question.id}"></textarea>
                    </div>`,
                )}
              </fieldset>`,
          )}
          <label for="scorecard-notes">Notes</label>
          <textarea id="scorecard-notes" name="notes"></textarea>
          <p>
            <button type="submit">Submit scorecard</button>
            <button type="button" data-scorecard-close>Cancel</button>
          </p>
        </form>
      </div>
    </section>
    ${formScript('pinpoint-scorecard')}`;
}
