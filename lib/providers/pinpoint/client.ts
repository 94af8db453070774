import { z } from 'zod';
import { SidecarError } from '@/lib/core/errors';
import type { Application, Candidate, KeyCheck, MissingPermission, Note } from '@/lib/core/types';
import { createRateLimiter, type BucketRule } from '@/lib/http/rate-limiter';
import { createHttpClient, type QueryValue, type VendorError } from '@/lib/http/request';
import type { AtsClient, ClientDependencies, NewCandidate, ResumeFile } from '../contracts';
import { unsupportedOperation } from '../unsupported';
import {
  applicationCandidateId,
  applicationFullName,
  indexIncluded,
  mapApplication,
  mapCandidate,
  mapComment,
  mapJob,
  mapJobStages,
  mapUser,
  normalizeLinkedinUrl,
  normalizeName,
  type IncludedIndex,
} from './mapping';
import {
  applicationResourceSchema,
  collectionSchema,
  commentResourceSchema,
  documentSchema,
  errorBodySchema,
  jobResourceSchema,
  userResourceSchema,
  type IncludedResource,
  type JsonApiCollection,
  type PinpointApplication,
} from './schemas';

export interface PinpointConnection {
  key: string;
  /** `acme` for acme.pinpointhq.com. */
  subdomain: string;
}

/**
 * Pinpoint's limits, as summarised from developers.pinpointhq.com/docs/rate-limits (pinpoint-api.md §2, secondary
 * source): about 120 requests per minute per IP and 240 per 8 minutes. Both buckets must have a token.
 */
export const pinpointRateRules: BucketRule[] = [
  { capacity: 120, refillPerSecond: 120 / 60 },
  { capacity: 240, refillPerSecond: 240 / 480 },
];

/** Default and documented page size (max 1000); lists loop until a page comes back shorter than this. */
export const pinpointPageSize = 100;

/** Stops a server that ignores `page[number]` (or never shortens a page) from looping forever. */
const maxPages = 1000;

const jsonApiMediaType = 'application/vnd.api+json';

/** Confidential jobs, and their applications, are left out unless asked for (pinpoint-api.md §5, pitfall 2). */
const everyVisibility = 'confidential,external,internal';

/** Everything the panel shows about an application: its person, job (with recruiter) and current stage. */
const applicationIncludes = 'candidate,job,job.recruitment_manager_user,stage';

const subdomainPattern = /^[a-z0-9-]+$/;

const probeSchema = z.object({ data: z.array(z.unknown()) });

/** `{errors:[{title, code, status, detail}]}` on any error status; Pinpoint has no success-with-error body. */
export function readPinpointError(body: unknown, status: number): VendorError | undefined {
  if (status < 400) return undefined;
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const [first] = parsed.data.errors;
  const details = parsed.data.errors
    .map((error) => error.detail ?? error.title)
    .filter((detail): detail is string => Boolean(detail));
  return {
    ...(details.length > 0 ? { message: [...new Set(details)].join('; ') } : {}),
    ...(first?.code ? { code: first.code } : {}),
  };
}

