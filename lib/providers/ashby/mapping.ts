import type {
  Application,
  AtsUser,
  Candidate,
  FeedbackFieldDefinition,
  FeedbackFieldType,
  FeedbackFieldValue,
  FeedbackFormDefinition,
  Job,
  Note,
  Stage,
} from '@/lib/core/types';
import type {
  AshbyApplication,
  AshbyCandidate,
  AshbyFeedbackFormDefinition,
  AshbyFormField,
  AshbyInterviewStage,
  AshbyJob,
  AshbyNote,
  AshbyUser,
} from './schemas';
import { normalizeLinkedinUrl } from '@/lib/matching/normalize';

export { normalizeLinkedinUrl };

export const ashbyAppOrigin = 'https://app.ashbyhq.com';

function personName(first: string | null | undefined, last: string | null | undefined): string {
  return [first, last].filter((part) => part && part.trim()).join(' ');
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== undefined && each !== null)) as T;
}

export function mapUser(user: AshbyUser): AtsUser {
  return defined({
    id: user.id,
    name: personName(user.firstName, user.lastName) || (user.email ?? user.id),
    email: user.email ?? undefined,
    role: user.globalRole ?? undefined,
  });
}

/** `https://app.ashbyhq.com/candidates/<id>` (ashby-api.md §9): the only candidate page shape Sidecar recognises. */
export function candidatePageUrl(candidateId: string): string {
  return `${ashbyAppOrigin}/candidates/${encodeURIComponent(candidateId)}`;
}

