import { createHash } from 'node:crypto';
import type { AshbyFormField } from '../forms/definitions.ts';
import type { AtsData, SandboxData } from '../store.ts';

/** A fixed UUID-shaped id from a name, so records the neutral store has no id for (plans, departments…) stay stable. */
export function stableId(kind: string, name: string): string {
  const hex = createHash('sha1').update(`ashby:${kind}:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The sandbox has one pipeline, so every job uses one interview plan. */
export const interviewPlanId = stableId('interview-plan', 'Default');
export const interviewPlanTitle = 'Default interview plan';

/** A form's field entry as the API returns it; the page-only narrowing of `type` lives in forms/definitions.ts. */
export type FormField = AshbyFormField<string>;

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

/** An interview type (`interview.info`, ashby-api.md §7): what an event is an instance of, and the form it uses. */
export interface InterviewType {
  id: string;
  title: string;
  externalTitle: string;
  isArchived: boolean;
  isDebrief: boolean;
  isFeedbackRequired: boolean;
  isFeedbackRequested: boolean;
  instructionsHtml: string;
  instructionsPlain: string;
  /** Set for an interview that belongs to one job; null for a shared one, which any job may schedule. */
  jobId: string | null;
  /** Null: the organisation's default form applies. */
  feedbackFormDefinitionId: string | null;
}

/** An interview event; its times live in the neutral store's `interviews`, under the same id. */
export interface ScheduledEvent {
  id: string;
  interviewId: string;
  interviewers: Array<{ userId: string; isFeedbackRequired: boolean }>;
  createdAt: string;
  updatedAt: string;
  location: string | null;
  meetingLink: string | null;
  extraData?: Record<string, string>;
}

export interface InterviewSchedule {
  id: string;
  status: string;
  applicationId: string;
  interviewStageId: string;
  scheduledById: string | null;
  createdAt: string;
  updatedAt: string;
  events: ScheduledEvent[];
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
  interviews: InterviewType[];
  feedback: FeedbackSubmission[];
  schedules: InterviewSchedule[];
}

const organizationId = stableId('organization', 'Acme');

function field(
  path: string,
  type: string,
  title: string,
  isRequired: boolean,
  options: { descriptionPlain?: string; selectableValues?: Array<{ label: string; value: string }> } = {},
): FormField {
  return {
    isRequired,
    ...(options.descriptionPlain ? { descriptionPlain: options.descriptionPlain } : {}),
    field: {
      id: stableId('form-field', path),
      type,
      path,
      humanReadablePath: title,
      title,
      isNullable: !isRequired,
      ...(options.selectableValues ? { selectableValues: options.selectableValues } : {}),
    },
  };
}

export const feedbackFormIds = {
  /** The form of the Technical Interview, which the feedback page of `demo.ashby.interviewBriefingId` shows. */
  interviewFeedback: stableId('feedback-form', 'Interview Feedback Page'),
  /** Used by no interview: reached through the API only, with the types the page cannot draw. */
  technical: stableId('feedback-form', 'Technical Interview Scorecard'),
  /** The organisation's default form, for interviews without a form of their own. */
  screen: stableId('feedback-form', 'Recruiter Screen'),
  legacy: stableId('feedback-form', 'Legacy Scorecard'),
  /** Thirty fields, for `npm run bench`'s "click to a 30-field form filled". */
  onsiteLoop: stableId('feedback-form', 'Onsite Loop Scorecard'),
};

export const interviewTypeIds = {
  technical: stableId('interview', 'Technical Interview'),
  screen: stableId('interview', 'Recruiter Screen'),
  portfolio: stableId('interview', 'Portfolio Review'),
  /** What `interviewSchedule.create` uses when an event names no interview (ashby-api.md §7). */
  general: stableId('interview', 'Interview'),
  /** No seeded event: schedules created through the API use it (the bench's 30-field form). */
  onsiteLoop: stableId('interview', 'Onsite Loop'),
};

const yesNoScale = ['Strong no hire', 'No hire', 'Hire', 'Strong hire'];

/** A long scorecard: every kind of field the page draws, five times over. */
function onsiteLoopFields(): FormField[] {
  const topics = ['System design', 'Coding', 'Communication', 'Ownership', 'Collaboration'];
  return topics.flatMap((topic) => {
    const slug = topic.toLowerCase().replace(/ /g, '_');
    return [
      field(`${slug}_score`, 'Score', `${topic} score`, false),
      field(`${slug}_evidence`, 'LongText', `${topic}: evidence`, false, {
        descriptionPlain: `What the candidate said or did that shows their ${topic.toLowerCase()}.`,
      }),
      field(`${slug}_summary`, 'RichText', `${topic}: summary`, false),
      field(`${slug}_level`, 'ValueSelect', `${topic}: recommendation`, false, {
        selectableValues: yesNoScale.map((label) => ({ label, value: label.toLowerCase().replace(/ /g, '_') })),
      }),
      field(`${slug}_bar`, 'Boolean', `${topic}: above the bar?`, false),
      field(`${slug}_notes`, 'String', `${topic}: one line`, false),
    ];
  });
}

export function seededFeedbackForms(): FeedbackFormDefinition[] {
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
              field('system_design', 'ValueSelect', 'System design', false, {
                selectableValues: [
                  { label: 'Below the bar', value: 'below' },
                  { label: 'At the bar', value: 'at' },
                  { label: 'Above the bar', value: 'above' },
                ],
              }),
              field('strengths', 'MultiValueSelect', 'Strengths', false, {
                selectableValues: [
                  { label: 'Coding', value: 'coding' },
                  { label: 'Communication', value: 'communication' },
                  { label: 'Architecture', value: 'architecture' },
                ],
              }),
              field('concerns', 'LongText', 'Concerns', false),
              field('would_work_with', 'Boolean', 'Would you like to work with this person?', false),
              field('start_date', 'Date', 'Earliest start date', false),
              field('years_experience', 'Number', 'Years of experience', false),
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
    {
      ...base,
      id: feedbackFormIds.onsiteLoop,
      title: 'Onsite Loop Scorecard',
      isArchived: false,
      isDefaultForm: false,
      interviewId: interviewTypeIds.onsiteLoop,
      formDefinition: { sections: [{ title: 'Onsite loop', fields: onsiteLoopFields() }] },
    },
    {
      ...base,
      id: feedbackFormIds.interviewFeedback,
      title: 'Technical Interview Feedback',
      isArchived: false,
      isDefaultForm: false,
      interviewId: interviewTypeIds.technical,
      // One field of each kind the page has to show: score scales, rich text, custom select, yes/no toggles, short
      // and long text.
      formDefinition: {
        sections: [
          {
            title: 'Overall',
            fields: [
              field('_systemfield_overall_recommendation', 'Score', 'Overall score', true, {
                descriptionPlain: 'Your overall assessment of the candidate for this role.',
              }),
              field('recommendation', 'ValueSelect', 'Recommendation', true, {
                descriptionPlain: 'What should happen next with this candidate?',
                selectableValues: [
                  { label: 'Strong no hire', value: 'strong_no_hire' },
                  { label: 'No hire', value: 'no_hire' },
                  { label: 'Hire', value: 'hire' },
                  { label: 'Strong hire', value: 'strong_hire' },
                ],
              }),
              field('_systemfield_feedback', 'RichText', 'Overall feedback', true, {
                descriptionPlain: 'Summarise the evidence behind your score. Quote the candidate where you can.',
              }),
            ],
          },
          {
            title: 'Skills',
            fields: [
              field('system_design', 'Score', 'System design', false, {
                descriptionPlain: 'Trade-offs, failure modes, data modelling.',
              }),
              field('coding', 'Score', 'Coding', false),
              field('would_work_with', 'Boolean', 'Would you like to work with this person?', false),
              field('notice_period', 'String', 'Notice period', false, {
                descriptionPlain: 'As the candidate stated it.',
              }),
              field('concerns', 'LongText', 'Concerns', false),
            ],
          },
        ],
      },
    },
  ];
}

interface InterviewTypeSeed {
  key: keyof typeof interviewTypeIds;
  title: string;
  /** Job-specific interviews take the job of the seeded events that use them. */
  shared: boolean;
  feedbackFormDefinitionId: string | null;
  instructions: string;
}

const interviewTypeSeeds: InterviewTypeSeed[] = [
  {
    key: 'technical',
    title: 'Technical Interview',
    shared: false,
    feedbackFormDefinitionId: feedbackFormIds.interviewFeedback,
    instructions: 'Forty minutes of system design, twenty of coding. Score what you saw, not the CV.',
  },
  {
    key: 'screen',
    title: 'Recruiter Screen',
    shared: true,
    feedbackFormDefinitionId: feedbackFormIds.screen,
    instructions: 'Motivation, notice period and salary expectations.',
  },
  {
    key: 'portfolio',
    title: 'Portfolio Review',
    shared: false,
    feedbackFormDefinitionId: null,
    instructions: 'The candidate walks through two projects of their choice.',
  },
  { key: 'general', title: 'Interview', shared: true, feedbackFormDefinitionId: null, instructions: '' },
  {
    key: 'onsiteLoop',
    title: 'Onsite Loop',
    shared: true,
    feedbackFormDefinitionId: feedbackFormIds.onsiteLoop,
    instructions: 'Five interviewers, one scorecard each topic.',
  },
];

function seedInterviewTypes(data: AtsData): InterviewType[] {
  return interviewTypeSeeds.map((seed) => {
    const event = data.interviews.find((each) => each.title === seed.title);
    const application = data.applications.find((each) => each.id === event?.applicationId);
    return {
      id: interviewTypeIds[seed.key],
      title: seed.title,
      externalTitle: seed.title,
      isArchived: false,
      isDebrief: false,
      isFeedbackRequired: true,
      isFeedbackRequested: true,
      instructionsHtml: seed.instructions ? `<p>${seed.instructions}</p>` : '',
      instructionsPlain: seed.instructions,
      jobId: seed.shared ? null : (application?.jobId ?? null),
      feedbackFormDefinitionId: seed.feedbackFormDefinitionId,
    };
  });
}

const dayMilliseconds = 86_400_000;

/** Every seeded event was booked a week ahead by the application's recruiter, one schedule per event. */
function seedSchedules(data: AtsData, types: InterviewType[]): InterviewSchedule[] {
  return data.interviews.flatMap((interview) => {
    const application = data.applications.find((each) => each.id === interview.applicationId);
    if (!application) return [];
    const interviewId = types.find((each) => each.title === interview.title)?.id ?? interviewTypeIds.general;
    const bookedAt = new Date(Date.parse(interview.startAt) - 7 * dayMilliseconds).toISOString();
    return [
      {
        id: stableId('interview-schedule', interview.id),
        status: 'Scheduled',
        applicationId: application.id,
        interviewStageId: application.stageId,
        scheduledById: application.ownerId || null,
        createdAt: bookedAt,
        updatedAt: bookedAt,
        events: [
          {
            id: interview.id,
            interviewId,
            interviewers: [{ userId: interview.interviewerId, isFeedbackRequired: true }],
            createdAt: bookedAt,
            updatedAt: bookedAt,
            location: null,
            meetingLink: `https://meet.example.com/${interview.id.slice(0, 8)}`,
          },
        ],
      },
    ];
  });
}

