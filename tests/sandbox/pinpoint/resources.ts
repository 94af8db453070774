import type { Application, AtsData, Candidate, Job, SandboxData } from '../store.ts';
import { pinpointState, type PinpointState } from './state.ts';

/**
 * Pinpoint's JSON:API resources drawn from the neutral store (pinpoint-api.md §2–3), with Graphiti's habits: a
 * relationship that was not included is `{meta: {included: false}}`, foreign keys in attributes are integers, times
 * are `+00:00`, and departments and locations exist only as names on jobs in the store, so they get stable ids here.
 */
export interface Ref {
  type: string;
  id: string;
}

export interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, { data: Ref | Ref[] | null } | { meta: { included: false } }>;
}

interface Described {
  attributes: Record<string, unknown>;
  relationships: Record<string, Ref | Ref[] | null>;
}

/** Which relationship leads to which type: what `include` may name, per resource type. */
export const relationshipTypes: Record<string, Record<string, string>> = {
  users: {},
  departments: {},
  locations: {},
  stages: {},
  jobs: {
    department: 'departments',
    location: 'locations',
    stages: 'stages',
    hiring_manager_user: 'users',
    recruitment_manager_user: 'users',
  },
  candidates: { applications: 'applications' },
  applications: { job: 'jobs', stage: 'stages', candidate: 'candidates', comments: 'comments' },
  comments: { user: 'users', commentable: 'applications' },
};

export function pinpointTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, '+00:00').replace(/Z$/, '+00:00');
}

function uniqueNames(values: string[]): string[] {
  return [...new Set(values)];
}

export function departments(data: AtsData): Array<{ id: string; name: string }> {
  return uniqueNames(data.jobs.map((job) => job.department)).map((name, index) => ({ id: String(6101 + index), name }));
}

export function locations(data: AtsData): Array<{ id: string; name: string }> {
  return uniqueNames(data.jobs.map((job) => job.location)).map((name, index) => ({ id: String(6201 + index), name }));
}

/** The store has no per-job recruiter: the owner of the job's first application plays that part. */
export function recruitmentManagerId(data: AtsData, job: Job): string | undefined {
  return data.applications.find((application) => application.jobId === job.id)?.ownerId || undefined;
}

export function jobVisibility(state: PinpointState, job: Job): string {
  return state.confidentialJobIds.has(job.id) ? 'confidential' : 'external';
}

export function candidateNames(state: PinpointState, candidate: Candidate): { firstName: string; lastName: string } {
  const known = state.names.get(candidate.id);
  if (known) return known;
  const [firstName = '', ...rest] = candidate.name.split(' ');
  return { firstName, lastName: rest.join(' ') };
}

function splitLocation(location: string): { town: string | null; country: string | null } {
  const separator = location.indexOf(', ');
  if (!location) return { town: null, country: null };
  if (separator === -1) return { town: location, country: null };
  return { town: location.slice(0, separator), country: location.slice(separator + 2) };
}

function channel(source: string): string {
  if (source === 'LinkedIn') return 'social';
  if (source === 'Referral') return 'employee_referral';
  if (source === 'Company website') return 'direct';
  if (source.startsWith('Agency')) return 'recruiter';
  return 'manual';
}

/** Every comment with the application it is on. */
export function allComments(data: AtsData, state: PinpointState) {
  return data.candidates.flatMap((candidate) => {
    const firstApplication = data.applications.find((application) => application.candidateId === candidate.id);
    return candidate.notes.map((note) => ({
      note,
      candidate,
      applicationId: state.commentApplications.get(note.id) ?? firstApplication?.id,
    }));
  });
}

function ref(type: string, id: string | undefined): Ref | null {
  return id ? { type, id } : null;
}

