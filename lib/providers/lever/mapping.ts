import type {
  Application,
  AtsUser,
  Candidate,
  FeedbackFieldDefinition,
  FeedbackFieldType,
  FeedbackFormDefinition,
  Job,
  Note,
  Stage,
} from '@/lib/core/types';
import type {
  LeverApplication,
  LeverFeedbackField,
  LeverFeedbackTemplate,
  LeverNote,
  LeverOpportunity,
  LeverPosting,
  LeverStage,
  LeverUser,
} from './schemas';
import { normalizeLinkedinUrl } from '@/lib/matching/normalize';

export { normalizeLinkedinUrl };

export const leverAppOrigin = 'https://hire.lever.co';

const toIso = (milliseconds: number | null | undefined): string | undefined =>
  typeof milliseconds === 'number' ? new Date(milliseconds).toISOString() : undefined;

export function mapUser(user: LeverUser): AtsUser {
  return {
    id: user.id,
    name: user.name,
    ...(user.email ? { email: user.email } : {}),
    ...(user.accessRole ? { role: user.accessRole } : {}),
  };
}

export function mapStage(stage: LeverStage, position?: number): Stage {
  return { id: stage.id, name: stage.text, ...(position !== undefined ? { position } : {}) };
}

const postingStatuses: Record<string, Job['status']> = {
  published: 'open',
  // "Unlisted" in the app: not on any job site, but candidates can still be added to it.
  internal: 'open',
  closed: 'closed',
  draft: 'draft',
  pending: 'draft',
};