/** btoa works on "binary strings"; chunks keep `String.fromCharCode` under the argument limit for large files. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function resumeAttributes(resume: ResumeFile | undefined): Record<string, string> {
  if (!resume) return {};
  return {
    cv_base64_filename: resume.name,
    cv_base64_data: `data:${resume.type || 'application/octet-stream'};base64,${toBase64(resume.bytes)}`,
  };
}

function sameEmail(left: string | null | undefined, right: string): boolean {
  return (left ?? '').trim().toLowerCase() === right.trim().toLowerCase();
}

function newestFirst(left: PinpointApplication, right: PinpointApplication): number {
  return (right.attributes.created_at ?? '').localeCompare(left.attributes.created_at ?? '');
}

export function createPinpointClient(connection: PinpointConnection, dependencies: ClientDependencies = {}): AtsClient {
  const provider = 'pinpoint' as const;
  const { subdomain } = connection;
  if (!subdomainPattern.test(subdomain)) {
    throw new SidecarError({
      kind: 'invalid-input',
      provider,
      message:
        'The Pinpoint subdomain may only hold lowercase letters, digits and dashes (acme for acme.pinpointhq.com).',
    });
  }

  const http = createHttpClient({
    provider,
    baseUrl: `https://${subdomain}.pinpointhq.com/api/v1`,
    headers: async () => ({ 'X-API-KEY': connection.key, Accept: jsonApiMediaType }),
    limiter: dependencies.limiter ?? createRateLimiter(pinpointRateRules, dependencies.clock),
    readVendorError: readPinpointError,
    ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
    ...(dependencies.clock ? { clock: dependencies.clock } : {}),
    ...(dependencies.random ? { random: dependencies.random } : {}),
  });

  const fail = (kind: 'invalid-input' | 'not-found', message: string): never => {
    throw new SidecarError({ kind, provider, message });
  };

  /**
   * Every page of a collection: JSON:API offset pages, `sort=id` so records do not shift between pages, until a page
   * comes back shorter than asked (links are UNCONFIRMED, pinpoint-api.md §2) or repeats only records already seen.
   */
  async function listAll<T extends { id: string }>(
    path: string,
    query: Record<string, QueryValue>,
    resource: z.ZodType<T>,
  ): Promise<JsonApiCollection<T>> {
    const schema = collectionSchema(resource);
    const data: T[] = [];
    const included: IncludedResource[] = [];
    const seen = new Set<string>();
    for (let page = 1; page <= maxPages; page += 1) {
      const body = await http.request({
        method: 'GET',
        path,
        query: { sort: 'id', ...query, 'page[number]': page, 'page[size]': pinpointPageSize },
        schema,
      });
      const fresh = body.data.filter((item) => !seen.has(item.id));
      for (const item of fresh) seen.add(item.id);
      data.push(...fresh);
      included.push(...body.included);
      if (body.data.length < pinpointPageSize || fresh.length === 0) break;
    }
    return { data, included };
  }

  function getApplication(applicationId: string) {
    // https://developers.pinpointhq.com/reference/get-application
    return http.request({
      method: 'GET',
      path: `/applications/${encodeURIComponent(applicationId)}`,
      query: { include: applicationIncludes, 'filter[job_visibility]': everyVisibility },
      schema: documentSchema(applicationResourceSchema),
    });
  }

  /**
   * The person's applications through the newer `filter[candidate_id]` (UNCONFIRMED, pinpoint-api.md §3.1). Each
   * result is checked against the candidate id too, so a server that ignored the filter cannot mix in strangers
   * (at the cost of paging through every application).
   */
  async function applicationsOfCandidate(candidateId: string): Promise<JsonApiCollection<PinpointApplication>> {
    // https://developers.pinpointhq.com/reference/get-applications
    const list = await listAll(
      '/applications',
      { 'filter[candidate_id]': candidateId, 'filter[job_visibility]': everyVisibility, include: applicationIncludes },
      applicationResourceSchema,
    );
    return { ...list, data: list.data.filter((item) => applicationCandidateId(item) === candidateId) };
  }

  /**
   * Applications by email through the newer `filter[candidate_email]` (UNCONFIRMED; `/candidates` has no email
   * filter). The email is compared again here: if the server ignores the filter, Sidecar pages through every
   * application (one request per 100) instead of returning other people.
   */
  async function applicationsByEmail(email: string): Promise<JsonApiCollection<PinpointApplication>> {
    // https://developers.pinpointhq.com/reference/get-applications
    const list = await listAll(
      '/applications',
      {
        'filter[candidate_email]': email.trim(),
        'filter[job_visibility]': everyVisibility,
        include: applicationIncludes,
      },
      applicationResourceSchema,
    );
    return { ...list, data: list.data.filter((item) => sameEmail(item.attributes.email, email)) };
  }

  /** Neither the API nor its filters search by LinkedIn URL or name: this reads every application (100 per call). */
  async function scanApplications(
    keep: (application: PinpointApplication) => boolean,
  ): Promise<JsonApiCollection<PinpointApplication>> {
    // https://developers.pinpointhq.com/reference/get-applications
    const list = await listAll(
      '/applications',
      { 'filter[job_visibility]': everyVisibility, include: applicationIncludes },
      applicationResourceSchema,
    );
    return { ...list, data: list.data.filter(keep) };
  }

  function groupIntoCandidates(list: JsonApiCollection<PinpointApplication>): Candidate[] {
    const index = indexIncluded(list.included);
    const groups = new Map<string, PinpointApplication[]>();
    for (const application of list.data) {
      // Without a candidate link, the email is the next best identity; failing that, the application stands alone.
      const key =
        applicationCandidateId(application) ??
        (application.attributes.email ? `email:${application.attributes.email.toLowerCase()}` : application.id);
      groups.set(key, [...(groups.get(key) ?? []), application]);
    }
    return [...groups.values()].map((applications) => mapCandidate(applications, index, subdomain));
  }

  /** The application a note or move is about: the given one, else the person's newest. */
  async function resolveApplicationId(candidateId: string, applicationId: string | undefined): Promise<string> {
    if (applicationId) return applicationId;
    const [newest] = (await applicationsOfCandidate(candidateId)).data.sort(newestFirst);
    return newest?.id ?? fail('not-found', 'This candidate has no application in Pinpoint to attach it to.');
  }

  /** After a write: the full application; if that read fails, the write's own answer (never a reason to retry it). */
  async function readBackApplication(written: PinpointApplication, included: IncludedResource[]): Promise<Application> {
    try {
      const document = await getApplication(written.id);
      return mapApplication(document.data, indexIncluded(document.included));
    } catch {
      return mapApplication(written, indexIncluded(included));
    }
  }

  async function postComment(applicationId: string, text: string) {
    if (!text.trim()) fail('invalid-input', 'A Pinpoint comment cannot be empty.');
    // https://developers.pinpointhq.com/reference/post-comments
    return http.request({
      method: 'POST',
      path: '/comments',
      contentType: jsonApiMediaType,
      body: {
        data: {
          type: 'comments',
          // Plain text only: Pinpoint renders no markup, and mentions are web-app only.
          attributes: { body_text: text },
          relationships: { commentable: { data: { type: 'applications', id: applicationId } } },
        },
      },
      schema: documentSchema(commentResourceSchema),
    });
  }

  const probes: Array<MissingPermission & { path: string; query?: Record<string, QueryValue> }> = [
    {
      permission: 'User: Read',
      why: 'Sidecar cannot list your team, so it cannot find you by your work email or show recruiters.',
      path: '/users',
    },
    {
      permission: 'Application: Read',
      why: 'Sidecar cannot show candidates, their jobs and stages, or check whether someone is already in Pinpoint.',
      path: '/applications',
      query: { 'filter[job_visibility]': everyVisibility },
    },
    {
      permission: 'Candidate: Read',
      why: 'Sidecar cannot tell which applications belong to the same person.',
      path: '/candidates',
    },
    {
      permission: 'Job: Read',
      why: 'Sidecar cannot list open jobs or the stages of a job.',
      path: '/jobs',
      query: { 'filter[visibility]': everyVisibility },
    },
    {
      permission: 'Comment: Read',
      why: 'Sidecar cannot show the notes and call summaries on a candidate.',
      path: '/comments',
    },
  ];

  const client: AtsClient = {
    provider,
    unsupported: {
      createCandidate: 'Pinpoint creates a candidate together with an application: choose a job.',
      uploadResume:
        'Pinpoint takes a CV only when the application is created. Attach this one in Pinpoint, or export the person to a job with the CV.',
      listFeedbackForms:
        "Pinpoint's API does not publish scorecard templates. Sidecar reads the scorecard from the Pinpoint page instead.",
      getFeedbackContext:
        "Pinpoint's API has no interviews or scorecards to link a scorecard to. Sidecar uses the candidate page it opens on.",
      listFeedback: "Pinpoint's API does not list scorecards.",
      submitFeedback:
        "Pinpoint's API cannot submit scorecards. Sidecar fills the scorecard on the Pinpoint page for you to review and submit.",
      scheduleInterview: "Pinpoint's API cannot schedule interviews. Schedule it in Pinpoint.",
    },

    /**
     * One cheap read per permission area (`page[size]=1`). Pinpoint has no key-info endpoint, so write permissions
     * (Application Write for exports and stage moves, Comment Write for notes) cannot be seen without writing.
     */
    async verifyKey(): Promise<KeyCheck> {
      const label = `${subdomain}.pinpointhq.com`;
      const missing: MissingPermission[] = [];
      for (const probe of probes) {
        try {
          // https://developers.pinpointhq.com/docs/authentication
          await http.request({
            method: 'GET',
            path: probe.path,
            query: { ...probe.query, 'page[size]': 1 },
            schema: probeSchema,
          });
        } catch (error) {
          if (!(error instanceof SidecarError)) throw error;
          if (error.data.kind === 'auth') return { valid: false, missing: [] };
          if (error.data.kind !== 'permission') throw error;
          // The whole API switched off answers every call like this (pinpoint-api.md §2 errors).
          if (/integration not enabled/i.test(error.data.message)) {
            return {
              valid: true,
              label,
              missing: [
                {
                  permission: 'Pinpoint API',
                  why: 'The API is switched off for your company. An administrator turns it on in Settings → API & Webhooks.',
                },
              ],
            };
          }
          missing.push({ permission: probe.permission, why: probe.why });
        }
      }
      return { valid: true, label, missing };
    },

    async getCandidateContext(ids) {
      if (!ids.applicationId) {
        if (!ids.candidateId) return fail('invalid-input', 'Open a candidate from a Pinpoint job to see them here.');
        const list = await applicationsOfCandidate(ids.candidateId);
        if (list.data.length === 0) return fail('not-found', 'Pinpoint has no application for this candidate.');
        const index = indexIncluded(list.included);
        const only = list.data.length === 1 ? list.data[0] : undefined;
        return {
          candidate: mapCandidate(list.data, index, subdomain),
          applications: [...list.data].sort(newestFirst).map((application) => mapApplication(application, index)),
          ...(only ? { focusApplicationId: only.id } : {}),
        };
      }
      const focus = await getApplication(ids.applicationId);
      const candidateId = applicationCandidateId(focus.data);
      const others: JsonApiCollection<PinpointApplication> = candidateId
        ? await applicationsOfCandidate(candidateId)
        : { data: [], included: [] };
      const applications = [focus.data, ...others.data.filter((item) => item.id !== focus.data.id)];
      const index: IncludedIndex = indexIncluded(others.included, focus.included);
      return {
        candidate: mapCandidate(applications, index, subdomain, focus.data.id),
        applications: applications.map((application) => mapApplication(application, index)),
        focusApplicationId: focus.data.id,
      };
    },

    async listOpenJobs() {
      // https://developers.pinpointhq.com/reference/get-jobs
      const list = await listAll(
        '/jobs',
        { 'filter[status]': 'open', 'filter[visibility]': everyVisibility, include: 'department,location' },
        jobResourceSchema,
      );
      const index = indexIncluded(list.included);
      return list.data.filter((job) => job.attributes.status === 'open').map((job) => mapJob(job, index, subdomain));
    },

    // Pinpoint users carry no active/deactivated flag in the API, so every user the API lists is returned.
    async listUsers() {
      // https://developers.pinpointhq.com/reference/get-users
      const list = await listAll('/users', {}, userResourceSchema);
      return list.data.map(mapUser);
    },

    async listStages(application) {
      const jobId = application.jobId ?? mapApplication((await getApplication(application.id)).data, new Map()).jobId;
      if (!jobId) return fail('not-found', 'Pinpoint did not say which job this application belongs to.');
      // Stages come with their job (`include=stages`); the standalone hiring-workflow route needs another permission.
      // https://developers.pinpointhq.com/reference/get-job
      const document = await http.request({
        method: 'GET',
        path: `/jobs/${encodeURIComponent(jobId)}`,
        query: { include: 'stages', 'filter[visibility]': everyVisibility },
        schema: documentSchema(jobResourceSchema),
      });
      return mapJobStages(document.data, indexIncluded(document.included));
    },

    async listNotes({ candidateId, applicationId }) {
      const applicationIds = applicationId
        ? [applicationId]
        : (await applicationsOfCandidate(candidateId)).data.map((application) => application.id);
      const notes: Note[] = [];
      for (const id of applicationIds) {
        // https://developers.pinpointhq.com/reference/get-comments
        const list = await listAll(
          '/comments',
          { 'filter[commentable_type]': 'Application', 'filter[commentable_id]': id, include: 'user' },
          commentResourceSchema,
        );
        const index = indexIncluded(list.included);
        notes.push(
          ...list.data
            .filter((comment) => !comment.attributes.commentable_id || comment.attributes.commentable_id === id)
            .map((comment) => mapComment(comment, index, candidateId)),
        );
      }
      return notes.sort((left, right) => right.createdAt.localeCompare(left.createdAt));
    },

    // The API credits comments to the company's system user and takes no acting user, so `performAs` is not sent;
    // callers that want an author put the name in the text (pinpoint-api.md §3.5).
    async createNote({ candidateId, applicationId, text }) {
      if (!text.trim()) return fail('invalid-input', 'A Pinpoint comment cannot be empty.');
      const target = await resolveApplicationId(candidateId, applicationId);
      const document = await postComment(target, text);
      return mapComment(document.data, indexIncluded(document.included), candidateId);
    },

    async findCandidates(query) {
      const criteria = [query.email, query.linkedinUrl, query.name].filter((value) => value?.trim());
      if (criteria.length !== 1) return fail('invalid-input', 'Search Pinpoint by one of email, LinkedIn URL or name.');
      if (query.email?.trim()) return groupIntoCandidates(await applicationsByEmail(query.email));
      if (query.linkedinUrl?.trim()) {
        const wanted = normalizeLinkedinUrl(query.linkedinUrl);
        if (!wanted) return fail('invalid-input', 'That does not look like a LinkedIn profile URL.');
        return groupIntoCandidates(
          await scanApplications(
            (application) => normalizeLinkedinUrl(application.attributes.linkedin_url ?? '') === wanted,
          ),
        );
      }
      const wanted = normalizeName(query.name ?? '');
      return groupIntoCandidates(
        await scanApplications((application) => normalizeName(applicationFullName(application)) === wanted),
      );
    },

    async createCandidate() {
      return unsupportedOperation(client, 'createCandidate');
    },

    async createApplication({ jobId, candidate, candidateId, resume }) {
      const person: Pick<NewCandidate, 'firstName' | 'lastName' | 'emails' | 'phones' | 'linkedinUrl'> | undefined =
        candidate ?? (candidateId ? await personOfCandidate(candidateId) : undefined);
      if (!person) return fail('invalid-input', 'Pinpoint needs the person’s name and email to create an application.');
      const email = person.emails.find((value) => value.trim());
      if (!email) return fail('invalid-input', 'Pinpoint needs an email address to create a candidate.');
      if (!person.firstName.trim() || !person.lastName.trim()) {
        return fail('invalid-input', 'Pinpoint needs both a first and a last name to create a candidate.');
      }
      const phone = person.phones.find((value) => value.trim());
      // https://developers.pinpointhq.com/reference/post-applications
      const document = await http.request({
        method: 'POST',
        path: '/applications',
        contentType: jsonApiMediaType,
        body: {
          data: {
            type: 'applications',
            attributes: {
              first_name: person.firstName.trim(),
              last_name: person.lastName.trim(),
              email: email.trim(),
              ...(phone ? { phone: phone.trim() } : {}),
              ...(person.linkedinUrl ? { linkedin_url: person.linkedinUrl } : {}),
              ...resumeAttributes(resume),
              // Otherwise Pinpoint emails the person "Application Received" and the team "New Application".
              skip_notifications_on_create: true,
            },
            relationships: { job: { data: { type: 'jobs', id: jobId } } },
          },
        },
        schema: documentSchema(applicationResourceSchema),
      });
      return readBackApplication(document.data, document.included);
    },

    async uploadResume() {
      return unsupportedOperation(client, 'uploadResume');
    },

    async listFeedbackForms() {
      return unsupportedOperation(client, 'listFeedbackForms');
    },

    async getFeedbackContext() {
      return unsupportedOperation(client, 'getFeedbackContext');
    },

    async listFeedback() {
      return unsupportedOperation(client, 'listFeedback');
    },

    async submitFeedback() {
      return unsupportedOperation(client, 'submitFeedback');
    },

    async moveToStage({ applicationId, stageId, note }) {
      // https://developers.pinpointhq.com/reference/put-application
      const document = await http.request({
        method: 'PUT',
        path: `/applications/${encodeURIComponent(applicationId)}`,
        contentType: jsonApiMediaType,
        body: {
          data: {
            type: 'applications',
            id: applicationId,
            relationships: { stage: { data: { type: 'stages', id: stageId } } },
          },
        },
        schema: documentSchema(applicationResourceSchema),
      });
      // Pinpoint records no reason with a move: the note is a comment of its own.
      if (note?.trim()) await postComment(applicationId, note);
      return readBackApplication(document.data, document.included);
    },

    async scheduleInterview() {
      return unsupportedOperation(client, 'scheduleInterview');
    },
  };

  /** Adding a known person to another job: Pinpoint wants their details again, taken from their newest application. */
  async function personOfCandidate(candidateId: string) {
    const [newest] = (await applicationsOfCandidate(candidateId)).data.sort(newestFirst);
    if (!newest) return undefined;
    const { first_name, last_name, email, phone, linkedin_url } = newest.attributes;
    return {
      firstName: first_name ?? '',
      lastName: last_name ?? '',
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      ...(linkedin_url ? { linkedinUrl: linkedin_url } : {}),
    };
  }

  return client;
}