function describeApplication(data: AtsData, state: PinpointState, application: Application): Described {
  const candidate = data.candidates.find((each) => each.id === application.candidateId);
  const names = candidate ? candidateNames(state, candidate) : { firstName: '', lastName: '' };
  const { town, country } = splitLocation(candidate?.location ?? '');
  const created = pinpointTime(application.createdAt);
  return {
    attributes: {
      first_name: names.firstName,
      last_name: names.lastName,
      full_name: candidate?.name ?? '',
      email: candidate?.email ?? null,
      phone: candidate?.phone || null,
      phone_iso2: null,
      linkedin_url: candidate?.linkedInUrl ?? null,
      summary: null,
      address1: null,
      address2: null,
      town,
      country,
      postcode: null,
      job_id: Number(application.jobId),
      stage_id: Number(application.stageId),
      created_at: created,
      updated_at: created,
      hired_at: application.status === 'hired' ? created : null,
      // The store's archived application is a rejection in Pinpoint's vocabulary.
      rejected_at: application.status === 'archived' ? created : null,
      internal_candidate: false,
      is_demo: false,
      concealed: false,
      channel: channel(application.source),
      channel_source: application.source,
    },
    relationships: {
      job: ref('jobs', application.jobId),
      stage: ref('stages', application.stageId),
      candidate: ref('candidates', application.candidateId),
      comments: allComments(data, state)
        .filter((comment) => comment.applicationId === application.id)
        .map((comment) => ({ type: 'comments', id: comment.note.id })),
    },
  };
}

function describeJob(data: AtsData, state: PinpointState, job: Job, subdomain: string): Described {
  const origin = `https://${subdomain}.pinpointhq.com`;
  const remote = job.location.startsWith('Remote');
  return {
    attributes: {
      title: job.title,
      status: job.status,
      visibility: jobVisibility(state, job),
      employment_type: 'permanent',
      employment_type_text: 'Permanent',
      workplace_type: remote ? 'remote' : 'onsite',
      workplace_type_text: remote ? 'Remote' : 'On-site',
      remote,
      opened_at: pinpointTime(job.createdAt),
      created_at: pinpointTime(job.createdAt),
      updated_at: pinpointTime(job.createdAt),
      url: `${origin}/en/jobs/${job.id}`,
      path: `/en/jobs/${job.id}`,
      application_form_url: `${origin}/en/jobs/${job.id}/applications/new`,
    },
    relationships: {
      department: ref('departments', departments(data).find((each) => each.name === job.department)?.id),
      location: ref('locations', locations(data).find((each) => each.name === job.location)?.id),
      // One pipeline for every job in the store, so every job lists every stage.
      stages: data.stages.map((stage) => ({ type: 'stages', id: stage.id })),
      hiring_manager_user: ref('users', job.hiringManagerId),
      recruitment_manager_user: ref('users', recruitmentManagerId(data, job)),
    },
  };
}

export function describe(data: SandboxData, target: Ref, subdomain: string): Described | undefined {
  const ats = data.pinpoint;
  const state = pinpointState(data);
  switch (target.type) {
    case 'users': {
      const user = ats.users.find((each) => each.id === target.id);
      if (!user) return undefined;
      return {
        attributes: {
          email: user.email,
          first_name: user.firstName,
          last_name: user.lastName,
          time_zone: 'Europe/London',
          created_at: pinpointTime(user.createdAt),
          updated_at: pinpointTime(user.createdAt),
        },
        relationships: {},
      };
    }
    case 'departments': {
      const department = departments(ats).find((each) => each.id === target.id);
      return department && { attributes: { name: department.name }, relationships: {} };
    }
    case 'locations': {
      const location = locations(ats).find((each) => each.id === target.id);
      return location && { attributes: { name: location.name }, relationships: {} };
    }
    case 'stages': {
      const position = ats.stages.findIndex((each) => each.id === target.id);
      const stage = ats.stages[position];
      if (!stage) return undefined;
      return {
        attributes: {
          name: stage.title,
          external_name: stage.title,
          description: null,
          visible: true,
          position: position + 1,
          basic_type: stage.type,
        },
        relationships: {},
      };
    }
    case 'jobs': {
      const job = ats.jobs.find((each) => each.id === target.id);
      return job && describeJob(ats, state, job, subdomain);
    }
    case 'candidates': {
      const candidate = ats.candidates.find((each) => each.id === target.id);
      if (!candidate) return undefined;
      const names = candidateNames(state, candidate);
      const { town, country } = splitLocation(candidate.location);
      return {
        attributes: {
          first_name: names.firstName,
          last_name: names.lastName,
          full_name: candidate.name,
          email: candidate.email,
          phone: candidate.phone || null,
          linkedin_url: candidate.linkedInUrl ?? null,
          town,
          country,
          created_at: pinpointTime(candidate.createdAt),
          updated_at: pinpointTime(candidate.createdAt),
        },
        relationships: {
          applications: ats.applications
            .filter((application) => application.candidateId === candidate.id)
            .map((application) => ({ type: 'applications', id: application.id })),
        },
      };
    }
    case 'applications': {
      const application = ats.applications.find((each) => each.id === target.id);
      return application && describeApplication(ats, state, application);
    }
    case 'comments': {
      const comment = allComments(ats, state).find((each) => each.note.id === target.id);
      if (!comment) return undefined;
      const author = ats.users.find((user) => user.id === comment.note.authorId);
      return {
        attributes: {
          body_text: comment.note.body,
          commentable_id: comment.applicationId ? Number(comment.applicationId) : null,
          commentable_type: 'Application',
          private_comment: false,
          // Comments made through the API belong to the company's system user, which is not a listed user.
          user_id: author ? Number(author.id) : null,
          created_at: pinpointTime(comment.note.createdAt),
          updated_at: pinpointTime(comment.note.createdAt),
        },
        relationships: {
          user: ref('users', author?.id),
          commentable: ref('applications', comment.applicationId),
        },
      };
    }
    default:
      return undefined;
  }
}

