import { createHash } from 'node:crypto';
import type { Application, AtsData, Candidate, SandboxData } from '../store.ts';

/**
 * What Lever keeps beyond the neutral store: opportunity fields the store has no slot for, files, feedback, panels and
 * feedback templates. Keyed by the store object, so `reset()` (a new store) starts from the seed again.
 */
export interface OpportunityExtras {
  emails: string[];
  phones: Array<{ type: string | null; value: string }>;
  origin: string;
  sources: string[];
  tags: string[];
  /** Only for opportunities without an application; otherwise the store's application holds the stage. */
  stageId: string;
  ownerId: string | null;
  updatedAt: number;
  stageChanges: Array<{ toStageId: string; toStageIndex: number; userId: string | null; updatedAt: number }>;
}

export interface StoredFile {
  id: string;
  name: string;
  ext: string;
  size: number;
  uploadedAt: number;
  status: 'processed' | 'unsupported';
}

export interface FieldOption {
  text: string;
}

export interface TemplateField {
  id: string;
  type: string;
  text: string;
  description: string;
  required: boolean;
  prompt?: string;
  options?: FieldOption[];
  scores?: Array<{ text: string; description: string }>;
}

export interface FeedbackTemplate {
  id: string;
  text: string;
  group: { id: string; name: string } | null;
  instructions: string;
  stage: { id: string; text: string } | null;
  createdAt: number | null;
  updatedAt: number | null;
  fields: TemplateField[];
}

export interface StoredFeedback {
  id: string;
  type: 'interview';
  text: string;
  instructions: string;
  baseTemplateId: string;
  fields: Array<TemplateField & { value: unknown }>;
  user: string;
  panel: string | null;
  interview: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number;
  deletedAt: null;
}

export interface StoredInterview {
  id: string;
  panel: string;
  subject: string;
  note: string;
  interviewers: Array<{ id: string; feedbackTemplate: string | null }>;
  date: number;
  duration: number;
  location: string;
  feedbackTemplate: string | null;
  feedbackForms: string[];
  feedbackReminder: string;
  user: string;
  stage: string | null;
  createdAt: number;
}

export interface StoredPanel {
  id: string;
  opportunityId: string;
  applications: string[];
  canceledAt: null;
  createdAt: number;
  timezone: string;
  feedbackReminder: string;
  user: string;
  stage: string | null;
  note: string;
  externallyManaged: boolean;
  externalUrl: string | null;
  interviews: StoredInterview[];
}

export interface LeverState {
  opportunities: Map<string, OpportunityExtras>;
  files: Map<string, StoredFile[]>;
  feedback: Map<string, StoredFeedback[]>;
  panels: StoredPanel[];
  templates: FeedbackTemplate[];
}

/** Every account has these (lever-api.md §7); their ids are slugs, not UUIDs. The seed holds the applicant stages. */
export const leadStages = [
  { id: 'lead-new', title: 'New lead' },
  { id: 'lead-reached-out', title: 'Reached out' },
  { id: 'lead-responded', title: 'Responded' },
];

export const archiveReasons = [
  { id: '3f0a5d56-1c7e-4bd2-9a8e-6f1f0b3c7e21', text: 'Hired', status: 'active', type: 'hired' },
  { id: '8b6e2f4a-93d1-4c5e-b7a2-0d9c4e1f6a38', text: 'Withdrew', status: 'active', type: 'non-hired' },
];

export const templateIds = {
  technical: 'a7c1e0d2-4b5f-4e8a-9c3d-2f6b8e1a0c47',
  screen: 'c3e8b5a1-7d2f-4a6c-8e0b-5f1d9a3c7e62',
};

const scoreSystem = (id: string): TemplateField => ({
  id,
  type: 'score-system',
  text: 'Rating',
  description: '',
  required: true,
  prompt: 'Select one',
  options: [{ text: '4 - Strong Hire' }, { text: '3 - Hire' }, { text: '2 - No Hire' }, { text: '1 - Strong No Hire' }],
});

