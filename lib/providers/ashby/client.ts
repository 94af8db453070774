import { z } from 'zod';
import { SidecarError, type ErrorKind } from '@/lib/core/errors';
import type { Application, Candidate, CandidateContext, KeyCheck, MissingPermission } from '@/lib/core/types';
import { createRateLimiter, type BucketRule } from '@/lib/http/rate-limiter';
import { createHttpClient, type VendorError } from '@/lib/http/request';
import type { AtsClient, ClientDependencies } from '@/lib/providers/contracts';
import { attributeToField } from '@/lib/providers/feedback-errors';
import {
  FeedbackValueError,
  mapApplication,
  mapCandidate,
  mapFeedbackForm,
  mapJob,
  mapNote,
  mapStage,
  mapUser,
  normalizeLinkedinUrl,
  linkedinUrlOf,
  toFieldSubmissionValue,
} from './mapping';
import {
  apiKeyInfoResponse,
  applicationResponse,
  ashbyErrorSchema,
  ashbyPage,
  candidateListResponse,
  candidateResponse,
  candidateSchema,
  feedbackFormDefinitionResponse,
  feedbackFormDefinitionSchema,
  feedbackSubmissionResponse,
  applicationFeedbackSchema,
  interviewEventSchema,
  interviewResponse,
  interviewScheduleListItemSchema,
  interviewScheduleResponse,
  interviewStageListResponse,
  jobSchema,
  namedSchema,
  noteResponse,
  noteSchema,
  uploadResumeResponse,
  userSchema,
  type AshbyApplication,
  type AshbyInterviewEvent,
} from './schemas';

/**
 * Ashby documents no general per-key limit (only report endpoints: 15/min), so Sidecar stays conservative: bursts of
 * 10, then 5 requests a second.
 */
export const ashbyRateRules: BucketRule[] = [{ capacity: 10, refillPerSecond: 5 }];

const baseUrl = 'https://api.ashbyhq.com';
/** Ashby's maximum (and default) page size. */
const pageSize = 100;

/** The permission names Ashby's docs use ("Requires the `candidatesRead` permission"). */
const permissionReasons = {
  candidatesRead: 'Sidecar cannot show candidates, their applications and notes, or check for duplicates on export.',
  jobsRead: 'Sidecar cannot list open jobs to export a candidate to.',
  organizationRead: 'Sidecar cannot list users, or show the department and location of jobs.',
  interviewsRead:
    'Sidecar cannot list the stages an application can move to, or find the interview behind a feedback form.',
  hiringProcessMetadataRead: 'Sidecar cannot load scorecard forms to submit interview feedback.',
  candidatesWrite:
    'Sidecar cannot create candidates or applications, post notes, upload resumes, move stages or submit feedback.',
  interviewsWrite: 'Sidecar cannot schedule interviews.',
} as const;

function kindForCode(code: string | undefined, status: number): ErrorKind | undefined {
  if (code === 'missing_endpoint_permission') return 'permission';
  if (status === 401) return 'auth';
  // Ashby answers a wrong or deactivated key with 403 (its code there is UNCONFIRMED); only a missing module
  // permission is a 403 that leaves the key valid.
  if (status === 403) return 'auth';
  if (code === 'rate_limit_exceeded' || code === 'concurrent_limit_exceeded') return 'rate-limited';
  if (code?.endsWith('_not_found')) return 'not-found';
  if (code === 'invalid_input') return 'invalid-input';
  // A success:false inside HTTP 200 is a business rule refusing the request (archive reason required, template not
  // allowed, cursor expired…): nothing a retry fixes.
  if (status >= 200 && status < 300) return 'invalid-input';
  return undefined;
}

/** Ashby's `{success:false, errors, errorInfo}` on any status, including HTTP 200 (ashby-api.md §2). */
export function readAshbyError(body: unknown, status: number): VendorError | undefined {
  const parsed = ashbyErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { errorInfo, errors } = parsed.data;
  const listed = (errors ?? []).map((each) => (typeof each === 'string' ? { code: each, message: undefined } : each));
  const code = errorInfo?.code ?? listed.find((each) => each.code)?.code ?? undefined;
  const message =
    errorInfo?.message ??
    (listed
      .map((each) => each.message)
      .filter(Boolean)
      .join('; ') ||
      code ||
      'Ashby refused the request');
  const kind = kindForCode(code, status);
  return { message, ...(code ? { code } : {}), ...(kind ? { kind } : {}) };
}