function isLinkedinUrl(url: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function linkedinUrlOf(candidate: AshbyCandidate): string | undefined {
  return (
    candidate.socialLinks.find((link) => link.type === 'LinkedIn')?.url ??
    candidate.socialLinks.find((link) => isLinkedinUrl(link.url))?.url
  );
}

function uniqueValues(primary: { value: string } | null | undefined, all: Array<{ value: string }>): string[] {
  const values = [primary?.value, ...all.map((each) => each.value)].filter((value): value is string => !!value);
  return [...new Set(values)];
}

/** The recruiter on the application's hiring team: Ashby's nearest thing to an owner when no one is credited. */
function recruiterOf(applications: AshbyApplication[]): AtsUser | undefined {
  for (const application of applications) {
    const member = application.hiringTeam?.find((each) => each.role === 'Recruiter');
    if (member) {
      return defined({
        id: member.userId,
        name: personName(member.firstName, member.lastName) || (member.email ?? member.userId),
        email: member.email ?? undefined,
        role: member.role,
      });
    }
  }
  return undefined;
}

/**
 * `owner` is the user the candidate is credited to, else the recruiter of the first application that has one.
 * `headline` is Ashby's `position` (current title), kept apart from `company`.
 */
export function mapCandidate(candidate: AshbyCandidate, applications: AshbyApplication[] = []): Candidate {
  return defined({
    provider: 'ashby' as const,
    id: candidate.id,
    name: candidate.name,
    emails: uniqueValues(candidate.primaryEmailAddress, candidate.emailAddresses),
    phones: uniqueValues(candidate.primaryPhoneNumber, candidate.phoneNumbers),
    linkedinUrl: linkedinUrlOf(candidate),
    location: candidate.location?.locationSummary || undefined,
    headline: candidate.position || undefined,
    company: candidate.company || undefined,
    owner: candidate.creditedToUser ? mapUser(candidate.creditedToUser) : recruiterOf(applications),
    url: candidatePageUrl(candidate.id),
    applicationIds: candidate.applicationIds,
  });
}

export function mapStage(stage: AshbyInterviewStage): Stage {
  return defined({ id: stage.id, name: stage.title, position: stage.orderInInterviewPlan ?? undefined });
}

const applicationStatuses: Record<string, Application['status']> = {
  Active: 'active',
  Archived: 'archived',
  Hired: 'hired',
};

export function mapApplication(application: AshbyApplication): Application {
  return defined({
    provider: 'ashby' as const,
    id: application.id,
    candidateId: application.candidate.id,
    jobId: application.job?.id,
    jobTitle: application.job?.title,
    stage: application.currentInterviewStage ? mapStage(application.currentInterviewStage) : undefined,
    // `Lead` (sourced, not yet in the pipeline) has no core equivalent.
    status: applicationStatuses[application.status] ?? 'other',
    createdAt: application.createdAt ?? undefined,
    source: application.source?.title,
  });
}

const jobStatuses: Record<string, Job['status']> = {
  Open: 'open',
  Closed: 'closed',
  Draft: 'draft',
  Archived: 'archived',
};

/** The job's pipeline page (third-party evidence, ashby-api.md §9): the closest thing Ashby has to a job page. */
export function mapJob(job: AshbyJob, departments: Map<string, string>, locations: Map<string, string>): Job {
  return defined({
    provider: 'ashby' as const,
    id: job.id,
    title: job.title,
    status: jobStatuses[job.status] ?? 'other',
    department: job.departmentId ? departments.get(job.departmentId) : undefined,
    location: job.locationId ? locations.get(job.locationId) : undefined,
    url: `${ashbyAppOrigin}/jobs/${encodeURIComponent(job.id)}/candidate-pipeline/active`,
    updatedAt: job.updatedAt ?? job.createdAt ?? undefined,
  });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Ashby note content is an HTML subset; the core Note carries plain text with line breaks kept. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|ul|ol|pre|h[1-6])>/gi, '\n')
    .replace(/<(ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[a-z/!][^>]*>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function mapNote(note: AshbyNote, candidateId: string): Note {
  const author = note.author ? personName(note.author.firstName, note.author.lastName) : '';
  return defined({
    provider: 'ashby' as const,
    id: note.id,
    candidateId,
    text: htmlToText(note.content),
    author: author || undefined,
    createdAt: note.createdAt,
  });
}

const fieldTypes: Record<string, FeedbackFieldType> = {
  String: 'text',
  Email: 'text',
  Phone: 'text',
  Url: 'text',
  LongText: 'long-text',
  RichText: 'rich-text',
  Score: 'score',
  Boolean: 'yes-no',
  ValueSelect: 'single-select',
  MultiValueSelect: 'multi-select',
  Date: 'date',
  Number: 'number',
};

/** Ashby's scores are 1–4 (ashby-api.md §7); the options let the UI show the scale. */
const scoreOptions = [1, 2, 3, 4].map((score) => ({ value: String(score), label: String(score) }));

/** The field id is Ashby's `path`: the key `applicationFeedback.submit` expects back. */
export function mapFormField(entry: AshbyFormField): FeedbackFieldDefinition {
  const type = fieldTypes[entry.field.type] ?? 'other';
  return defined({
    id: entry.field.path,
    label: entry.field.title || entry.field.humanReadablePath || entry.field.path,
    description: entry.descriptionPlain || undefined,
    type,
    required: entry.isRequired ?? false,
    options:
      type === 'score'
        ? scoreOptions
        : (entry.field.selectableValues ?? []).map((option) => ({ value: option.value, label: option.label })),
  });
}

export function mapFeedbackForm(definition: AshbyFeedbackFormDefinition): FeedbackFormDefinition {
  return {
    provider: 'ashby',
    id: definition.id,
    title: definition.title,
    fields: definition.formDefinition.sections.flatMap((section) => section.fields.map(mapFormField)),
  };
}

export type FeedbackValue = FeedbackFieldValue;

/** Why a value cannot be sent for a field; the client turns it into an invalid-input error. */
export class FeedbackValueError extends Error {}

function asText(value: FeedbackValue): string {
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/** Turns a core feedback value into the shape Ashby wants for the field's type (ashby-api.md §7, submit). */
export function toFieldSubmissionValue(field: AshbyFormField['field'], value: FeedbackValue): unknown {
  const label = field.title || field.path;
  if (Array.isArray(value) && value.some((entry) => typeof entry !== 'string')) {
    throw new FeedbackValueError(`${label} takes no scorecard entries.`);
  }
  switch (field.type) {
    case 'Score': {
      const score = typeof value === 'number' ? value : Number(asText(value));
      if (!Number.isInteger(score)) throw new FeedbackValueError(`${label} needs a whole-number score from 1 to 4.`);
      return { score };
    }
    case 'Boolean': {
      if (typeof value === 'boolean') return value;
      const text = asText(value).trim().toLowerCase();
      if (text === 'true' || text === 'yes') return true;
      if (text === 'false' || text === 'no') return false;
      throw new FeedbackValueError(`${label} needs yes or no.`);
    }
    case 'RichText':
      // Ashby takes rich-text answers as plain text only.
      return { type: 'PlainText', value: asText(value) };
    case 'MultiValueSelect':
      return Array.isArray(value) ? value : [asText(value)];
    case 'Number': {
      const number = typeof value === 'number' ? value : Number(asText(value));
      if (!Number.isFinite(number)) throw new FeedbackValueError(`${label} needs a number.`);
      return number;
    }
    default:
      return asText(value);
  }
}
