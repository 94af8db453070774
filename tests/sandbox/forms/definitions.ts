/**
 * What the server hands each form app through the root element's `data-form` attribute. Pure data and types, so the
 * browser bundles can import it without pulling in Node code.
 */

/** The field types the sandbox's Ashby feedback page can draw; a seeded form the page shows uses only these. */
export type AshbyPageFieldType = 'Score' | 'RichText' | 'ValueSelect' | 'Boolean' | 'String' | 'LongText';

/**
 * Ashby's field entry (`feedbackFormDefinition.info` → `formDefinition.sections[].fields[]`, ashby-api.md §7), in
 * full: the page is handed exactly what the API returns for the form, so both can be compared field for field.
 */
export interface AshbyFormField<Type extends string = AshbyPageFieldType> {
  isRequired: boolean;
  descriptionHtml?: string;
  descriptionPlain?: string;
  field: {
    id: string;
    type: Type;
    path: string;
    humanReadablePath: string;
    title: string;
    isNullable: boolean;
    selectableValues?: Array<{ label: string; value: string }>;
  };
}

export interface AshbyFeedbackConfig {
  formDefinitionId: string;
  applicationId: string;
  interviewEventId: string;
  userId: string;
  title: string;
  sections: Array<{ title: string; fields: AshbyFormField[] }>;
}

/** Mirrors `applicationFeedback.submit`'s body (ashby-api.md §9), which is what the web app's Submit amounts to. */
export interface AshbyFeedbackPayload {
  formDefinitionId: string;
  applicationId: string;
  interviewEventId: string;
  userId: string;
  feedbackForm: { fieldSubmissions: Array<{ path: string; value: unknown }> };
}

/** Lever's template field (lever-api.md §5). */
export interface LeverFormField {
  id: string;
  type: string;
  text: string;
  description: string;
  required: boolean;
  prompt?: string;
  options?: Array<{ text: string }>;
  scores?: Array<{ text: string; description: string }>;
}

export interface LeverFeedbackConfig {
  opportunityId: string;
  panelId: string | null;
  interviewId: string;
  template: { id: string; text: string; instructions: string; fields: LeverFormField[] };
}

/** Mirrors the body of `POST /opportunities/:id/feedback`. */
export interface LeverFeedbackPayload {
  baseTemplateId: string;
  panel: string | null;
  interview: string;
  fieldValues: Array<{ id: string; value: unknown }>;
}

export interface PinpointScorecardTemplate {
  id: string;
  title: string;
  sections: Array<{
    id: string;
    title: string;
    metrics: Array<{ id: string; name: string; description: string }>;
    questions: Array<{ id: string; text: string }>;
  }>;
}

/** Pinpoint has no scorecard write API, so this is simply everything the dialog holds, keyed by template ids. */
export interface PinpointScorecardPayload {
  applicationId: string;
  scorecardId: string;
  ratings: Array<{ metricId: string; metric: string; score: number | null }>;
  answers: Array<{ questionId: string; question: string; answer: string }>;
  notes: string;
}

export type FormName = 'ashby-feedback' | 'lever-feedback' | 'pinpoint-scorecard';

export interface SandboxFeedback<Payload = unknown> {
  submitted: Payload | null;
  current(): Payload;
}

declare global {
  interface Window {
    sandboxFeedback?: SandboxFeedback;
    /** Mount functions by form name, so a page shown again by the client router can mount without a reload. */
    sandboxForms?: Partial<Record<FormName, () => void>>;
  }
}
