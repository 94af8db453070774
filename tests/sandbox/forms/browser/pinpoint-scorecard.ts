import type { PinpointScorecardPayload, PinpointScorecardTemplate } from '../definitions.ts';
import { exposeFeedback, readConfig, registerForm, submitFeedback } from './feedback-bridge.ts';

interface ScorecardConfig {
  applicationId: string;
  template: PinpointScorecardTemplate;
}

// Server-rendered markup with no framework behind it: the DOM itself is the form's state.
function readPayload(form: HTMLFormElement, config: ScorecardConfig): PinpointScorecardPayload {
  const sections = config.template.sections;
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  const text = (name: string) => form.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)?.value ?? '';
  return {
    applicationId: config.applicationId,
    scorecardId: config.template.id,
    ratings: sections.flatMap((section) =>
      section.metrics.map((metric) => {
        const input = checked(metric.id);
        return { metricId: metric.id, metric: metric.name, score: input ? Number(input.value) : null };
      }),
    ),
    answers: sections.flatMap((section) =>
      section.questions.map((question) => ({
        questionId: question.id,
        question: question.text,
        answer: text(question.id),
      })),
    ),
    notes: text('notes'),
  };
}

registerForm('pinpoint-scorecard', (root) => {
  const config = readConfig<ScorecardConfig>(root);
  const dialog = root.querySelector<HTMLElement>('[data-scorecard-dialog]');
  const form = root.querySelector<HTMLFormElement>('[data-scorecard-form]');
  const opener = root.querySelector<HTMLButtonElement>('[data-scorecard-open]');
  if (!dialog || !form || !opener) return;
  const feedback = exposeFeedback(() => readPayload(form, config));

  const close = () => {
    dialog.hidden = true;
    opener.focus();
  };
  opener.addEventListener('click', () => {
    dialog.hidden = false;
    dialog.querySelector<HTMLInputElement>('input')?.focus();
  });
  root.querySelector('[data-scorecard-close]')?.addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const payload = readPayload(form, config);
    void submitFeedback(feedback, payload).then((ok) => {
      const summary = root.querySelector('[data-scorecard-summary]');
      if (summary) summary.textContent = ok ? 'Scorecard submitted.' : 'Could not submit the scorecard.';
      if (ok) close();
    });
  });
});