export function findEvent(state: AshbyState, eventId: string) {
  for (const schedule of state.schedules) {
    const event = schedule.events.find((each) => each.id === eventId);
    if (event) return { schedule, event };
  }
  return undefined;
}

/** The form an event's feedback uses: its interview's own form, else the organisation's default (ashby-api.md §7). */
export function feedbackFormForEvent(state: AshbyState, eventId: string): FeedbackFormDefinition | undefined {
  const found = findEvent(state, eventId);
  const type = state.interviews.find((each) => each.id === found?.event.interviewId);
  if (!type) return undefined;
  const formId =
    type.feedbackFormDefinitionId ?? state.forms.find((form) => form.isDefaultForm && !form.isArchived)?.id;
  return state.forms.find((form) => form.id === formId);
}

// Keyed by the store object, so `reset()` (a new store) starts from fresh state too.
const states = new WeakMap<SandboxData, AshbyState>();

export function ashbyState(store: SandboxData): AshbyState {
  let state = states.get(store);
  if (!state) {
    const interviews = seedInterviewTypes(store.ashby);
    state = {
      noteHtml: new Map(),
      alternateEmails: new Map(),
      creditedTo: new Map(),
      resumes: new Map(),
      updatedAt: new Map(),
      forms: seededFeedbackForms(),
      interviews,
      feedback: [],
      schedules: seedSchedules(store.ashby, interviews),
    };
    states.set(store, state);
  }
  return state;
}