/** `include=job,job.stages` as a tree: `{job: {stages: {}}}`. */
export interface IncludeTree {
  [name: string]: IncludeTree;
}

/** Parses `include` and checks every name against the type it hangs off; returns the bad path on failure. */
export function parseInclude(type: string, value: string | null): IncludeTree | { invalid: string } {
  const tree: IncludeTree = {};
  if (!value) return tree;
  for (const path of value.split(',').map((each) => each.trim())) {
    let node = tree;
    let nodeType = type;
    for (const name of path.split('.')) {
      const nextType = relationshipTypes[nodeType]?.[name];
      if (!nextType) return { invalid: path };
      node[name] ??= {};
      node = node[name];
      nodeType = nextType;
    }
  }
  return tree;
}

/** Every type an include tree reaches, for permission checks. */
export function includedTypes(type: string, tree: IncludeTree): Set<string> {
  const types = new Set<string>();
  for (const [name, subtree] of Object.entries(tree)) {
    const nextType = relationshipTypes[type]?.[name];
    if (!nextType) continue;
    types.add(nextType);
    for (const nested of includedTypes(nextType, subtree)) types.add(nested);
  }
  return types;
}

/** Renders resources with their includes, merging a resource reached along several include paths. */
export class Renderer {
  readonly included = new Map<string, Resource>();

  constructor(
    private readonly data: SandboxData,
    private readonly subdomain: string,
  ) {}

  render(target: Ref, tree: IncludeTree): Resource | undefined {
    const described = describe(this.data, target, this.subdomain);
    if (!described) return undefined;
    const relationships: Resource['relationships'] = {};
    for (const [name, value] of Object.entries(described.relationships)) {
      const subtree = tree[name];
      if (!subtree) {
        relationships[name] = { meta: { included: false } };
        continue;
      }
      relationships[name] = { data: value };
      for (const each of value === null ? [] : Array.isArray(value) ? value : [value]) this.include(each, subtree);
    }
    return { id: target.id, type: target.type, attributes: described.attributes, relationships };
  }

  private include(target: Ref, tree: IncludeTree): void {
    const rendered = this.render(target, tree);
    if (!rendered) return;
    const key = `${target.type}:${target.id}`;
    const existing = this.included.get(key);
    if (!existing) {
      this.included.set(key, rendered);
      return;
    }
    for (const [name, relationship] of Object.entries(rendered.relationships)) {
      if ('data' in relationship) existing.relationships[name] = relationship;
    }
  }

  /** `included` must not repeat primary data (JSON:API). */
  includedExcept(primary: Ref[]): Resource[] {
    const primaryKeys = new Set(primary.map((each) => `${each.type}:${each.id}`));
    return [...this.included.entries()].filter(([key]) => !primaryKeys.has(key)).map(([, resource]) => resource);
  }
}