const seededTemplates: FeedbackTemplate[] = [
  {
    id: templateIds.technical,
    text: 'Technical Interview Scorecard',
    group: { id: '5d2a8c1e-0f3b-4a7d-9e6c-1b4f8a2d5c93', name: 'Engineering Feedback Forms' },
    instructions: 'Score what you saw in the interview, not the CV.',
    stage: { id: 'fda46769-2e63-45a6-8681-a50e7a343298', text: 'Technical interview' },
    createdAt: Date.parse('2025-02-03T10:00:00.000Z'),
    updatedAt: Date.parse('2026-08-14T09:30:00.000Z'),
    fields: [
      scoreSystem('0e4c9a71-5b2d-4f8e-a1c6-3d7b9e2f4a10'),
      {
        id: '6a1f3c8e-2d4b-4e9a-b7c5-8f0d2e6a1b34',
        type: 'textarea',
        text: 'Technical depth',
        description: 'Evidence from the design and coding parts.',
        required: true,
      },
      {
        id: '9d4b7e2a-1c6f-4a3d-8b5e-0f2c7a9d3e51',
        type: 'multiple-choice',
        text: 'Strongest area',
        description: '',
        required: false,
        options: [{ text: 'System design' }, { text: 'Coding' }, { text: 'Communication' }],
      },
      {
        id: '2b8e5a1d-7f3c-4d9b-a6e0-4c1f8b3d7a25',
        type: 'multiple-select',
        text: 'Topics covered',
        description: '',
        required: false,
        options: [{ text: 'Idempotency' }, { text: 'Databases' }, { text: 'Testing' }, { text: 'On-call' }],
      },
      {
        id: '5c2a9f6d-3e1b-4a8c-9d7f-2b6e0a4c8d13',
        type: 'yes-no',
        text: 'Would you want to work with them?',
        description: '',
        required: false,
      },
      {
        id: '7e3d1b9a-6c4f-4e2a-8d0b-9a5c3e7f1d62',
        type: 'score',
        text: 'Communication',
        description: 'Thumbs scale',
        required: false,
      },
      {
        id: '1f9c6e3a-8b2d-4c7e-a5f0-6d3b1e9a4c78',
        type: 'scorecard',
        text: '',
        description: '',
        required: false,
        scores: [
          { text: 'Ownership', description: 'Takes problems end to end' },
          { text: 'Craft', description: 'Quality of the work' },
        ],
      },
      // The remaining feedback field types (lever-api.md §5), so the page and the API cover every one of them.
      {
        id: '4d9e2b7a-0c5f-4e3b-9a1d-6f8c2e5b0a37',
        type: 'text',
        text: 'Current title',
        description: 'As the candidate described their role.',
        required: false,
      },
      {
        id: 'e5a0c3f8-2b7d-4c9e-8f1a-3d6b9c0e2f58',
        type: 'dropdown',
        text: 'Seniority',
        description: '',
        required: false,
        prompt: 'Select one',
        options: [{ text: 'Mid-level' }, { text: 'Senior' }, { text: 'Staff' }],
      },
      {
        id: '8b1f4a6c-9e2d-4b7a-a3c5-0e7d1f4b8c26',
        type: 'date',
        text: 'Earliest start date',
        description: '',
        required: false,
      },
    ],
  },
  {
    id: templateIds.screen,
    text: 'Recruiter Screen',
    group: null,
    instructions: '',
    stage: null,
    createdAt: Date.parse('2025-02-03T10:05:00.000Z'),
    updatedAt: Date.parse('2025-02-03T10:05:00.000Z'),
    fields: [
      scoreSystem('4a8d2c6e-9b1f-4e3a-8c5d-7f0b2e4a6c19'),
      {
        id: '8c5e1a7d-4f2b-4d6c-9a3e-1b7f5d9c2e40',
        type: 'textarea',
        text: 'Notes',
        description: '',
        required: false,
      },
      {
        id: '3e7b4d1c-5a9f-4b2e-8d6a-0c3f7e1b5d94',
        type: 'dropdown',
        text: 'Notice period',
        description: '',
        required: false,
        prompt: 'Select one',
        options: [{ text: 'Immediate' }, { text: 'One month' }, { text: 'Three months' }],
      },
    ],
  },
  // The built-in default of every account, with null timestamps as real built-ins have them (lever-api.md §5).
  {
    id: 'no-feedback',
    text: 'No Feedback',
    group: null,
    instructions: '',
    stage: null,
    createdAt: null,
    updatedAt: null,
    fields: [scoreSystem('b2d6f0a4-8c1e-4a5b-9d3f-7e2c6a0b4d81')],
  },
];

