import { randomUUID } from 'node:crypto';
import { jsonResponse, readBasicUsername, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { sandboxCredentials, sandboxLimitedCredentials } from '../seed.ts';
import {
  fullName,
  type Application,
  type AtsData,
  type Candidate,
  type Job,
  type SandboxData,
  type User,
} from '../store.ts';
import { multipartBoundary, parseMultipart } from './multipart.ts';
import {
  archiveReasons,
  extrasFor,
  leadStages,
  leverState,
  type FeedbackTemplate,
  type LeverState,
  type OpportunityExtras,
  type StoredFeedback,
  type StoredFile,
  type StoredInterview,
  type StoredPanel,
  type TemplateField,
} from './state.ts';

/**
 * The Lever Data API v1 (shared/reference/lever-api.md) for the endpoints Sidecar calls, as strict as the real one:
 * HTTP Basic with the key as username, `{data}` / `{data, hasNext, next}` envelopes with opaque offset tokens,
 * `{code, message}` errors, `perform_as` required where Lever requires it.
 *
 * The read-only key (`sandboxLimitedCredentials.lever`) authenticates but gets 403 on every write and on the feedback
 * templates (GET /feedback_templates[/:id]), standing for a key created without "Find all feedback templates".
 *
 * Error `code` strings other than ResourceNotFound are UNCONFIRMED (Lever documents them as free text).
 */

// Real responses carry these (lever-api.md §1), handy when a test wants to tell the sandbox's answers apart.
const leverHeaders = { server: 'lever-data-api', 'x-lever-region': 'global' };

/** Lever's error body (lever-api.md §2) is a bare `{code, message}`. */
export function leverError(status: number, code: string, message: string): SandboxResponse {
  return jsonResponse(status, { code, message }, leverHeaders);
}

const ok = (body: unknown, status = 200) => jsonResponse(status, body, leverHeaders);
const badRequest = (message: string) => leverError(400, 'BadRequest', message);
const notFound = (resource: string, id: string) =>
  leverError(404, 'ResourceNotFound', `${resource} ${id} was not found`);
const forbidden = () =>
  leverError(
    403,
    'Forbidden',
    "Your Lever account settings don't authorize you to perform the requested operation. Talk to a Super Admin.",
  );

/** Thrown inside a handler to answer with an error without threading it through every return. */
class Reply extends Error {
  constructor(readonly response: SandboxResponse) {
    super('reply');
  }
}
const reject = (response: SandboxResponse): never => {
  throw new Reply(response);
};

interface Context {
  request: SandboxRequest;
  store: SandboxData;
  lever: AtsData;
  state: LeverState;
  query: URLSearchParams;
  params: string[];
}

type Handler = (context: Context) => SandboxResponse;

// ---------------------------------------------------------------------------------------------------------------
// Request helpers

type Json = Record<string, unknown>;

function readJson(request: SandboxRequest): Json {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    reject(badRequest('Content-Type must be application/json'));
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return reject(badRequest('Request body is not valid JSON'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return reject(badRequest('Request body must be a JSON object'));
  }
  return body as Json;
}

/** Fields Lever does not know are refused rather than silently dropped, so a typo in the client shows up in tests. */
function onlyFields(body: Json, allowed: string[], where = 'request body'): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) reject(badRequest(`Unknown field "${unknown}" in ${where}`));
}

function userById(context: Context, id: string): User | undefined {
  return context.lever.users.find((user) => user.id === id);
}

function performAs(context: Context, required: boolean): string | undefined {
  const id = context.query.get('perform_as');
  if (!id) return required ? reject(badRequest('Missing required query parameter: perform_as')) : undefined;
  if (!userById(context, id)) return reject(badRequest(`perform_as: user ${id} was not found`));
  return id;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function expectString(body: Json, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return required ? reject(badRequest(`Missing required field: ${field}`)) : undefined;
  }
  if (typeof value !== 'string') return reject(badRequest(`${field} must be a string`));
  return value;
}

function expectStrings(body: Json, field: string): string[] {
  const value = body[field];
  if (value === undefined) return [];
  if (!isStringArray(value)) return reject(badRequest(`${field} must be an array of strings`));
  return value;
}

function expectTimestamp(body: Json, field: string): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return reject(badRequest(`${field} must be a timestamp`));
  }
  return value;
}

function expectPastTimestamp(body: Json, field: string): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return reject(badRequest(`${field} must be a timestamp`));
  if (value > Date.now()) return reject(badRequest(`${field} cannot be in the future`));
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Pagination: tokens look like real ones (URL-encoded JSON) and only tokens the sandbox issued are accepted.

function pageOf(context: Context, items: unknown[], keyOf: (index: number) => [number, string]): SandboxResponse {
  const limitText = context.query.get('limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return badRequest('limit must be an integer between 1 and 100');
  }
  let start = 0;
  const offset = context.query.get('offset');
  if (offset !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decodeURIComponent(offset));
    } catch {
      return badRequest('Invalid offset token');
    }
    const index = Array.isArray(parsed) ? parsed[0] : undefined;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > items.length) {
      return badRequest('Invalid offset token');
    }
    start = index;
  }
  const end = start + limit;
  const data = items.slice(start, end);
  if (end >= items.length) return ok({ data, hasNext: false });
  return ok({ data, hasNext: true, next: encodeURIComponent(JSON.stringify([end, ...keyOf(end)])) });
}

const listKey = (items: Array<{ id: string }>, times: (index: number) => number) => (index: number) =>
  [times(index), items[index]?.id ?? ''] as [number, string];

