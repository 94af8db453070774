import type { Application, AtsUser, Candidate, Job, Note, Stage } from '@/lib/core/types';
import type {
  IncludedResource,
  PinpointApplication,
  PinpointComment,
  PinpointJob,
  PinpointStage,
  PinpointUser,
  Relationship,
  ResourceIdentifier,
} from './schemas';
import { normalizeLinkedinUrl, normalizeName } from '@/lib/matching/normalize';

export { normalizeLinkedinUrl, normalizeName };

/** `included` looked up by type and id, as JSON:API resolves relationships. */
export type IncludedIndex = Map<string, IncludedResource>;

type IncludedOf<T extends IncludedResource['type']> = Extract<IncludedResource, { type: T }>;

export function indexIncluded(...lists: IncludedResource[][]): IncludedIndex {
  const index: IncludedIndex = new Map();
  for (const list of lists) for (const resource of list) index.set(`${resource.type}:${resource.id}`, resource);
  return index;
}

function identifiers(relationship: Relationship | undefined): ResourceIdentifier[] {
  const data = relationship?.data;
  if (!data) return [];
  return Array.isArray(data) ? data : [data];
}

export function relatedId(relationship: Relationship | undefined): string | undefined {
  return identifiers(relationship)[0]?.id;
}

function lookup<T extends IncludedResource['type']>(
  index: IncludedIndex,
  type: T,
  id: string | undefined,
): IncludedOf<T> | undefined {
  if (id === undefined) return undefined;
  const resource = index.get(`${type}:${id}`);
  return resource?.type === type ? (resource as IncludedOf<T>) : undefined;
}