function isKind(error: unknown, kind: ErrorKind): error is SidecarError {
  return error instanceof SidecarError && error.data.kind === kind;
}

function invalidInput(message: string): SidecarError {
  return new SidecarError({ kind: 'invalid-input', provider: 'ashby', message });
}

const performAsMessage = 'Set your work email in Sidecar Options so Sidecar can act as you in Ashby.';

/** Only the values present, so Ashby never sees `null` or `undefined` for a field Sidecar has no value for. */
function compact<T extends Record<string, unknown>>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function createAshbyClient(connection: { key: string }, dependencies: ClientDependencies = {}): AtsClient {
  const http = createHttpClient({
    provider: 'ashby',
    baseUrl,
    headers: async () => ({
      // Basic auth with the key as username and an empty password; btoa because the service worker has no Buffer.
      Authorization: `Basic ${btoa(`${connection.key}:`)}`,
      Accept: 'application/json; version=1',
    }),
    limiter: dependencies.limiter ?? createRateLimiter(ashbyRateRules, dependencies.clock),
    readVendorError: readAshbyError,
    ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
    ...(dependencies.clock ? { clock: dependencies.clock } : {}),
    ...(dependencies.random ? { random: dependencies.random } : {}),
  });

  /** Reads are POSTs in Ashby's RPC style, yet safe to resend; writes are not (Ashby offers no idempotency key). */
  function call<T>(endpoint: string, body: unknown, schema: z.ZodType<T>, read: boolean): Promise<T> {
    return http.request({ method: 'POST', path: `/${endpoint}`, body, schema, idempotent: read });
  }

  /** Every page: follows `nextCursor` while `moreDataAvailable`, and stops on a cursor the server already gave. */
  async function listAll<T>(endpoint: string, body: Record<string, unknown>, item: z.ZodType<T>): Promise<T[]> {
    const schema = ashbyPage(item);
    const results: T[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await call(endpoint, { ...body, limit: pageSize, ...(cursor ? { cursor } : {}) }, schema, true);
      results.push(...(page.results as T[]));
      if (!page.moreDataAvailable) return results;
      if (!page.nextCursor || seen.has(page.nextCursor)) {
        throw new SidecarError({
          kind: 'invalid-response',
          provider: 'ashby',
          message: page.nextCursor
            ? `field nextCursor: ${endpoint} repeated a cursor it had already given`
            : `field nextCursor: ${endpoint} said more data is available but gave no cursor`,
        });
      }
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  // https://developers.ashbyhq.com/reference/applicationinfo
  const applicationInfo = async (applicationId: string): Promise<AshbyApplication> =>
    (await call('application.info', { applicationId }, applicationResponse, true)).results;

  // https://developers.ashbyhq.com/reference/candidatecreatenote
  async function postNote(candidateId: string, note: string | { type: 'text/plain' | 'text/html'; value: string }) {
    return (await call('candidate.createNote', { candidateId, note }, noteResponse, false)).results;
  }

  const client: AtsClient = {
    provider: 'ashby',
    unsupported: {},

    async verifyKey(): Promise<KeyCheck> {
      let label: string | undefined;
      let scopes: string[] | undefined;
      try {
        // https://developers.ashbyhq.com/reference/api-key
        const info = (await call('apiKey.info', {}, apiKeyInfoResponse, true)).results;
        label = info.title;
        scopes = info.scopes ?? undefined;
      } catch (error) {
        if (isKind(error, 'auth')) return { valid: false, missing: [] };
        // A key without "API Keys: read" still authenticates; Sidecar only loses the key's name and scope list.
        if (!isKind(error, 'permission')) throw error;
      }

      const probes: Array<[permission: keyof typeof permissionReasons, endpoint: string, body: unknown]> = [
        // https://developers.ashbyhq.com/reference/candidatelist
        ['candidatesRead', 'candidate.list', { limit: 1 }],
        // https://developers.ashbyhq.com/reference/joblist
        ['jobsRead', 'job.list', { limit: 1, status: ['Open'] }],
        // https://developers.ashbyhq.com/reference/userlist
        ['organizationRead', 'user.list', { limit: 1 }],
        // https://developers.ashbyhq.com/reference/interviewplanlist
        ['interviewsRead', 'interviewPlan.list', { limit: 1 }],
        // https://developers.ashbyhq.com/reference/feedbackformdefinitionlist
        ['hiringProcessMetadataRead', 'feedbackFormDefinition.list', { limit: 1 }],
      ];
      const missing: MissingPermission[] = [];
      for (const [permission, endpoint, body] of probes) {
        try {
          await call(endpoint, body, ashbyPage(z.unknown()), true);
        } catch (error) {
          if (isKind(error, 'auth')) return { valid: false, missing: [] };
          if (!isKind(error, 'permission')) throw error;
          missing.push({ permission, why: permissionReasons[permission] });
        }
      }

      // Writes are never tried. apiKey.info's scope list is read only when it is in the `<module>:<read|write>`
      // vocabulary seen in public material (`candidates:read`); the full vocabulary is UNCONFIRMED, so any other
      // shape reports nothing rather than a false alarm.
      if (scopes && scopes.length > 0 && scopes.every((scope) => /^[A-Za-z]+:(read|write)$/.test(scope))) {
        for (const [scope, permission] of [
          ['candidates:write', 'candidatesWrite'],
          ['interviews:write', 'interviewsWrite'],
        ] as const) {
          if (!scopes.includes(scope)) missing.push({ permission, why: permissionReasons[permission] });
        }
      }
      return { valid: true, ...(label ? { label } : {}), missing };
    },

    async getCandidateContext(ids): Promise<CandidateContext> {
      // Ashby's candidate page URL carries only the candidate id (ashby-api.md §9).
      if (!ids.candidateId) throw invalidInput('This Ashby page does not name a candidate.');
      // https://developers.ashbyhq.com/reference/candidateinfo
      const candidate = (await call('candidate.info', { id: ids.candidateId }, candidateResponse, true)).results;
      // application.list has no candidate filter, so each of the candidate's applications is read by id.
      const applications = await Promise.all(candidate.applicationIds.map(applicationInfo));
      const mapped = applications.map(mapApplication);
      const focus =
        ids.applicationId && mapped.some((each) => each.id === ids.applicationId)
          ? ids.applicationId
          : mapped.length === 1
            ? mapped[0]?.id
            : undefined;
      return {
        candidate: mapCandidate(candidate, applications),
        applications: mapped,
        ...(focus ? { focusApplicationId: focus } : {}),
      };
    },

    async listOpenJobs() {
      const [jobs, departments, locations] = await Promise.all([
        // https://developers.ashbyhq.com/reference/joblist
        listAll('job.list', { status: ['Open'] }, jobSchema),
        // Archived departments and locations too: an open job may still point at one.
        // https://developers.ashbyhq.com/reference/departmentlist
        listAll('department.list', { includeArchived: true }, namedSchema),
        // https://developers.ashbyhq.com/reference/locationlist
        listAll('location.list', { includeArchived: true }, namedSchema),
      ]);
      const departmentNames = new Map(departments.map((each) => [each.id, each.name]));
      const locationNames = new Map(locations.map((each) => [each.id, each.name]));
      return jobs.filter((job) => job.status === 'Open').map((job) => mapJob(job, departmentNames, locationNames));
    },

    async listUsers() {
      // https://developers.ashbyhq.com/reference/userlist
      const users = await listAll('user.list', { includeDeactivated: false }, userSchema);
      return users.filter((user) => user.isEnabled !== false && user.email).map(mapUser);
    },

    async listStages(application: Application) {
      // The stage ids are the application's interview plan's, which only application.info names.
      const current = await applicationInfo(application.id);
      const planId = current.currentInterviewStage?.interviewPlanId;
      if (!planId) {
        throw new SidecarError({
          kind: 'not-found',
          provider: 'ashby',
          message: 'This application has no interview plan in Ashby.',
        });
      }
      // https://developers.ashbyhq.com/reference/interviewstagelist
      const stages = (await call('interviewStage.list', { interviewPlanId: planId }, interviewStageListResponse, true))
        .results;
      return (
        stages
          // Moving to an Archived stage needs an archive reason, which Sidecar does not ask for.
          .filter((stage) => stage.type !== 'Archived')
          .sort((a, b) => (a.orderInInterviewPlan ?? 0) - (b.orderInInterviewPlan ?? 0))
          .map(mapStage)
      );
    },

    async listNotes({ candidateId }) {
      // Notes belong to the candidate in Ashby, so an applicationId narrows nothing.
      // https://developers.ashbyhq.com/reference/candidatelistnotes
      const notes = await listAll('candidate.listNotes', { candidateId }, noteSchema);
      return notes.map((note) => mapNote(note, candidateId));
    },

    async createNote({ candidateId, text, html }) {
      // Ashby notes are candidate-level and always authored by the key's user: no applicationId, no performAs.
      const note = await postNote(
        candidateId,
        html ? { type: 'text/html', value: html } : { type: 'text/plain', value: text },
      );
      return mapNote(note, candidateId);
    },

    async findCandidates(query) {
      if (query.email?.trim()) {
        // https://developers.ashbyhq.com/reference/candidatesearch
        const found = await call('candidate.search', { email: query.email.trim() }, candidateListResponse, true);
        return found.results.map((candidate) => mapCandidate(candidate));
      }
      if (query.linkedinUrl?.trim()) {
        // candidate.search takes only email and name, and a LinkedIn URL names neither reliably (the slug is not the
        // name), so this reads every candidate, 100 a page, and compares normalized URLs. Cost: one request per 100
        // candidates (10,000 candidates ≈ 100 requests, about 20 s at 5 a second). Callers ask by email first.
        const wanted = normalizeLinkedinUrl(query.linkedinUrl);
        // https://developers.ashbyhq.com/reference/candidatelist
        const candidates = await listAll('candidate.list', {}, candidateSchema);
        return candidates
          .filter((candidate) => {
            const url = linkedinUrlOf(candidate);
            return url !== undefined && normalizeLinkedinUrl(url) === wanted;
          })
          .map((candidate) => mapCandidate(candidate));
      }
      if (query.name?.trim()) {
        // https://developers.ashbyhq.com/reference/candidatesearch
        const found = await call('candidate.search', { name: query.name.trim() }, candidateListResponse, true);
        return found.results.map((candidate) => mapCandidate(candidate));
      }
      throw invalidInput('Give an email, a LinkedIn URL or a name to look for.');
    },

    async createCandidate(input): Promise<Candidate> {
      const [email, ...alternateEmails] = input.emails;
      // Not sent: `location` (Ashby wants city/region/country and a free-text split could be refused), headline and
      // company (no such fields on create), and jobId (createApplication does that). The profile note carries them.
      const body = compact({
        name: input.name || [input.firstName, input.lastName].filter(Boolean).join(' '),
        email,
        alternateEmailAddresses: alternateEmails.length > 0 ? alternateEmails : undefined,
        phoneNumber: input.phones[0],
        linkedInUrl: input.linkedinUrl,
        // Credits the person exporting as the candidate's source.
        creditedToUserId: input.performAs,
      });
      // https://developers.ashbyhq.com/reference/candidatecreate
      const created = (await call('candidate.create', body, candidateResponse, false)).results;
      return mapCandidate(created);
    },

    async createApplication(input) {
      // Ashby creates the person with candidate.create first; a resume goes through uploadResume.
      if (!input.candidateId) throw invalidInput('Create the candidate in Ashby before adding them to a job.');
      const body = compact({ candidateId: input.candidateId, jobId: input.jobId, creditedToUserId: input.performAs });
      // https://developers.ashbyhq.com/reference/applicationcreate
      const created = (await call('application.create', body, applicationResponse, false)).results;
      return mapApplication(created);
    },

    async uploadResume({ candidateId, file }) {
      // The multipart form of candidate.uploadResume, not the presigned file-handle flow: it only touches
      // api.ashbyhq.com, while the presigned upload host is UNCONFIRMED and would need its own host permission.
      const form = new FormData();
      form.append('candidateId', candidateId);
      form.append('resume', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      // https://developers.ashbyhq.com/reference/candidateuploadresume
      await call('candidate.uploadResume', form, uploadResumeResponse, false);
    },

    async listFeedbackForms() {
      // https://developers.ashbyhq.com/reference/feedbackformdefinitionlist
      const forms = await listAll(
        'feedbackFormDefinition.list',
        { includeArchived: false },
        feedbackFormDefinitionSchema,
      );
      return forms.filter((form) => !form.isArchived).map(mapFeedbackForm);
    },

    async getFeedbackContext({ interviewId, candidateId, performAs }) {
      // The briefing id in the feedback page URL is taken as the interview event id (UNCONFIRMED, ashby-api.md §9)
      // and confirmed by finding that event among the candidate's interview schedules.
      const candidate = candidateId ? await client.getCandidateContext({ candidateId }) : undefined;
      const scopes = candidate
        ? candidate.applications.map((application) => ({ applicationId: application.id }))
        : [{}];
      // Stops at the first schedule holding the event: each further one may cost an interviewEvent.list call.
      const findEvent = async (): Promise<{ event: AshbyInterviewEvent; applicationId: string } | undefined> => {
        for (const scope of scopes) {
          // https://developers.ashbyhq.com/reference/interviewschedulelist
          const schedules = await listAll('interviewSchedule.list', scope, interviewScheduleListItemSchema);
          for (const schedule of schedules) {
            const events =
              schedule.interviewEvents ??
              // https://developers.ashbyhq.com/reference/intervieweventlist
              (await listAll('interviewEvent.list', { interviewScheduleId: schedule.id }, interviewEventSchema));
            const event = events.find((each) => each.id === interviewId);
            if (event) return { event, applicationId: schedule.applicationId };
          }
        }
        return undefined;
      };
      const found = await findEvent();
      if (!found) {
        throw new SidecarError({
          kind: 'not-found',
          provider: 'ashby',
          message: 'Ashby has no interview for this feedback page among the candidate’s interview schedules.',
        });
      }
      const { event, applicationId } = found;
      // https://developers.ashbyhq.com/reference/interviewinfo
      const interview = event.interviewId
        ? (await call('interview.info', { id: event.interviewId }, interviewResponse, true)).results
        : undefined;
      let formId = interview?.feedbackFormDefinitionId ?? undefined;
      if (!formId) {
        // An interview without its own form uses the organisation's default form.
        // https://developers.ashbyhq.com/reference/feedbackformdefinitionlist
        const forms = await listAll('feedbackFormDefinition.list', {}, feedbackFormDefinitionSchema);
        formId = forms.find((form) => form.isDefaultForm && !form.isArchived)?.id;
      }
      if (!formId) throw invalidInput('This Ashby interview has no feedback form.');
      // https://developers.ashbyhq.com/reference/feedbackformdefinitioninfo
      const form = (
        await call(
          'feedbackFormDefinition.info',
          { feedbackFormDefinitionId: formId },
          feedbackFormDefinitionResponse,
          true,
        )
      ).results;
      const person =
        candidate ??
        (await client.getCandidateContext({ candidateId: (await applicationInfo(applicationId)).candidate.id }));
      return {
        candidateId: person.candidate.id,
        candidateName: person.candidate.name,
        applicationId,
        interview: {
          id: event.id,
          ...(interview?.title ? { title: interview.title } : {}),
          ...(event.startTime ? { start: event.startTime } : {}),
          ...(event.endTime ? { end: event.endTime } : {}),
        },
        form: mapFeedbackForm(form),
        alreadySubmitted: event.hasSubmittedFeedback ?? false,
        ...(performAs
          ? event.interviewers && !event.interviewers.some((interviewer) => interviewer.id === performAs)
            ? {
                submitBlocked:
                  'Ashby takes feedback on this interview only from its interviewers, and you are not one.',
              }
            : {}
          : { submitBlocked: performAsMessage }),
      };
    },

    async listFeedback({ applicationId }) {
      // https://developers.ashbyhq.com/reference/applicationfeedbacklist
      const feedback = await listAll('applicationFeedback.list', { applicationId }, applicationFeedbackSchema);
      return feedback.map((each) => ({
        id: each.id,
        ...(each.interviewEventId ? { interviewId: each.interviewEventId } : {}),
        ...(each.submittedByUser ? { userId: each.submittedByUser.id } : {}),
        submittedAt: each.submittedAt ?? '',
      }));
    },

    async submitFeedback(input) {
      // Tied to an interview event, Ashby requires the submitting interviewer's user id. The briefing id in the
      // feedback page URL is taken as the interview event id (UNCONFIRMED, ashby-api.md §9).
      if (input.interviewId && !input.performAs) throw invalidInput(performAsMessage);
      // The field types decide each value's shape, so the form is read first.
      // https://developers.ashbyhq.com/reference/feedbackformdefinitioninfo
      const form = (
        await call(
          'feedbackFormDefinition.info',
          { feedbackFormDefinitionId: input.formId },
          feedbackFormDefinitionResponse,
          true,
        )
      ).results;
      const fields = new Map(
        form.formDefinition.sections.flatMap((section) =>
          section.fields.map((entry) => [entry.field.path, entry.field]),
        ),
      );
      const fieldSubmissions = input.values
        .filter((entry) => entry.value !== null)
        .map(({ fieldId, value }) => {
          const field = fields.get(fieldId);
          if (!field) throw invalidInput(`The Ashby form "${form.title}" has no field ${fieldId}.`);
          try {
            return { path: fieldId, value: toFieldSubmissionValue(field, value as NonNullable<typeof value>) };
          } catch (error) {
            if (error instanceof FeedbackValueError) {
              throw new SidecarError({ kind: 'invalid-input', provider: 'ashby', message: error.message, fieldId });
            }
            throw error;
          }
        });
      const body = compact({
        formDefinitionId: input.formId,
        applicationId: input.applicationId,
        feedbackForm: { fieldSubmissions },
        // Without an event Ashby would file the feedback as the key's user; with performAs it is the interviewer's.
        userId: input.performAs,
        interviewEventId: input.interviewId,
      });
      try {
        // https://developers.ashbyhq.com/reference/applicationfeedbacksubmit
        const submitted = (await call('applicationFeedback.submit', body, feedbackSubmissionResponse, false)).results;
        return { id: submitted.submittedFormInstance.id };
      } catch (error) {
        throw attributeToField(error, mapFeedbackForm(form).fields);
      }
    },

    async moveToStage(input) {
      // https://developers.ashbyhq.com/reference/applicationchangestage
      const moved = (
        await call(
          'application.changeStage',
          { applicationId: input.applicationId, interviewStageId: input.stageId },
          applicationResponse,
          false,
        )
      ).results;
      // The note is a second call: Ashby notes are candidate-level and changeStage takes none.
      if (input.note?.trim()) await postNote(moved.candidate.id, { type: 'text/plain', value: input.note });
      return mapApplication(moved);
    },

    async scheduleInterview(input) {
      // interviewSchedule.create has no location or meeting-link field, so `location` is not sent (extraData is
      // "for your own use" and not shown to people, UNCONFIRMED); `title` is not sent either, as Ashby names the
      // event after the interview type (the organisation's default when no interviewId is given).
      const body = {
        applicationId: input.applicationId,
        interviewEvents: [
          { startTime: input.start, endTime: input.end, interviewers: [{ email: input.interviewerEmail }] },
        ],
      };
      // https://developers.ashbyhq.com/reference/interviewschedulecreate
      const schedule = (await call('interviewSchedule.create', body, interviewScheduleResponse, false)).results;
      const event = schedule.interviewEvents[0];
      return {
        id: schedule.id,
        applicationId: schedule.applicationId,
        start: event?.startTime ?? input.start,
        end: event?.endTime ?? input.end,
      };
    },
  };
  return client;
}