/** A stable UUID derived from a name, so seeded panels keep the same id on every run. */
export function derivedId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const states = new WeakMap<SandboxData, LeverState>();

function seededPanels(data: AtsData): StoredPanel[] {
  return data.interviews.flatMap((interview) => {
    const application = data.applications.find((each) => each.id === interview.applicationId);
    if (!application) return [];
    const panelId = derivedId(`panel:${interview.id}`);
    const date = Date.parse(interview.startAt);
    const template = /technical/i.test(interview.title) ? templateIds.technical : templateIds.screen;
    return [
      {
        id: panelId,
        opportunityId: application.candidateId,
        applications: [application.id],
        canceledAt: null,
        createdAt: date - 7 * 86_400_000,
        timezone: 'Europe/London',
        feedbackReminder: 'frequently',
        user: application.ownerId,
        stage: application.stageId,
        note: '',
        externallyManaged: false,
        externalUrl: null,
        interviews: [
          {
            id: interview.id,
            panel: panelId,
            subject: interview.title,
            note: '',
            interviewers: [{ id: interview.interviewerId, feedbackTemplate: template }],
            date,
            duration: Math.round((Date.parse(interview.endAt) - date) / 60_000),
            location: 'Video call',
            feedbackTemplate: template,
            feedbackForms: [],
            feedbackReminder: 'frequently',
            user: application.ownerId,
            stage: application.stageId,
            createdAt: date - 7 * 86_400_000,
          },
        ],
      },
    ];
  });
}

export function leverState(store: SandboxData): LeverState {
  let state = states.get(store);
  if (!state) {
    state = {
      opportunities: new Map(),
      files: new Map(),
      feedback: new Map(),
      panels: seededPanels(store.lever),
      templates: structuredClone(seededTemplates),
    };
    states.set(store, state);
  }
  return state;
}

const origins: Array<[RegExp, string]> = [
  [/^linkedin$/i, 'sourced'],
  [/^referral$/i, 'referred'],
  [/^agency/i, 'agency'],
];

/** The extras of a seeded opportunity are derived from the store the first time they are needed. */
export function extrasFor(store: SandboxData, candidate: Candidate, application?: Application): OpportunityExtras {
  const state = leverState(store);
  let extras = state.opportunities.get(candidate.id);
  if (!extras) {
    const createdAt = Date.parse(candidate.createdAt);
    const stageId = application?.stageId ?? 'lead-new';
    extras = {
      emails: candidate.email ? [candidate.email] : [],
      phones: candidate.phone ? [{ type: 'mobile', value: candidate.phone }] : [],
      origin: origins.find(([pattern]) => pattern.test(application?.source ?? ''))?.[1] ?? 'applied',
      sources: application?.source ? [application.source] : [],
      tags: [],
      stageId,
      ownerId: application?.ownerId ?? null,
      updatedAt: createdAt,
      stageChanges: [
        { toStageId: stageId, toStageIndex: 0, userId: application?.ownerId ?? null, updatedAt: createdAt },
      ],
    };
    state.opportunities.set(candidate.id, extras);
  }
  return extras;
}