function rejectPagination(context: Context): void {
  if (context.query.has('limit') || context.query.has('offset')) {
    reject(badRequest('pagination is not supported for this endpoint'));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Payloads

function toLeverUser(user: User) {
  return {
    id: user.id,
    name: fullName(user),
    username: user.email.split('@')[0],
    email: user.email,
    accessRole: user.role,
    photo: null,
    createdAt: Date.parse(user.createdAt),
    deactivatedAt: null,
    externalDirectoryId: null,
    linkedContactIds: [],
    jobTitle: user.jobTitle,
    managerId: null,
  };
}

function allStages(lever: AtsData) {
  return [...leadStages, ...lever.stages];
}

const toLeverStage = (stage: { id: string; title: string }) => ({ id: stage.id, text: stage.title });

/** How seeded open jobs are listed: the three ways an open Lever posting can be published. */
function postingState(lever: AtsData, job: Job): { state: string; distributionChannels: string[] } {
  if (job.status === 'closed') return { state: 'closed', distributionChannels: [] };
  const openIndex = lever.jobs.filter((each) => each.status === 'open').indexOf(job);
  if (openIndex % 3 === 1) return { state: 'published', distributionChannels: ['internal'] };
  if (openIndex % 3 === 2) return { state: 'internal', distributionChannels: [] };
  return { state: 'published', distributionChannels: ['public', 'internal'] };
}

function toLeverPosting(lever: AtsData, job: Job) {
  const createdAt = Date.parse(job.createdAt);
  return {
    id: job.id,
    text: job.title,
    createdAt,
    updatedAt: createdAt,
    user: job.hiringManagerId,
    owner: job.hiringManagerId,
    hiringManager: job.hiringManagerId,
    confidentiality: 'non-confidential',
    categories: {
      team: job.department,
      department: job.department,
      location: job.location,
      commitment: 'Full-time',
      allLocations: [job.location],
    },
    tags: [],
    ...postingState(lever, job),
    country: 'GB',
    followers: [],
    reqCode: null,
    requisitionCodes: [],
    urls: {
      list: 'https://jobs.lever.co/acme',
      show: `https://jobs.lever.co/acme/${job.id}`,
      apply: `https://jobs.lever.co/acme/${job.id}/apply`,
    },
    workplaceType: /remote/i.test(job.location) ? 'remote' : 'onsite',
  };
}

function applicationOf(lever: AtsData, candidate: Candidate): Application | undefined {
  return lever.applications.find((application) => application.candidateId === candidate.id);
}

function archivedOf(application: Application | undefined, extras: OpportunityExtras) {
  if (!application || application.status === 'active') return null;
  const reason = archiveReasons.find((each) => each.type === (application.status === 'hired' ? 'hired' : 'non-hired'));
  return { reason: reason?.id ?? null, archivedAt: extras.updatedAt };
}

function linksOf(candidate: Candidate): string[] {
  return [...(candidate.linkedInUrl ? [candidate.linkedInUrl] : []), ...candidate.links];
}

function toLeverApplication(context: Context, candidate: Candidate, application: Application) {
  const extras = extrasFor(context.store, candidate, application);
  const job = context.lever.jobs.find((each) => each.id === application.jobId);
  return {
    id: application.id,
    opportunityId: candidate.id,
    candidateId: candidate.id,
    createdAt: Date.parse(application.createdAt),
    type: extras.origin === 'referred' ? 'referral' : extras.origin === 'applied' ? 'posting' : 'user',
    posting: application.jobId,
    postingOwner: job?.hiringManagerId ?? null,
    postingHiringManager: job?.hiringManagerId ?? null,
    user: null,
    name: candidate.name,
    email: extras.emails[0] ?? null,
    phone: extras.phones[0] ?? null,
    company: candidate.company || null,
    links: linksOf(candidate),
    comments: null,
    customQuestions: [],
    archived: archivedOf(application, extras),
    requisitionForHire: null,
  };
}

function toLeverOpportunity(context: Context, candidate: Candidate, expand: Set<string> = new Set()) {
  const application = applicationOf(context.lever, candidate);
  const extras = extrasFor(context.store, candidate, application);
  const stageId = application?.stageId ?? extras.stageId;
  const stage = allStages(context.lever).find((each) => each.id === stageId);
  const ownerId = application?.ownerId ?? extras.ownerId;
  const owner = ownerId ? userById(context, ownerId) : undefined;
  const createdAt = Date.parse(candidate.createdAt);
  return {
    id: candidate.id,
    name: candidate.name,
    headline: candidate.headline,
    contact: candidate.contactId,
    emails: extras.emails,
    phones: extras.phones,
    confidentiality: 'non-confidential',
    location: candidate.location,
    links: linksOf(candidate),
    archived: archivedOf(application, extras),
    createdAt,
    updatedAt: extras.updatedAt,
    lastInteractionAt: extras.updatedAt,
    lastAdvancedAt: extras.stageChanges.at(-1)?.updatedAt ?? createdAt,
    snoozedUntil: null,
    stage: expand.has('stage') && stage ? toLeverStage(stage) : stageId,
    stageChanges: extras.stageChanges,
    owner: expand.has('owner') ? (owner ? toLeverUser(owner) : null) : (ownerId ?? null),
    tags: extras.tags,
    sources: extras.sources,
    origin: extras.origin,
    sourcedBy: extras.origin === 'sourced' ? ownerId : null,
    applications: application
      ? [expand.has('applications') ? toLeverApplication(context, candidate, application) : application.id]
      : [],
    followers: ownerId ? [ownerId] : [],
    urls: { list: 'https://hire.lever.co/candidates', show: `https://hire.lever.co/candidates/${candidate.id}` },
    dataProtection: null,
    isAnonymized: false,
    ...(application
      ? { opportunityLocation: context.lever.jobs.find((job) => job.id === application.jobId)?.location }
      : {}),
  };
}

function toLeverNote(context: Context, candidate: Candidate, note: Candidate['notes'][number], expandUser: boolean) {
  const createdAt = Date.parse(note.createdAt);
  const author = note.authorId ? userById(context, note.authorId) : undefined;
  const user = expandUser ? (author ? toLeverUser(author) : null) : note.authorId || null;
  const application = applicationOf(context.lever, candidate);
  return {
    id: note.id,
    text: 'Note',
    fields: [
      {
        type: 'note',
        text: 'Comment',
        value: note.body,
        createdAt,
        user: note.authorId || null,
        score: null,
        stage: application?.stageId ?? null,
      },
    ],
    user,
    secret: false,
    createdAt,
    completedAt: createdAt,
    deletedAt: null,
  };
}

function toLeverInterview(context: Context, panel: StoredPanel, interview: StoredInterview) {
  const candidate = context.lever.candidates.find((each) => each.id === panel.opportunityId);
  const postings = context.lever.applications
    .filter((application) => panel.applications.includes(application.id))
    .map((application) => application.jobId);
  return {
    id: interview.id,
    panel: panel.id,
    subject: interview.subject,
    note: interview.note,
    interviewers: interview.interviewers.map(({ id, feedbackTemplate }) => {
      const user = userById(context, id);
      return { id, email: user?.email ?? null, name: user ? fullName(user) : null, feedbackTemplate };
    }),
    timezone: panel.timezone,
    createdAt: interview.createdAt,
    date: interview.date,
    duration: interview.duration,
    location: interview.location,
    feedbackTemplate: interview.feedbackTemplate,
    feedbackForms: interview.feedbackForms,
    feedbackReminder: interview.feedbackReminder,
    user: interview.user,
    stage: interview.stage,
    canceledAt: null,
    postings,
    opportunityId: candidate?.id ?? panel.opportunityId,
  };
}

function toLeverPanel(panel: StoredPanel) {
  const starts = panel.interviews.map((interview) => interview.date);
  const ends = panel.interviews.map((interview) => interview.date + interview.duration * 60_000);
  return {
    id: panel.id,
    applications: panel.applications,
    canceledAt: panel.canceledAt,
    createdAt: panel.createdAt,
    start: Math.min(...starts),
    end: Math.max(...ends),
    timezone: panel.timezone,
    feedbackReminder: panel.feedbackReminder,
    user: panel.user,
    stage: panel.stage,
    note: panel.note,
    externallyManaged: panel.externallyManaged,
    externalUrl: panel.externalUrl,
    interviews: panel.interviews.map(
      ({ id, date, duration, feedbackReminder, feedbackTemplate, location, note, subject, interviewers }) => ({
        id,
        date,
        duration,
        feedbackReminder,
        feedbackTemplate,
        interviewers: interviewers.map((interviewer) => ({ ...interviewer })),
        location,
        note,
        subject,
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers

function opportunityOf(context: Context): Candidate {
  const id = context.params[0] ?? '';
  return context.lever.candidates.find((candidate) => candidate.id === id) ?? reject(notFound('opportunities', id));
}

const listUsers: Handler = (context) => {
  const email = context.query.get('email')?.toLowerCase();
  const users = context.lever.users.filter((user) => !email || user.email.toLowerCase() === email);
  return pageOf(
    context,
    users.map(toLeverUser),
    listKey(users, (index) => Date.parse(users[index]?.createdAt ?? '')),
  );
};

const listPostings: Handler = (context) => {
  const states = context.query.getAll('state');
  const channels = context.query.getAll('distributionChannel');
  const postings = context.lever.jobs
    .map((job) => toLeverPosting(context.lever, job))
    .filter((posting) => states.length === 0 || states.includes(posting.state))
    .filter((posting) => {
      if (posting.state !== 'published') return true;
      // Lever: a published listing without distributionChannel returns only what the public job site shows.
      const wanted = channels.length > 0 ? channels : states.includes('published') ? ['public'] : [];
      return wanted.length === 0 || posting.distributionChannels.some((channel) => wanted.includes(channel));
    });
  return pageOf(
    context,
    postings,
    listKey(postings, (index) => postings[index]?.createdAt ?? 0),
  );
};

const getPosting: Handler = (context) => {
  const id = context.params[0] ?? '';
  const job = context.lever.jobs.find((each) => each.id === id) ?? reject(notFound('postings', id));
  return ok({ data: toLeverPosting(context.lever, job) });
};

const listStages: Handler = (context) => ok({ data: allStages(context.lever).map(toLeverStage), hasNext: false });

const getStage: Handler = (context) => {
  const id = context.params[0] ?? '';
  const stage = allStages(context.lever).find((each) => each.id === id) ?? reject(notFound('stages', id));
  return ok({ data: toLeverStage(stage) });
};

const listArchiveReasons: Handler = (context) => {
  const type = context.query.get('type');
  return ok({ data: archiveReasons.filter((reason) => !type || reason.type === type), hasNext: false });
};

const getArchiveReason: Handler = (context) => {
  const id = context.params[0] ?? '';
  return ok({ data: archiveReasons.find((reason) => reason.id === id) ?? reject(notFound('archive_reasons', id)) });
};

const listOpportunities: Handler = (context) => {
  const { query, lever } = context;
  const confidentiality = query.get('confidentiality') ?? 'non-confidential';
  if (!['confidential', 'non-confidential', 'all'].includes(confidentiality)) {
    return badRequest('confidentiality must be one of confidential, non-confidential, all');
  }
  const archived = query.get('archived');
  if (archived !== null && archived !== 'true' && archived !== 'false') return badRequest('archived must be a boolean');
  const email = query.get('email')?.trim().toLowerCase();
  const contacts = query.getAll('contact_id');
  const postings = query.getAll('posting_id');
  const stages = query.getAll('stage_id');
  const expand = new Set(query.getAll('expand'));
  // Every seeded opportunity is non-confidential, so asking for confidential ones only finds none.
  const candidates = lever.candidates.filter((candidate) => {
    if (confidentiality === 'confidential') return false;
    const application = applicationOf(lever, candidate);
    const extras = extrasFor(context.store, candidate, application);
    if (email && !extras.emails.some((each) => each.toLowerCase() === email)) return false;
    if (contacts.length > 0 && !contacts.includes(candidate.contactId ?? '')) return false;
    if (postings.length > 0 && !postings.includes(application?.jobId ?? '')) return false;
    if (stages.length > 0 && !stages.includes(application?.stageId ?? extras.stageId)) return false;
    const isArchived = archivedOf(application, extras) !== null;
    return archived === null || String(isArchived) === archived;
  });
  return pageOf(
    context,
    candidates.map((candidate) => toLeverOpportunity(context, candidate, expand)),
    listKey(candidates, (index) => Date.parse(candidates[index]?.createdAt ?? '')),
  );
};

const getOpportunity: Handler = (context) =>
  ok({ data: toLeverOpportunity(context, opportunityOf(context), new Set(context.query.getAll('expand'))) });

const opportunityFields = [
  'name',
  'headline',
  'stage',
  'location',
  'phones',
  'emails',
  'links',
  'tags',
  'sources',
  'origin',
  'owner',
  'followers',
  'postings',
  'createdAt',
  'archived',
  'contact',
  'opportunityLocation',
];
const originValues = ['agency', 'applied', 'internal', 'referred', 'sourced', 'university'];

/** Multipart create (`emails[]`, `archived[reason]`): fields become the JSON shape; files are accepted and dropped. */
function multipartOpportunity(request: SandboxRequest, boundary: string): Json {
  const parts = parseMultipart(request.body, boundary) ?? reject(badRequest('Malformed multipart body'));
  const body: Json = {};
  for (const part of parts) {
    if (part.filename !== undefined) {
      if (part.name !== 'resumeFile' && part.name !== 'files' && part.name !== 'files[]') {
        reject(badRequest(`Unknown file field "${part.name}"`));
      }
      continue;
    }
    const nested = /^(\w+)\[(\w*)\]$/.exec(part.name);
    if (nested?.[1] && nested[2] === '') {
      const list = (body[nested[1]] as unknown[] | undefined) ?? [];
      list.push(nested[1] === 'phones' ? { value: part.content } : part.content);
      body[nested[1]] = list;
    } else if (nested?.[1] && nested[2]) {
      const object = (body[nested[1]] as Json | undefined) ?? {};
      object[nested[2]] = nested[1] === 'archived' && nested[2] === 'archivedAt' ? Number(part.content) : part.content;
      body[nested[1]] = object;
    } else {
      body[part.name] = part.name === 'createdAt' ? Number(part.content) : part.content;
    }
  }
  return body;
}

const createOpportunity: Handler = (context) => {
  const { request, lever, store } = context;
  const creator = performAs(context, true) as string;
  const boundary = multipartBoundary(request.headers['content-type']);
  const body = boundary ? multipartOpportunity(request, boundary) : readJson(request);
  onlyFields(body, opportunityFields);
  const name = expectString(body, 'name');
  const headline = expectString(body, 'headline');
  const location = expectString(body, 'location');
  const emails = expectStrings(body, 'emails');
  const links = expectStrings(body, 'links');
  const tags = expectStrings(body, 'tags');
  const sources = expectStrings(body, 'sources');
  const postings = expectStrings(body, 'postings');
  const phonesValue = body.phones ?? [];
  const phones = Array.isArray(phonesValue)
    ? phonesValue.map((phone: unknown) => {
        const entry = phone as Json;
        if (typeof entry !== 'object' || entry === null || typeof entry.value !== 'string') {
          return reject(badRequest('phones must be an array of {value, type} objects'));
        }
        onlyFields(entry, ['value', 'type'], 'phones');
        return { type: typeof entry.type === 'string' ? entry.type : null, value: entry.value };
      })
    : reject(badRequest('phones must be an array of {value, type} objects'));
  const origin = expectString(body, 'origin') ?? 'sourced';
  if (!originValues.includes(origin)) return badRequest(`origin must be one of ${originValues.join(', ')}`);
  if (postings.length > 1) return badRequest('Only one posting can be specified per request');
  const postingId = postings[0];
  const job = postingId
    ? (lever.jobs.find((each) => each.id === postingId) ?? reject(notFound('postings', postingId)))
    : undefined;
  const stageId = expectString(body, 'stage') ?? 'lead-new';
  if (!allStages(lever).some((stage) => stage.id === stageId)) return notFound('stages', stageId);
  const ownerId = expectString(body, 'owner') ?? creator;
  if (!userById(context, ownerId)) return notFound('users', ownerId);
  const createdAt = expectPastTimestamp(body, 'createdAt') ?? Date.now();
  if (body.archived !== undefined) return badRequest('The sandbox does not create archived opportunities');

  // Dedupe (lever-api.md §3): an explicit contact, else a matching email, links the new opportunity to that person,
  // whose existing data wins over what was sent.
  const contactId = expectString(body, 'contact');
  const existing = contactId
    ? (lever.candidates.find((candidate) => candidate.contactId === contactId) ??
      reject(notFound('contacts', contactId)))
    : lever.candidates.find((candidate) =>
        extrasFor(store, candidate, applicationOf(lever, candidate)).emails.some((each) =>
          emails.some((email) => email.toLowerCase() === each.toLowerCase()),
        ),
      );
  const existingExtras = existing ? extrasFor(store, existing, applicationOf(lever, existing)) : undefined;
  const allLinks = [...new Set([...(existing ? linksOf(existing) : []), ...links])];
  const linkedInUrl = allLinks.find((link) => /linkedin\.com\/in\//i.test(link));
  const mergedEmails = [...new Set([...(existingExtras?.emails ?? []), ...emails])];
  const mergedPhones = [...(existingExtras?.phones ?? []), ...phones].filter(
    (phone, index, all) => all.findIndex((other) => other.value === phone.value) === index,
  );
  const id = randomUUID();
  const candidate: Candidate = {
    id,
    contactId: existing?.contactId ?? randomUUID(),
    name: existing?.name ?? name ?? '',
    email: mergedEmails[0] ?? '',
    phone: mergedPhones[0]?.value ?? '',
    location: existing?.location ?? location ?? '',
    headline: existing?.headline ?? headline ?? '',
    company: existing?.company ?? '',
    ...(linkedInUrl ? { linkedInUrl } : {}),
    links: allLinks.filter((link) => link !== linkedInUrl),
    notes: [],
    createdAt: new Date(createdAt).toISOString(),
  };
  lever.candidates.push(candidate);
  const application: Application | undefined = job
    ? {
        id: randomUUID(),
        candidateId: id,
        jobId: job.id,
        stageId,
        source: sources[0] ?? '',
        status: 'active',
        ownerId,
        createdAt: candidate.createdAt,
      }
    : undefined;
  if (application) lever.applications.push(application);
  context.state.opportunities.set(id, {
    emails: mergedEmails,
    phones: mergedPhones,
    origin,
    sources,
    // Applying to a posting adds the posting's tags (lever-api.md §3).
    tags: [...new Set([...tags, ...(job ? [job.title, job.department, job.location, 'Full-time'] : [])])],
    stageId,
    ownerId,
    updatedAt: createdAt,
    stageChanges: [{ toStageId: stageId, toStageIndex: 0, userId: creator, updatedAt: createdAt }],
  });
  return ok({ deduped: existing !== undefined, data: toLeverOpportunity(context, candidate) }, 201);
};

const updateStage: Handler = (context) => {
  const candidate = opportunityOf(context);
  const actor = performAs(context, false) ?? null;
  const body = readJson(context.request);
  onlyFields(body, ['stage']);
  const stageId = expectString(body, 'stage', true) as string;
  const stages = allStages(context.lever);
  const index = stages.findIndex((stage) => stage.id === stageId);
  if (index === -1) return notFound('stages', stageId);
  const application = applicationOf(context.lever, candidate);
  const extras = extrasFor(context.store, candidate, application);
  if (application) application.stageId = stageId;
  const now = Date.now();
  extras.stageId = stageId;
  extras.updatedAt = now;
  extras.stageChanges.push({ toStageId: stageId, toStageIndex: index, userId: actor, updatedAt: now });
  return ok({ data: toLeverOpportunity(context, candidate) });
};

const listNotes: Handler = (context) => {
  const candidate = opportunityOf(context);
  const expandUser = context.query.getAll('expand').includes('user');
  const notes = candidate.notes.map((note) => toLeverNote(context, candidate, note, expandUser));
  return pageOf(
    context,
    notes,
    listKey(notes, (index) => notes[index]?.createdAt ?? 0),
  );
};

const createNote: Handler = (context) => {
  const candidate = opportunityOf(context);
  // Optional on notes: without it the note has no author (lever-api.md §4).
  const author = performAs(context, false);
  if (context.query.has('note_id')) return badRequest('The sandbox does not implement note_id (threaded comments)');
  const body = readJson(context.request);
  onlyFields(body, ['value', 'secret', 'score', 'notifyFollowers', 'createdAt']);
  const value = expectString(body, 'value', true) as string;
  if (value.trim().length === 0) return badRequest('value cannot be empty');
  if (body.secret !== undefined && typeof body.secret !== 'boolean') return badRequest('secret must be a boolean');
  if (body.notifyFollowers !== undefined && typeof body.notifyFollowers !== 'boolean') {
    return badRequest('notifyFollowers must be a boolean');
  }
  if (body.score !== undefined && body.score !== null && ![1, 2, 3, 4].includes(body.score as number)) {
    return badRequest('score must be an integer between 1 and 4');
  }
  const createdAt = expectPastTimestamp(body, 'createdAt') ?? Date.now();
  const note = { id: randomUUID(), authorId: author ?? '', body: value, createdAt: new Date(createdAt).toISOString() };
  candidate.notes.push(note);
  // Real answers are the whole note plus `noteId`; the docs show only `{noteId}` (lever-api.md §4).
  return ok({ data: { ...toLeverNote(context, candidate, note, false), noteId: note.id } }, 201);
};

const supportedFileTypes = new Set(['docx', 'doc', 'js', 'jpg', 'png', 'pdf', 'txt']);

const uploadFile: Handler = (context) => {
  const candidate = opportunityOf(context);
  performAs(context, true);
  const boundary = multipartBoundary(context.request.headers['content-type']);
  if (!boundary) return badRequest('Files must be sent as multipart/form-data');
  const parts = parseMultipart(context.request.body, boundary);
  if (!parts) return badRequest('Malformed multipart body');
  const unknown = parts.find((part) => part.name !== 'file');
  if (unknown) return badRequest(`Unknown field "${unknown.name}"`);
  const file = parts.find((part) => part.filename !== undefined);
  if (!file?.filename) return badRequest('Missing required field: file');
  const size = Buffer.byteLength(file.content, 'utf8');
  if (size > 30 * 1024 * 1024) return badRequest('The request file size is limited to 30MB');
  const extension = /\.([^.]+)$/.exec(file.filename)?.[1]?.toLowerCase() ?? '';
  const stored = {
    id: randomUUID(),
    name: file.filename,
    ext: extension ? `.${extension}` : '',
    size,
    uploadedAt: Date.now(),
    status: supportedFileTypes.has(extension) ? ('processed' as const) : ('unsupported' as const),
  };
  const files = context.state.files.get(candidate.id) ?? [];
  files.push(stored);
  context.state.files.set(candidate.id, files);
  return ok({ data: toLeverFile(candidate, stored) }, 201);
};

function toLeverFile(candidate: Candidate, file: StoredFile) {
  return {
    ...file,
    downloadUrl: `https://hire.lever.co/candidates/${candidate.id}/files/${file.id}/download`,
  };
}

const listFiles: Handler = (context) => {
  const candidate = opportunityOf(context);
  // Reported to reject limit/offset (lever-api.md §3, secondary).
  rejectPagination(context);
  const files = context.state.files.get(candidate.id) ?? [];
  return ok({ data: files.map((file) => toLeverFile(candidate, file)), hasNext: false });
};

const listTemplates: Handler = (context) => ok({ data: context.state.templates, hasNext: false });

function templateById(context: Context, id: string): FeedbackTemplate {
  return context.state.templates.find((template) => template.id === id) ?? reject(notFound('feedback_templates', id));
}

const getTemplate: Handler = (context) => ok({ data: templateById(context, context.params[0] ?? '') });

const optionTexts = (field: TemplateField) => (field.options ?? []).map((option) => option.text);
const quotedOptions = (field: TemplateField) =>
  optionTexts(field)
    .map((text) => JSON.stringify(text))
    .join(', ');

/**
 * What `fieldValues[].value` must be for each field type (lever-api.md §5, Form Fields), as a description of the
 * expected value when the given one does not fit; option values must equal an option's text exactly.
 */
function valueProblem(field: TemplateField, value: unknown): string | undefined {
  if (value === null) return undefined;
  const options = optionTexts(field);
  switch (field.type) {
    case 'score-system':
    case 'dropdown':
    case 'multiple-choice':
      return typeof value === 'string' && options.includes(value) ? undefined : `one of ${quotedOptions(field)}`;
    case 'multiple-select':
      return isStringArray(value) && value.every((item) => options.includes(item))
        ? undefined
        : `an array of option texts from ${quotedOptions(field)}`;
    case 'score':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4
        ? undefined
        : 'an integer from 1 to 4';
    case 'yes-no':
      return value === 'yes' || value === 'no' ? undefined : '"yes" or "no"';
    case 'date':
      return typeof value === 'number' && Number.isSafeInteger(value) ? undefined : 'a timestamp in milliseconds';
    case 'scorecard':
      return Array.isArray(value) &&
        value.length === (field.scores?.length ?? 0) &&
        value.every(
          (entry: unknown) =>
            typeof entry === 'object' &&
            entry !== null &&
            [0, 1, 2, 3, 4].includes((entry as Json).score as number) &&
            ['string', 'undefined'].includes(typeof (entry as Json).comment),
        )
        ? undefined
        : `an array of ${field.scores?.length ?? 0} {score, comment} entries, one per skill`;
    default:
      return typeof value === 'string' ? undefined : 'a string';
  }
}

function findInterview(context: Context, opportunityId: string, interviewId: string) {
  for (const panel of context.state.panels) {
    if (panel.opportunityId !== opportunityId) continue;
    const interview = panel.interviews.find((each) => each.id === interviewId);
    if (interview) return { panel, interview };
  }
  return undefined;
}

const createFeedback: Handler = (context) => {
  const candidate = opportunityOf(context);
  const author = performAs(context, true) as string;
  const body = readJson(context.request);
  onlyFields(body, ['baseTemplateId', 'panel', 'interview', 'fieldValues', 'createdAt', 'completedAt']);
  const templateId = expectString(body, 'baseTemplateId', true) as string;
  const template = templateById(context, templateId);
  const panelId = expectString(body, 'panel');
  const interviewId = expectString(body, 'interview');
  if ((panelId === undefined) !== (interviewId === undefined)) {
    return badRequest('panel and interview must be specified together');
  }
  let interview: StoredInterview | undefined;
  if (panelId && interviewId) {
    const panel = context.state.panels.find((each) => each.id === panelId && each.opportunityId === candidate.id);
    if (!panel) return notFound('panels', panelId);
    interview = panel.interviews.find((each) => each.id === interviewId);
    if (!interview) return badRequest(`interview ${interviewId} does not belong to panel ${panelId}`);
  }
  const fieldValues = body.fieldValues ?? [];
  if (!Array.isArray(fieldValues)) return badRequest('fieldValues must be an array');
  const values = new Map<string, unknown>();
  for (const entry of fieldValues as unknown[]) {
    if (typeof entry !== 'object' || entry === null || typeof (entry as Json).id !== 'string') {
      return badRequest('fieldValues must be an array of {id, value} objects');
    }
    const { id, value } = entry as { id: string; value: unknown };
    onlyFields(entry as Json, ['id', 'value'], 'fieldValues');
    const field = template.fields.find((each) => each.id === id);
    if (!field) return badRequest(`fieldValues: field ${id} is not part of feedback template ${template.id}`);
    const problem = valueProblem(field, value);
    if (problem) {
      const name = field.text ? `"${field.text}" ` : '';
      return badRequest(`Invalid value for field ${name}(${id}, ${field.type}): expected ${problem}`);
    }
    values.set(id, value);
  }
  const now = Date.now();
  const createdAt = expectPastTimestamp(body, 'createdAt') ?? now;
  const completedAt = expectTimestamp(body, 'completedAt') ?? now;
  const feedback: StoredFeedback = {
    id: randomUUID(),
    type: 'interview',
    text: template.text,
    instructions: template.instructions,
    baseTemplateId: template.id,
    fields: template.fields.map((field) => ({ ...field, value: values.get(field.id) ?? null })),
    user: author,
    panel: panelId ?? null,
    interview: interviewId ?? null,
    createdAt,
    updatedAt: now,
    completedAt,
    deletedAt: null,
  };
  const list = context.state.feedback.get(candidate.id) ?? [];
  list.push(feedback);
  context.state.feedback.set(candidate.id, list);
  interview?.feedbackForms.push(feedback.id);
  return ok({ data: feedback }, 201);
};

const listFeedback: Handler = (context) => {
  const candidate = opportunityOf(context);
  const feedback = context.state.feedback.get(candidate.id) ?? [];
  return pageOf(
    context,
    feedback,
    listKey(feedback, (index) => feedback[index]?.createdAt ?? 0),
  );
};

const reminderValues = ['once', 'daily', 'frequently', 'none'];

function validTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

const createPanel: Handler = (context) => {
  const candidate = opportunityOf(context);
  const creator = performAs(context, true) as string;
  const body = readJson(context.request);
  onlyFields(body, ['applications', 'timezone', 'feedbackReminder', 'note', 'externalUrl', 'interviews']);
  const timezone = expectString(body, 'timezone', true) as string;
  if (!validTimezone(timezone)) return badRequest(`Invalid timezone ${timezone}`);
  const application = applicationOf(context.lever, candidate);
  let applications: string[];
  if (body.applications === undefined) {
    applications = application && application.status === 'active' ? [application.id] : [];
  } else {
    applications = expectStrings(body, 'applications');
    if (applications.length === 0) return badRequest('applications cannot be an empty array');
    const unknown = applications.find((id) => id !== application?.id);
    if (unknown) return notFound('applications', unknown);
  }
  const feedbackReminder = expectString(body, 'feedbackReminder') ?? 'daily';
  if (!reminderValues.includes(feedbackReminder))
    return badRequest(`feedbackReminder must be one of ${reminderValues.join(', ')}`);
  const interviewsValue = body.interviews;
  if (!Array.isArray(interviewsValue) || interviewsValue.length === 0) {
    return badRequest('interviews must be a non-empty array');
  }
  const panelId = randomUUID();
  const now = Date.now();
  const stage = application?.stageId ?? extrasFor(context.store, candidate).stageId;
  const interviews = interviewsValue.map((value: unknown): StoredInterview => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return reject(badRequest('interviews must be an array of objects'));
    }
    const entry = value as Json;
    onlyFields(
      entry,
      ['subject', 'note', 'interviewers', 'date', 'duration', 'location', 'feedbackTemplate', 'feedbackReminder'],
      'interviews',
    );
    const interviewers = entry.interviewers;
    if (!Array.isArray(interviewers) || interviewers.length === 0) {
      return reject(badRequest('interviews[].interviewers must contain at least one interviewer'));
    }
    const feedbackTemplate = expectString(entry, 'feedbackTemplate') ?? null;
    if (feedbackTemplate) templateById(context, feedbackTemplate);
    if (typeof entry.date !== 'number' || !Number.isFinite(entry.date)) {
      return reject(badRequest('interviews[].date is required (timestamp)'));
    }
    if (typeof entry.duration !== 'number' || !Number.isInteger(entry.duration) || entry.duration < 1) {
      return reject(badRequest('interviews[].duration is required, in minutes, at least 1'));
    }
    const reminder = expectString(entry, 'feedbackReminder') ?? feedbackReminder;
    if (!reminderValues.includes(reminder)) return reject(badRequest('Invalid interviews[].feedbackReminder'));
    return {
      id: randomUUID(),
      panel: panelId,
      subject: expectString(entry, 'subject') ?? '',
      note: expectString(entry, 'note') ?? '',
      interviewers: interviewers.map((interviewer: unknown) => {
        const person = interviewer as Json;
        if (typeof person !== 'object' || person === null || typeof person.id !== 'string') {
          return reject(badRequest('interviews[].interviewers[].id is required'));
        }
        if (!userById(context, person.id)) return reject(notFound('users', person.id));
        const template = typeof person.feedbackTemplate === 'string' ? person.feedbackTemplate : null;
        if (template) templateById(context, template);
        return { id: person.id, feedbackTemplate: template ?? feedbackTemplate };
      }),
      date: entry.date,
      duration: entry.duration,
      location: expectString(entry, 'location') ?? '',
      feedbackTemplate,
      feedbackForms: [],
      feedbackReminder: reminder,
      user: creator,
      stage,
      createdAt: now,
    };
  });
  const panel: StoredPanel = {
    id: panelId,
    opportunityId: candidate.id,
    applications,
    canceledAt: null,
    createdAt: now,
    timezone,
    feedbackReminder,
    user: creator,
    stage,
    note: expectString(body, 'note') ?? '',
    externallyManaged: true,
    externalUrl: expectString(body, 'externalUrl') ?? null,
    interviews,
  };
  context.state.panels.push(panel);
  // Mirrored into the neutral store so the web app's /interviews/<id> page shows the new interview.
  for (const interview of interviews) {
    context.lever.interviews.push({
      id: interview.id,
      applicationId: applications[0] ?? '',
      title: interview.subject,
      interviewerId: interview.interviewers[0]?.id ?? creator,
      startAt: new Date(interview.date).toISOString(),
      endAt: new Date(interview.date + interview.duration * 60_000).toISOString(),
    });
  }
  // The real answer is `{data: panel}`; the docs print a doubled `data.data` (lever-api.md §2).
  return ok({ data: toLeverPanel(panel) }, 201);
};

const listPanels: Handler = (context) => {
  const candidate = opportunityOf(context);
  const panels = context.state.panels.filter((panel) => panel.opportunityId === candidate.id).map(toLeverPanel);
  return pageOf(
    context,
    panels,
    listKey(panels, (index) => panels[index]?.createdAt ?? 0),
  );
};

const listInterviews: Handler = (context) => {
  const candidate = opportunityOf(context);
  const interviews = context.state.panels
    .filter((panel) => panel.opportunityId === candidate.id)
    .flatMap((panel) => panel.interviews.map((interview) => toLeverInterview(context, panel, interview)));
  return pageOf(
    context,
    interviews,
    listKey(interviews, (index) => interviews[index]?.createdAt ?? 0),
  );
};

const getInterview: Handler = (context) => {
  const candidate = opportunityOf(context);
  const id = context.params[1] ?? '';
  const found = findInterview(context, candidate.id, id) ?? reject(notFound('interviews', id));
  return ok({ data: toLeverInterview(context, found.panel, found.interview) });
};

// ---------------------------------------------------------------------------------------------------------------
// Routing

const id = '([^/]+)';
const routes: Array<{ method: string; pattern: RegExp; handler: Handler; limitedReadDenied?: boolean }> = [
  { method: 'GET', pattern: /^\/v1\/users$/, handler: listUsers },
  { method: 'GET', pattern: /^\/v1\/postings$/, handler: listPostings },
  { method: 'GET', pattern: new RegExp(`^/v1/postings/${id}$`), handler: getPosting },
  { method: 'GET', pattern: /^\/v1\/stages$/, handler: listStages },
  { method: 'GET', pattern: new RegExp(`^/v1/stages/${id}$`), handler: getStage },
  { method: 'GET', pattern: /^\/v1\/archive_reasons$/, handler: listArchiveReasons },
  { method: 'GET', pattern: new RegExp(`^/v1/archive_reasons/${id}$`), handler: getArchiveReason },
  { method: 'GET', pattern: /^\/v1\/opportunities$/, handler: listOpportunities },
  { method: 'POST', pattern: /^\/v1\/opportunities$/, handler: createOpportunity },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}$`), handler: getOpportunity },
  { method: 'PUT', pattern: new RegExp(`^/v1/opportunities/${id}/stage$`), handler: updateStage },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/notes$`), handler: listNotes },
  { method: 'POST', pattern: new RegExp(`^/v1/opportunities/${id}/notes$`), handler: createNote },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/files$`), handler: listFiles },
  { method: 'POST', pattern: new RegExp(`^/v1/opportunities/${id}/files$`), handler: uploadFile },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/feedback$`), handler: listFeedback },
  { method: 'POST', pattern: new RegExp(`^/v1/opportunities/${id}/feedback$`), handler: createFeedback },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/panels$`), handler: listPanels },
  { method: 'POST', pattern: new RegExp(`^/v1/opportunities/${id}/panels$`), handler: createPanel },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/interviews$`), handler: listInterviews },
  { method: 'GET', pattern: new RegExp(`^/v1/opportunities/${id}/interviews/${id}$`), handler: getInterview },
  { method: 'GET', pattern: /^\/v1\/feedback_templates$/, handler: listTemplates, limitedReadDenied: true },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/feedback_templates/${id}$`),
    handler: getTemplate,
    limitedReadDenied: true,
  },
];

export function leverApi(request: SandboxRequest, data: SandboxData): SandboxResponse {
  const credential = readBasicUsername(request.headers);
  const key = credential.kind === 'present' ? credential.username : undefined;
  const limited = key === sandboxLimitedCredentials.lever.key;
  if (key !== sandboxCredentials.lever.key && !limited) {
    return leverError(401, 'Unauthorized', 'Invalid or missing API credentials');
  }
  const { pathname, searchParams } = request.url;
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (limited && (request.method !== 'GET' || route.limitedReadDenied)) return forbidden();
    const context: Context = {
      request,
      store: data,
      lever: data.lever,
      state: leverState(data),
      query: searchParams,
      params: match.slice(1).map((segment) => decodeURIComponent(segment)),
    };
    try {
      return route.handler(context);
    } catch (error) {
      if (error instanceof Reply) return error.response;
      throw error;
    }
  }
  // Lever answers an unknown method + path pair with 404 (lever-api.md §2).
  return leverError(404, 'ResourceNotFound', `No resource at ${request.method} ${pathname}`);
}
