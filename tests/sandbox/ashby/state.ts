import { createHash } from 'node:crypto';
import type { SandboxData } from '../store.ts';

/** A fixed UUID-shaped id from a name, so records the neutral store has no id for (plans, departments…) stay stable. */
export function stableId(kind: string, name: string): string {
  const hex = createHash('sha1').update(`ashby:${kind}:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The sandbox has one pipeline, so every job uses one interview plan. */
export const interviewPlanId = stableId('interview-plan', 'Default');
export const interviewPlanTitle = 'Default interview plan';

export interface FormField {
  isRequired: boolean;
  descriptionPlain?: string;
  field: {
    id: string;
    type: string;
    path: string;
    humanReadablePath: string;
    title: string;
    isNullable: boolean;
    selectableValues?: Array<{ label: string; value: string }>;
  };
}

export interface FeedbackFormDefinition {
  id: string;
  organizationId: string;
  title: string;
  isArchived: boolean;
  isDefaultForm: boolean;
  interviewId: string | null;
  formDefinition: { sections: Array<{ title: string; fields: FormField[] }> };
}

export interface StoredFile {
  id: string;
  name: string;
  handle: string;
  contentType: string;
  /** Bytes of the part as the sandbox read it (the server decodes bodies as UTF-8, so exact for text files only). */
  size: number;
}

export interface FeedbackSubmission {
  id: string;
  formDefinitionId: string;
  applicationId: string;
  userId: string;
  interviewEventId?: string;
  submittedValues: Record<string, unknown>;
  submittedAt: string;
}

export interface InterviewSchedule {
  id: string;
  applicationId: string;
  interviewStageId: string;
  createdAt: string;
  eventIds: string[];
  extraData: Array<Record<string, string> | undefined>;
}

/** What Ashby keeps that the neutral store has no place for. */
export interface AshbyState {
  /** The HTML a note was created with; seeded notes are plain text and served escaped. */
  noteHtml: Map<string, string>;
  alternateEmails: Map<string, string[]>;
  creditedTo: Map<string, string>;
  resumes: Map<string, StoredFile>;
  updatedAt: Map<string, string>;
  forms: FeedbackFormDefinition[];
  feedback: FeedbackSubmission[];
  schedules: InterviewSchedule[];
}

const organizationId = stableId('organization', 'Acme');

function field(
  path: string,
  type: string,
  title: string,
  isRequired: boolean,
  selectableValues?: Array<{ label: string; value: string }>,
): FormField {
  return {
    isRequired,
    field: {
      id: stableId('form-field', path),
      type,
      path,
      humanReadablePath: title,
      title,
      isNullable: !isRequired,
      ...(selectableValues ? { selectableValues } : {}),
    },
  };
}

export const feedbackFormIds = {
  technical: stableId('feedback-form', 'Technical Interview Scorecard'),
  screen: stableId('feedback-form', 'Recruiter Screen'),
  legacy: stableId('feedback-form', 'Legacy Scorecard'),
};

function seedForms(): FeedbackFormDefinition[] {
  const base = { organizationId, interviewId: null };
  return [
    {
      ...base,
      id: feedbackFormIds.technical,
      title: 'Technical Interview Scorecard',
      isArchived: false,
      isDefaultForm: false,
      formDefinition: {
        sections: [
          {
            title: 'Assessment',
            fields: [
              field('_systemfield_overall_recommendation', 'Score', 'Overall recommendation', true),
              field('recommendation_summary', 'RichText', 'Summary', true),
              field('system_design', 'ValueSelect', 'System design', false, [
                { label: 'Below the bar', value: 'below' },
                { label: 'At the bar', value: 'at' },
                { label: 'Above the bar', value: 'above' },
              ]),
              field('strengths', 'MultiValueSelect', 'Strengths', false, [
                { label: 'Coding', value: 'coding' },
                { label: 'Communication', value: 'communication' },
                { label: 'Architecture', value: 'architecture' },
              ]),
              field('concerns', 'LongText', 'Concerns', false),
              field('would_work_with', 'Boolean', 'Would you like to work with this person?', false),
            ],
          },
        ],
      },
    },
    {
      ...base,
      id: feedbackFormIds.screen,
      title: 'Recruiter Screen',
      isArchived: false,
      isDefaultForm: true,
      formDefinition: {
        sections: [
          {
            title: 'Screen',
            fields: [
              field('_systemfield_overall_recommendation', 'Score', 'Overall recommendation', true),
              field('_systemfield_feedback', 'RichText', 'Feedback', true),
              field('notice_period', 'String', 'Notice period', false),
              field('start_date', 'Date', 'Earliest start date', false),
              field('years_experience', 'Number', 'Years of experience', false),
            ],
          },
        ],
      },
    },
    {
      ...base,
      id: feedbackFormIds.legacy,
      title: 'Legacy Scorecard',
      isArchived: true,
      isDefaultForm: false,
      formDefinition: { sections: [{ title: 'Notes', fields: [field('notes', 'LongText', 'Notes', true)] }] },
    },
  ];
}

// Keyed by the store object, so `reset()` (a new store) starts from fresh state too.
const states = new WeakMap<SandboxData, AshbyState>();

export function ashbyState(store: SandboxData): AshbyState {
  let state = states.get(store);
  if (!state) {
    state = {
      noteHtml: new Map(),
      alternateEmails: new Map(),
      creditedTo: new Map(),
      resumes: new Map(),
      updatedAt: new Map(),
      forms: seedForms(),
      feedback: [],
      schedules: [],
    };
    states.set(store, state);
  }
  return state;
}