function related<T extends IncludedResource['type']>(
  index: IncludedIndex,
  type: T,
  relationship: Relationship | undefined,
): Array<IncludedOf<T>> {
  return identifiers(relationship).flatMap((identifier) => {
    const resource = lookup(index, type, identifier.id);
    return resource ? [resource] : [];
  });
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function tenantOrigin(subdomain: string): string {
  return `https://${subdomain}.pinpointhq.com`;
}

/** The application view in Pinpoint's admin app; its candidate-profile URL is not public (pinpoint-api.md §4). */
export function applicationPageUrl(subdomain: string, jobId: string | undefined, applicationId: string): string {
  return jobId
    ? `${tenantOrigin(subdomain)}/admin/jobs/${jobId}/applications/${applicationId}`
    : `${tenantOrigin(subdomain)}/admin`;
}

export function mapUser(user: PinpointUser): AtsUser {
  const { first_name, last_name, email } = user.attributes;
  const name = [present(first_name), present(last_name)].filter(Boolean).join(' ');
  return { id: user.id, name: name || present(email) || user.id, ...(present(email) ? { email: present(email) } : {}) };
}

export function mapStage(stage: PinpointStage): Stage {
  const position = stage.attributes.position;
  return { id: stage.id, name: stage.attributes.name, ...(typeof position === 'number' ? { position } : {}) };
}

/** The job's pipeline in order; stages without a position keep the server's order, after the numbered ones. */
export function mapJobStages(job: PinpointJob, index: IncludedIndex): Stage[] {
  const stages = related(index, 'stages', job.relationships?.stages).map(mapStage);
  return stages
    .map((stage, order) => ({ stage, order }))
    .sort(
      (left, right) =>
        (left.stage.position ?? Number.MAX_SAFE_INTEGER) - (right.stage.position ?? Number.MAX_SAFE_INTEGER) ||
        left.order - right.order,
    )
    .map(({ stage }) => stage);
}

const jobStatuses = new Set<Job['status']>(['open', 'closed', 'draft', 'archived']);

export function mapJob(job: PinpointJob, index: IncludedIndex, subdomain: string): Job {
  const department = lookup(index, 'departments', relatedId(job.relationships?.department));
  const location = lookup(index, 'locations', relatedId(job.relationships?.location));
  const status = job.attributes.status as Job['status'];
  const locationName = present(location?.attributes.name) ?? present(location?.attributes.city);
  return {
    provider: 'pinpoint',
    id: job.id,
    title: job.attributes.title,
    status: jobStatuses.has(status) ? status : 'other',
    ...(department ? { department: department.attributes.name } : {}),
    ...(locationName ? { location: locationName } : {}),
    url: `${tenantOrigin(subdomain)}/admin/jobs/${job.id}`,
    ...(present(job.attributes.updated_at) ? { updatedAt: present(job.attributes.updated_at) } : {}),
  };
}

function applicationJobId(application: PinpointApplication): string | undefined {
  return relatedId(application.relationships?.job) ?? application.attributes.job_id ?? undefined;
}

function applicationStageId(application: PinpointApplication): string | undefined {
  return relatedId(application.relationships?.stage) ?? application.attributes.stage_id ?? undefined;
}

export function applicationCandidateId(application: PinpointApplication): string | undefined {
  return relatedId(application.relationships?.candidate);
}

/** Pinpoint has no status field: hired/rejected show as timestamps and as the stage's basic type. */
function applicationStatus(application: PinpointApplication, stage: PinpointStage | undefined): Application['status'] {
  const basicType = stage?.attributes.basic_type;
  if (present(application.attributes.hired_at) || basicType === 'hired') return 'hired';
  if (present(application.attributes.rejected_at) || basicType === 'rejected') return 'rejected';
  return 'active';
}

export function mapApplication(application: PinpointApplication, index: IncludedIndex): Application {
  const jobId = applicationJobId(application);
  const job = lookup(index, 'jobs', jobId);
  const stage = lookup(index, 'stages', applicationStageId(application));
  const source = present(application.attributes.channel_source) ?? present(application.attributes.channel);
  return {
    provider: 'pinpoint',
    id: application.id,
    candidateId: applicationCandidateId(application) ?? '',
    ...(jobId ? { jobId } : {}),
    ...(job ? { jobTitle: job.attributes.title } : {}),
    ...(stage ? { stage: mapStage(stage) } : {}),
    status: applicationStatus(application, stage),
    ...(present(application.attributes.created_at) ? { createdAt: present(application.attributes.created_at) } : {}),
    ...(source ? { source } : {}),
  };
}

export function applicationFullName(application: PinpointApplication): string {
  const { full_name, first_name, last_name } = application.attributes;
  return present(full_name) ?? [present(first_name), present(last_name)].filter(Boolean).join(' ');
}

function newestFirst(left: PinpointApplication, right: PinpointApplication): number {
  return (right.attributes.created_at ?? '').localeCompare(left.attributes.created_at ?? '');
}

/**
 * One person from their applications: Pinpoint copies the personal fields onto every application, so the focus
 * application (or else the newest) speaks for the person. The owner is the focus job's recruitment manager.
 */
export function mapCandidate(
  applications: PinpointApplication[],
  index: IncludedIndex,
  subdomain: string,
  focusApplicationId?: string,
): Candidate {
  const ordered = [...applications].sort(newestFirst);
  const main = ordered.find((application) => application.id === focusApplicationId) ?? ordered[0];
  if (!main) throw new Error('mapCandidate needs at least one application');
  const attributes = main.attributes;
  const unique = (values: Array<string | null | undefined>) => [
    ...new Set(values.map(present).filter((value): value is string => value !== undefined)),
  ];
  const job = lookup(index, 'jobs', applicationJobId(main));
  const recruiter = lookup(index, 'users', relatedId(job?.relationships?.recruitment_manager_user));
  const location = [present(attributes.town), present(attributes.country)].filter(Boolean).join(', ');
  return {
    provider: 'pinpoint',
    id: applicationCandidateId(main) ?? '',
    name: applicationFullName(main) || present(attributes.email) || 'Unnamed candidate',
    emails: unique(ordered.map((application) => application.attributes.email)),
    phones: unique(ordered.map((application) => application.attributes.phone)),
    ...(present(attributes.linkedin_url) ? { linkedinUrl: present(attributes.linkedin_url) } : {}),
    ...(location ? { location } : {}),
    ...(recruiter ? { owner: mapUser(recruiter) } : {}),
    url: applicationPageUrl(subdomain, applicationJobId(main), main.id),
    applicationIds: ordered.map((application) => application.id),
  };
}

/** Comments made through the API belong to the company's system user, so `user` may be empty (POST comments docs). */
export function mapComment(comment: PinpointComment, index: IncludedIndex, candidateId: string): Note {
  const userId = relatedId(comment.relationships?.user) ?? comment.attributes.user_id ?? undefined;
  const user = lookup(index, 'users', userId);
  const applicationId =
    comment.attributes.commentable_type === 'Application' && comment.attributes.commentable_id
      ? comment.attributes.commentable_id
      : undefined;
  return {
    provider: 'pinpoint',
    id: comment.id,
    candidateId,
    ...(applicationId ? { applicationId } : {}),
    text: comment.attributes.body_text,
    ...(user ? { author: mapUser(user).name } : {}),
    createdAt: comment.attributes.created_at,
  };
}