export function mapPosting(posting: LeverPosting): Job {
  const categories = posting.categories;
  const department = categories?.department || categories?.team;
  const updatedAt = toIso(posting.updatedAt);
  return {
    provider: 'lever',
    id: posting.id,
    title: posting.text,
    status: postingStatuses[posting.state] ?? 'other',
    ...(department ? { department } : {}),
    ...(categories?.location ? { location: categories.location } : {}),
    ...(posting.urls?.show ? { url: posting.urls.show } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

function isLinkedinProfile(link: string): boolean {
  const normalized = normalizeLinkedinUrl(link);
  return normalized !== undefined && /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\//.test(normalized);
}

function locationText(location: LeverOpportunity['location']): string | undefined {
  if (!location) return undefined;
  return typeof location === 'string' ? location : location.name;
}

export function opportunityUrl(opportunity: Pick<LeverOpportunity, 'id' | 'urls'>): string {
  return opportunity.urls?.show ?? `${leverAppOrigin}/candidates/${opportunity.id}`;
}

/** Sidecar's candidate is Lever's opportunity: its id is what `hire.lever.co/candidates/<id>` carries. */
export function mapOpportunity(opportunity: LeverOpportunity): Candidate {
  const linkedinUrl = opportunity.links.find(isLinkedinProfile);
  const location = locationText(opportunity.location);
  const company = opportunity.applications.find(
    (application): application is LeverApplication => typeof application !== 'string' && !!application.company,
  )?.company;
  return {
    provider: 'lever',
    id: opportunity.id,
    name: opportunity.name,
    emails: opportunity.emails,
    phones: opportunity.phones.map((phone) => phone.value),
    ...(linkedinUrl ? { linkedinUrl } : {}),
    ...(location ? { location } : {}),
    ...(opportunity.headline ? { headline: opportunity.headline } : {}),
    ...(company ? { company } : {}),
    ...(opportunity.owner && typeof opportunity.owner !== 'string' ? { owner: mapUser(opportunity.owner) } : {}),
    url: opportunityUrl(opportunity),
    applicationIds: opportunity.applications.map((application) =>
      typeof application === 'string' ? application : application.id,
    ),
  };
}

export function postingIdOf(application: LeverApplication): string | undefined {
  const posting = application.posting;
  if (!posting) return undefined;
  return typeof posting === 'string' ? posting : posting.id;
}

/**
 * An opportunity has at most one application; stage, archive state and sources live on the opportunity, so they are
 * read from there. `archiveType` is the archive reason's type (`hired` / `non-hired`) when it could be looked up.
 */
export function mapApplication(
  opportunity: LeverOpportunity,
  application: LeverApplication,
  extras: { jobTitle?: string; stage?: Stage; archiveType?: string },
): Application {
  const archived = Boolean(opportunity.archived?.reason ?? opportunity.archived?.archivedAt);
  const status: Application['status'] = !archived
    ? 'active'
    : extras.archiveType === 'hired'
      ? 'hired'
      : extras.archiveType === 'non-hired'
        ? 'rejected'
        : 'archived';
  const jobId = postingIdOf(application);
  const jobTitle = extras.jobTitle ?? (typeof application.posting === 'object' ? application.posting?.text : undefined);
  const createdAt = toIso(application.createdAt);
  const source = opportunity.sources[0];
  return {
    provider: 'lever',
    id: application.id,
    candidateId: opportunity.id,
    ...(jobId ? { jobId } : {}),
    ...(jobTitle ? { jobTitle } : {}),
    ...(extras.stage ? { stage: extras.stage } : {}),
    status,
    ...(createdAt ? { createdAt } : {}),
    ...(source ? { source } : {}),
  };
}

/** One note thread becomes one note: its comments joined, oldest first, as Lever shows them. */
export function mapNote(note: LeverNote, candidateId: string): Note {
  const text = note.fields
    .filter((field) => field.type === undefined || field.type === 'note')
    .map((field) => field.value ?? '')
    .filter((value) => value.length > 0)
    .join('\n\n');
  const author = note.user && typeof note.user !== 'string' ? note.user.name : undefined;
  const createdAt = toIso(note.createdAt ?? note.fields[0]?.createdAt) ?? new Date(0).toISOString();
  return {
    provider: 'lever',
    id: note.id,
    candidateId,
    text,
    ...(author ? { author } : {}),
    createdAt,
  };
}

/** The 1-4 thumbs scale of `score` fields and note scores (Lever docs, Notes and Form Fields). */
export const thumbsScale = [
  { value: '1', label: '1 - Strong no' },
  { value: '2', label: '2 - No' },
  { value: '3', label: '3 - Yes' },
  { value: '4', label: '4 - Strong yes' },
];

const fieldTypes: Record<string, FeedbackFieldType> = {
  text: 'text',
  textarea: 'long-text',
  code: 'long-text',
  dropdown: 'single-select',
  'multiple-choice': 'single-select',
  'multiple-select': 'multi-select',
  // The overall rating: its value is one option's text, e.g. "3 - Hire".
  'score-system': 'score',
  score: 'score',
  'yes-no': 'yes-no',
  date: 'date',
  currency: 'number',
};

export function mapFeedbackField(field: LeverFeedbackField): FeedbackFieldDefinition {
  const options =
    field.type === 'score'
      ? thumbsScale
      : (field.options ?? []).map((option) => ({ value: option.text, label: option.text }));
  // Scorecard fields usually have an empty label; their skills are what the interviewer sees.
  const scorecardLabel = field.scores?.map((score) => score.text).join(', ');
  const label = field.text || (field.type === 'scorecard' && scorecardLabel ? scorecardLabel : field.type);
  return {
    id: field.id,
    label,
    ...(field.description ? { description: field.description } : {}),
    type: fieldTypes[field.type] ?? 'other',
    required: field.required === true,
    options,
    ...(field.type === 'scorecard' && field.scores?.length ? { parts: field.scores.map((score) => score.text) } : {}),
  };
}

export function mapFeedbackTemplate(template: LeverFeedbackTemplate): FeedbackFormDefinition {
  return { provider: 'lever', id: template.id, title: template.text, fields: template.fields.map(mapFeedbackField) };
}
