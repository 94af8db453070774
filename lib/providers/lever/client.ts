import { z } from 'zod';
import { SidecarError } from '@/lib/core/errors';
import type {
  FeedbackFieldValue,
  Application,
  AtsUser,
  Candidate,
  CandidateContext,
  FeedbackFormDefinition,
  Job,
  KeyCheck,
  MissingPermission,
  Note,
  Stage,
} from '@/lib/core/types';
import { createRateLimiter, systemClock, type BucketRule } from '@/lib/http/rate-limiter';
import { createHttpClient, type QueryValue, type VendorError } from '@/lib/http/request';
import type { AtsClient, ClientDependencies, NewCandidate } from '../contracts';
import { attributeToField } from '../feedback-errors';
import {
  mapApplication,
  mapFeedbackTemplate,
  mapNote,
  mapOpportunity,
  mapPosting,
  mapStage,
  mapUser,
  normalizeLinkedinUrl,
  postingIdOf,
} from './mapping';
import {
  leverArchiveReasonSchema,
  leverCreatedNoteSchema,
  leverCreatedOpportunitySchema,
  leverCreatedPanelSchema,
  leverErrorSchema,
  leverFeedbackSchema,
  leverInterviewDetailSchema,
  leverFeedbackTemplateSchema,
  leverFileSchema,
  leverInterviewSchema,
  leverItem,
  leverNoteSchema,
  leverOpportunitySchema,
  leverPage,
  leverPostingSchema,
  leverStageSchema,
  leverUserSchema,
  type LeverApplication,
  type LeverFeedbackField,
  type LeverOpportunity,
} from './schemas';

export interface LeverConnection {
  key: string;
}

export interface LeverClientOptions {
  /** Items per list page, 1..100 (Lever's maximum and default is 100). Tests lower it to cross page boundaries. */
  pageSize?: number;
}

/** Lever's token bucket per key: 10 requests/s steady, bursts of 20 (lever-api.md §2). */
export const leverRateRules: BucketRule[] = [{ capacity: 20, refillPerSecond: 10 }];

const baseUrl = 'https://api.lever.co/v1';

/** Lever has no success-with-error shape: an error body only means failure on an error status. */
export function readLeverError(body: unknown, status: number): VendorError | undefined {
  if (status < 400) return undefined;
  const parsed = leverErrorSchema.safeParse(body);
  return parsed.success ? { code: parsed.data.code, message: parsed.data.message } : undefined;
}

function basicAuthorization(key: string): string {
  const bytes = new TextEncoder().encode(`${key}:`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

const performAsMessage = 'Set your work email in Sidecar Options so Sidecar can act as you in Lever.';

// Lever's key permission labels (shared/reference/lever-api.md §1, "Find all feedback templates"); the other read
// labels follow the same pattern but are UNCONFIRMED, so the OAuth scope is named alongside for admins who look it up.
const readProbes: Array<{ permission: string; why: string; path: string; query?: Record<string, QueryValue> }> = [
  // https://hire.lever.co/developer/documentation#list-all-users
  {
    permission: 'Find all users (users:read)',
    why: 'Sidecar cannot show owners and interviewers or find your own Lever user.',
    path: '/users',
    query: { limit: 1 },
  },
  // https://hire.lever.co/developer/documentation#list-all-opportunities
  {
    permission: 'Find all opportunities (opportunities:read)',
    why: 'Sidecar cannot show candidates or check whether a LinkedIn profile is already in Lever.',
    path: '/opportunities',
    query: { limit: 1 },
  },
  // https://hire.lever.co/developer/documentation#list-all-postings
  {
    permission: 'Find all postings (postings:read)',
    why: 'Sidecar cannot list jobs or show which job an application is for.',
    path: '/postings',
    query: { limit: 1 },
  },
  // https://hire.lever.co/developer/documentation#list-all-stages
  {
    permission: 'Find all stages (stages:read)',
    why: 'Sidecar cannot show pipeline stages or move candidates between them.',
    path: '/stages',
  },
  // https://hire.lever.co/developer/documentation#list-all-feedback-templates
  {
    permission: 'Find all feedback templates (feedback_templates:read)',
    why: 'Sidecar cannot read scorecard forms, so it cannot submit interview feedback.',
    path: '/feedback_templates',
  },
];

const notesProbe = {
  permission: 'Find all opportunity notes (notes:read)',
  why: 'Sidecar cannot show notes or call summaries already in Lever.',
};

type FieldValue = FeedbackFieldValue | null;

/** Largest number of list-and-filter matches read in full; a name shared by more people is not a useful match. */
const maxNameMatches = 25;

export function createLeverClient(
  connection: LeverConnection,
  dependencies: ClientDependencies = {},
  options: LeverClientOptions = {},
): AtsClient {
  const clock = dependencies.clock ?? systemClock;
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const http = createHttpClient({
    provider: 'lever',
    baseUrl,
    headers: async () => ({ Authorization: basicAuthorization(connection.key) }),
    limiter: dependencies.limiter ?? createRateLimiter(leverRateRules, clock),
    readVendorError: readLeverError,
    fetch: dependencies.fetch,
    clock,
    random: dependencies.random,
  });

  const fail = (kind: 'invalid-input' | 'invalid-response' | 'not-found', message: string, fieldId?: string): never => {
    throw new SidecarError({ kind, provider: 'lever', message, ...(fieldId ? { fieldId } : {}) });
  };

  function requirePerformAs(performAs: string | undefined): string {
    if (!performAs) fail('invalid-input', performAsMessage);
    return performAs as string;
  }

  /**
   * Follows `next` until `hasNext` is false. The token is opaque (real ones are already URL-encoded JSON) and goes
   * back untouched as `offset`; a token seen before means the server is looping, which is reported, not followed.
   */
  async function listAll<T>(
    path: string,
    item: z.ZodType<T>,
    query: Record<string, QueryValue> = {},
    paginated = true,
  ): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let offset: string | undefined;
    for (;;) {
      const page = await http.request({
        method: 'GET',
        path,
        query: { ...query, ...(paginated ? { limit: pageSize } : {}), offset },
        schema: leverPage(item),
      });
      items.push(...page.data);
      if (!page.hasNext) return items;
      if (!page.next) return fail('invalid-response', `${path}: hasNext is true but there is no next token`);
      if (seen.has(page.next)) return fail('invalid-response', `${path}: the server repeated a page token`);
      seen.add(page.next);
      offset = page.next;
    }
  }

  /** A lookup that may legitimately be missing or hidden from this key: the caller shows less instead of failing. */
  async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof SidecarError && (error.data.kind === 'not-found' || error.data.kind === 'permission')) {
        return undefined;
      }
      throw error;
    }
  }

  async function getOpportunity(opportunityId: string): Promise<LeverOpportunity> {
    // https://hire.lever.co/developer/documentation#retrieve-a-single-opportunity
    const body = await http.request({
      method: 'GET',
      path: `/opportunities/${encodeURIComponent(opportunityId)}`,
      query: { expand: ['applications', 'stage', 'owner'] },
      schema: leverItem(leverOpportunitySchema),
    });
    return body.data;
  }

  async function buildContext(opportunity: LeverOpportunity): Promise<CandidateContext> {
    const stage =
      opportunity.stage && typeof opportunity.stage !== 'string'
        ? mapStage(opportunity.stage)
        : opportunity.stage
          ? await optional(async () => {
              // https://hire.lever.co/developer/documentation#retrieve-a-single-stage
              const body = await http.request({
                method: 'GET',
                path: `/stages/${encodeURIComponent(opportunity.stage as string)}`,
                schema: leverItem(leverStageSchema),
              });
              return mapStage(body.data);
            })
          : undefined;
    const reasonId = opportunity.archived?.reason;
    const archiveType = reasonId
      ? await optional(async () => {
          // https://hire.lever.co/developer/documentation#retrieve-a-single-archive-reason
          const body = await http.request({
            method: 'GET',
            path: `/archive_reasons/${encodeURIComponent(reasonId)}`,
            schema: leverItem(leverArchiveReasonSchema),
          });
          return body.data.type;
        })
      : undefined;
    const applications: Application[] = [];
    for (const entry of opportunity.applications) {
      const application: LeverApplication = typeof entry === 'string' ? { id: entry } : entry;
      const postingId = postingIdOf(application);
      const jobTitle = postingId
        ? await optional(async () => {
            // https://hire.lever.co/developer/documentation#retrieve-a-single-posting
            const body = await http.request({
              method: 'GET',
              path: `/postings/${encodeURIComponent(postingId)}`,
              schema: leverItem(leverPostingSchema),
            });
            return body.data.text;
          })
        : undefined;
      applications.push(
        mapApplication(opportunity, application, {
          ...(jobTitle ? { jobTitle } : {}),
          ...(stage ? { stage } : {}),
          ...(archiveType ? { archiveType } : {}),
        }),
      );
    }
    const only = applications.length === 1 ? applications[0] : undefined;
    return {
      candidate: mapOpportunity(opportunity),
      applications,
      ...(only ? { focusApplicationId: only.id } : {}),
    };
  }

  async function createOpportunity(body: Record<string, unknown>, performAs: string): Promise<LeverOpportunity> {
    // https://hire.lever.co/developer/documentation#create-an-opportunity
    const created = await http.request({
      method: 'POST',
      path: '/opportunities',
      query: { perform_as: performAs },
      body,
      schema: leverCreatedOpportunitySchema,
    });
    return created.data;
  }

  async function findUserByEmail(email: string): Promise<AtsUser | undefined> {
    // https://hire.lever.co/developer/documentation#list-all-users
    const users = await listAll('/users', leverUserSchema, { email });
    const user = users[0];
    return user ? mapUser(user) : undefined;
  }

  async function getTemplate(templateId: string) {
    // https://hire.lever.co/developer/documentation#retrieve-a-feedback-template
    const body = await http.request({
      method: 'GET',
      path: `/feedback_templates/${encodeURIComponent(templateId)}`,
      // Real answers are wrapped in `data`; the docs print this one bare, so both are read.
      schema: z.union([
        leverItem(leverFeedbackTemplateSchema),
        leverFeedbackTemplateSchema.transform((data) => ({ data })),
      ]),
    });
    return body.data;
  }

  const client: AtsClient = {
    provider: 'lever',
    unsupported: {},

    async verifyKey(): Promise<KeyCheck> {
      const missing: MissingPermission[] = [];
      // Lever has no key-info endpoint, so write permissions cannot be seen without writing; only reads are probed.
      const probe = async (read: () => Promise<unknown>, permission: MissingPermission): Promise<'ok' | 'auth'> => {
        try {
          await read();
          return 'ok';
        } catch (error) {
          if (!(error instanceof SidecarError)) throw error;
          if (error.data.kind === 'auth') return 'auth';
          if (error.data.kind !== 'permission') throw error;
          missing.push(permission);
          return 'ok';
        }
      };
      let firstOpportunityId: string | undefined;
      for (const { permission, why, path, query } of readProbes) {
        const result = await probe(
          async () => {
            // The endpoint and its documentation link are in readProbes above.
            const page = await http.request({
              method: 'GET',
              path,
              query,
              schema: leverPage(z.object({ id: z.string() })),
            });
            if (path === '/opportunities') firstOpportunityId = page.data[0]?.id;
          },
          { permission, why },
        );
        if (result === 'auth') return { valid: false, missing: [] };
      }
      // Notes are per opportunity: probing needs one, and an empty account has nothing to probe with.
      if (firstOpportunityId) {
        const opportunityId = firstOpportunityId;
        await probe(
          () =>
            // https://hire.lever.co/developer/documentation#list-all-notes
            http.request({
              method: 'GET',
              path: `/opportunities/${encodeURIComponent(opportunityId)}/notes`,
              query: { limit: 1 },
              schema: leverPage(z.object({ id: z.string() })),
            }),
          notesProbe,
        );
      }
      return { valid: true, missing };
    },

    async getCandidateContext(ids) {
      if (!ids.candidateId) return fail('invalid-input', 'This Lever page does not name a candidate.');
      return buildContext(await getOpportunity(ids.candidateId));
    },

    async listOpenJobs(): Promise<Job[]> {
      // Open = published on any job site, or internal ("unlisted"), which still takes candidates. A published
      // listing without distributionChannel returns only the public job site's postings, hence both channels.
      // https://hire.lever.co/developer/documentation#list-all-postings
      const published = await listAll('/postings', leverPostingSchema, {
        state: 'published',
        distributionChannel: ['public', 'internal'],
      });
      // https://hire.lever.co/developer/documentation#list-all-postings
      const unlisted = await listAll('/postings', leverPostingSchema, { state: 'internal' });
      const seen = new Set<string>();
      return [...published, ...unlisted]
        .filter((posting) => !seen.has(posting.id) && seen.add(posting.id))
        .map(mapPosting);
    },

    async listUsers(): Promise<AtsUser[]> {
      // Active users only: Lever leaves deactivated ones out unless includeDeactivated is set.
      // https://hire.lever.co/developer/documentation#list-all-users
      const users = await listAll('/users', leverUserSchema);
      return users.filter((user) => !user.deactivatedAt).map(mapUser);
    },

    async listStages(): Promise<Stage[]> {
      // Lever has one pipeline per account, returned in pipeline order, so every application shares it.
      // https://hire.lever.co/developer/documentation#list-all-stages
      const stages = await listAll('/stages', leverStageSchema, {}, false);
      return stages.map((stage, index) => mapStage(stage, index));
    },

    async listNotes({ candidateId }): Promise<Note[]> {
      // https://hire.lever.co/developer/documentation#list-all-notes
      const notes = await listAll(`/opportunities/${encodeURIComponent(candidateId)}/notes`, leverNoteSchema, {
        expand: 'user',
      });
      return notes.filter((note) => !note.deletedAt).map((note) => mapNote(note, candidateId));
    },

    async createNote({ candidateId, text, performAs }): Promise<Note> {
      // Lever notes are plain text; `html` is for ATSs that take rich text. perform_as is optional here: without it
      // the note has no author, so it is passed whenever Sidecar knows the user.
      // https://hire.lever.co/developer/documentation#create-a-note
      const body = await http.request({
        method: 'POST',
        path: `/opportunities/${encodeURIComponent(candidateId)}/notes`,
        query: { perform_as: performAs || undefined },
        body: { value: text },
        schema: leverItem(leverCreatedNoteSchema),
      });
      const createdAt = body.data.createdAt ?? clock.now();
      return {
        provider: 'lever',
        id: (body.data.noteId ?? body.data.id) as string,
        candidateId,
        text,
        createdAt: new Date(createdAt).toISOString(),
      };
    },

    async findCandidates(query): Promise<Candidate[]> {
      if (query.email) {
        // Lever matches the canonicalized contact email server-side.
        // https://hire.lever.co/developer/documentation#list-all-opportunities
        // Confidential opportunities stay out (Lever's default): asking for them fails for keys without that access.
        const opportunities = await listAll('/opportunities', leverOpportunitySchema, { email: query.email.trim() });
        return opportunities.map(mapOpportunity);
      }
      if (query.linkedinUrl || query.name) {
        // Lever has no filter for links or names, so this lists every opportunity and filters here: one request per
        // 100 opportunities (a 20,000-candidate account is 200 requests, ~20 s at Lever's 10/s). Callers try email
        // first and come here only when they have no email.
        const wantedUrl = query.linkedinUrl ? normalizeLinkedinUrl(query.linkedinUrl) : undefined;
        if (query.linkedinUrl && !wantedUrl) return fail('invalid-input', 'That LinkedIn URL is not a valid URL.');
        const wantedName = query.name?.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
        // https://hire.lever.co/developer/documentation#list-all-opportunities
        const opportunities = await listAll('/opportunities', leverOpportunitySchema);
        const matches = opportunities.filter((opportunity) =>
          wantedUrl
            ? opportunity.links.some((link) => normalizeLinkedinUrl(link) === wantedUrl)
            : opportunity.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === wantedName,
        );
        return matches.slice(0, maxNameMatches).map(mapOpportunity);
      }
      return fail('invalid-input', 'Search Lever by email, LinkedIn URL or name.');
    },

    async createCandidate(input: NewCandidate & { jobId?: string; performAs?: string }): Promise<Candidate> {
      const performAs = requirePerformAs(input.performAs);
      const opportunity = await createOpportunity(
        {
          name: input.name,
          ...(input.headline ? { headline: input.headline } : {}),
          ...(input.location ? { location: input.location } : {}),
          emails: input.emails,
          phones: input.phones.map((value) => ({ value })),
          links: input.linkedinUrl ? [input.linkedinUrl] : [],
          sources: ['LinkedIn'],
          origin: 'sourced',
          // One posting per request: Lever rejects more than one.
          ...(input.jobId ? { postings: [input.jobId] } : {}),
        },
        performAs,
      );
      return mapOpportunity(opportunity);
    },

    async createApplication({ candidateId, jobId, performAs }): Promise<Application> {
      const actingUser = requirePerformAs(performAs);
      if (!candidateId) return fail('invalid-input', 'Lever needs an existing candidate to add a job to.');
      // An opportunity holds at most one application and no endpoint adds a posting to it, so a new job means a new
      // opportunity on the same contact (the person), which is how Lever itself applies someone to a second job.
      const existing = await getOpportunity(candidateId);
      if (!existing.contact) return fail('invalid-response', 'field data.contact: the opportunity has no contact');
      const created = await createOpportunity({ contact: existing.contact, postings: [jobId] }, actingUser);
      const context = await buildContext(await getOpportunity(created.id));
      const application =
        context.applications.find((candidate) => candidate.jobId === jobId) ?? context.applications[0];
      if (!application) return fail('invalid-response', 'Lever created the opportunity without an application');
      return application;
    },

    async uploadResume({ candidateId, file, performAs }): Promise<void> {
      const actingUser = requirePerformAs(performAs);
      const form = new FormData();
      form.append('file', new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
      // Only create-opportunity takes a `resumeFile`; for an existing opportunity the resume is uploaded as a file.
      // https://hire.lever.co/developer/documentation#upload-a-single-file
      await http.request({
        method: 'POST',
        path: `/opportunities/${encodeURIComponent(candidateId)}/files`,
        query: { perform_as: actingUser },
        body: form,
        schema: leverItem(leverFileSchema),
      });
    },

    async listFeedbackForms(): Promise<FeedbackFormDefinition[]> {
      // Not paginated by Lever (no limit is sent), but `next` is still followed if one ever comes back.
      // https://hire.lever.co/developer/documentation#list-all-feedback-templates
      const templates = await listAll('/feedback_templates', leverFeedbackTemplateSchema, {}, false);
      // "no-feedback" is the built-in "no feedback needed" placeholder, not a form anyone fills in.
      return templates
        .filter((template) => !template.deletedAt && template.id !== 'no-feedback')
        .map(mapFeedbackTemplate);
    },

    async getFeedbackContext({ interviewId, candidateId, performAs }) {
      // Lever reads interviews only under their opportunity (lever-api.md §5), so the page's candidate link is needed.
      if (!candidateId) {
        return fail(
          'invalid-input',
          'This Lever interview page does not link to its candidate, so Sidecar cannot find it.',
        );
      }
      // https://hire.lever.co/developer/documentation#retrieve-a-single-interview
      const interview = (
        await http.request({
          method: 'GET',
          path: `/opportunities/${encodeURIComponent(candidateId)}/interviews/${encodeURIComponent(interviewId)}`,
          schema: leverItem(leverInterviewDetailSchema),
        })
      ).data;
      // The interviewer's own template wins over the interview's (lever-api.md §5).
      const templateId =
        interview.interviewers?.find((interviewer) => interviewer.id === performAs)?.feedbackTemplate ??
        interview.feedbackTemplate;
      if (!templateId || templateId === 'no-feedback')
        return fail('invalid-input', 'This Lever interview asks for no feedback form.');
      const [template, context] = await Promise.all([
        getTemplate(templateId),
        client.getCandidateContext({ candidateId }),
      ]);
      const application = context.applications[0];
      if (!application) return fail('not-found', 'The candidate has no application in Lever.');
      // `feedbackForms` lists the interview's submitted forms: only then is there anything to tell apart.
      const submitted = interview.feedbackForms?.length
        ? await client.listFeedback({ candidateId, applicationId: application.id })
        : [];
      const start = interview.date ?? undefined;
      return {
        candidateId,
        candidateName: context.candidate.name,
        applicationId: application.id,
        interview: {
          id: interview.id,
          ...(interview.subject ? { title: interview.subject } : {}),
          ...(start ? { start: new Date(start).toISOString() } : {}),
          ...(start && interview.duration ? { end: new Date(start + interview.duration * 60_000).toISOString() } : {}),
        },
        form: mapFeedbackTemplate(template),
        ...(performAs ? {} : { submitBlocked: performAsMessage }),
        alreadySubmitted: submitted.some(
          (each) => each.interviewId === interview.id && (!performAs || each.userId === performAs),
        ),
      };
    },

    async listFeedback({ candidateId }) {
      // https://hire.lever.co/developer/documentation#list-all-feedback
      const feedback = await listAll(`/opportunities/${encodeURIComponent(candidateId)}/feedback`, leverFeedbackSchema);
      return feedback
        .filter((each) => !each.deletedAt)
        .map((each) => ({
          id: each.id,
          ...(each.interview ? { interviewId: each.interview } : {}),
          ...(each.user ? { userId: each.user } : {}),
          submittedAt: each.createdAt ? new Date(each.createdAt).toISOString() : '',
        }));
    },

    async submitFeedback({ candidateId, formId, interviewId, values, performAs }) {
      const actingUser = requirePerformAs(performAs);
      // Field ids change whenever a template is edited, so the template is read fresh, never from a cache.
      const template = await getTemplate(formId);
      const fieldValues = toFieldValues(template.fields, values);
      let panel: string | undefined;
      if (interviewId) {
        // Lever needs the panel with the interview, both or neither.
        // https://hire.lever.co/developer/documentation#retrieve-a-single-interview
        const interview = await http.request({
          method: 'GET',
          path: `/opportunities/${encodeURIComponent(candidateId)}/interviews/${encodeURIComponent(interviewId)}`,
          schema: leverItem(leverInterviewSchema),
        });
        panel = interview.data.panel;
      }
      try {
        // https://hire.lever.co/developer/documentation#create-a-feedback-form
        const body = await http.request({
          method: 'POST',
          path: `/opportunities/${encodeURIComponent(candidateId)}/feedback`,
          query: { perform_as: actingUser },
          body: { baseTemplateId: template.id, ...(panel ? { panel, interview: interviewId } : {}), fieldValues },
          schema: leverItem(leverFeedbackSchema),
        });
        return { id: body.data.id };
      } catch (error) {
        throw attributeToField(error, mapFeedbackTemplate(template).fields);
      }
    },

    async moveToStage({ candidateId, applicationId, stageId, note, performAs }): Promise<Application> {
      // Stage belongs to the opportunity (one application each), so the application id only picks the result.
      // https://hire.lever.co/developer/documentation#update-opportunity-stage
      await http.request({
        method: 'PUT',
        path: `/opportunities/${encodeURIComponent(candidateId)}/stage`,
        query: { perform_as: performAs || undefined },
        body: { stage: stageId },
        schema: leverItem(z.object({ id: z.string() })),
      });
      if (note) await client.createNote({ candidateId, text: note, performAs });
      const context = await buildContext(await getOpportunity(candidateId));
      const application =
        context.applications.find((candidate) => candidate.id === applicationId) ?? context.applications[0];
      if (!application) return fail('not-found', 'The candidate has no application in Lever.');
      return application;
    },

    async scheduleInterview(input) {
      const actingUser = requirePerformAs(input.performAs);
      const start = Date.parse(input.start);
      const end = Date.parse(input.end);
      if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
        return fail('invalid-input', 'The interview needs a start before its end.');
      }
      const interviewer = await findUserByEmail(input.interviewerEmail);
      if (!interviewer) return fail('invalid-input', `No active Lever user has the email ${input.interviewerEmail}.`);
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      // Lever schedules through panels: one panel holding one interview.
      // https://hire.lever.co/developer/documentation#create-a-panel
      const panel = await http.request({
        method: 'POST',
        path: `/opportunities/${encodeURIComponent(input.candidateId)}/panels`,
        query: { perform_as: actingUser },
        body: {
          applications: [input.applicationId],
          timezone,
          interviews: [
            {
              ...(input.title ? { subject: input.title } : {}),
              interviewers: [{ id: interviewer.id }],
              date: start,
              duration: Math.max(1, Math.round((end - start) / 60_000)),
              ...(input.location ? { location: input.location } : {}),
            },
          ],
        },
        schema: leverCreatedPanelSchema,
      });
      const interview = panel.interviews[0];
      return {
        id: interview?.id ?? panel.id,
        applicationId: input.applicationId,
        start: new Date(interview?.date ?? panel.start ?? start).toISOString(),
        end: new Date(
          interview?.date && interview.duration ? interview.date + interview.duration * 60_000 : (panel.end ?? end),
        ).toISOString(),
      };
    },
  };

  /**
   * Turns Sidecar's values into Lever's `fieldValues` (lever-api.md §5): option fields take the option text exactly,
   * thumbs scores an integer 1-4, yes/no the strings "yes"/"no", dates epoch ms. Checks required fields first, because
   * Lever saves a form with missing values as already completed.
   */
  function toFieldValues(fields: LeverFeedbackField[], values: Array<{ fieldId: string; value: FieldValue }>) {
    const byId = new Map(fields.map((field) => [field.id, field]));
    const label = (field: LeverFeedbackField) => field.text || field.type;
    const result: Array<{ id: string; value: unknown }> = [];
    for (const { fieldId, value } of values) {
      const field = byId.get(fieldId);
      if (!field) return fail('invalid-input', `The Lever form has no field ${fieldId}; it may have been edited.`);
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      result.push({ id: field.id, value: coerce(field, value, label(field)) });
    }
    const answered = new Set(result.map((entry) => entry.id));
    const unanswered = fields.filter((field) => field.required && !answered.has(field.id));
    if (unanswered.length > 0) {
      return fail(
        'invalid-input',
        `Fill in the required fields: ${unanswered.map(label).join(', ')}.`,
        unanswered.length === 1 ? unanswered[0]?.id : undefined,
      );
    }
    return result;
  }

  function coerce(field: LeverFeedbackField, value: Exclude<FieldValue, null>, label: string): unknown {
    const options = (field.options ?? []).map((option) => option.text);
    const pick = (text: string) => {
      if (!options.includes(text)) fail('invalid-input', `“${text}” is not an option of “${label}”.`, field.id);
      return text;
    };
    switch (field.type) {
      case 'score-system':
      case 'dropdown':
      case 'multiple-choice':
        return pick(String(value));
      case 'multiple-select':
        return (Array.isArray(value) ? value.map(String) : [String(value)]).map(pick);
      case 'score': {
        const score = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
        if (!Number.isInteger(score) || score < 1 || score > 4)
          fail('invalid-input', `“${label}” takes a score 1-4.`, field.id);
        return score;
      }
      case 'yes-no': {
        const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).toLowerCase();
        if (text !== 'yes' && text !== 'no') fail('invalid-input', `“${label}” takes yes or no.`, field.id);
        return text;
      }
      case 'date': {
        const time = typeof value === 'number' ? value : Date.parse(String(value));
        if (Number.isNaN(time)) fail('invalid-input', `“${label}” takes a date.`, field.id);
        return time;
      }
      case 'currency': {
        const amount = typeof value === 'number' ? value : Number(String(value));
        if (!Number.isFinite(amount)) fail('invalid-input', `“${label}” takes a number.`, field.id);
        return amount;
      }
      case 'scorecard': {
        // One {score, comment} per skill, in the template's order; 0 is "not assessed" (lever-api.md §5).
        const skills = field.scores?.length ?? 0;
        const entries = Array.isArray(value) ? (value as unknown[]) : [];
        const valid =
          entries.length === skills &&
          entries.every(
            (entry) =>
              typeof entry === 'object' &&
              entry !== null &&
              [0, 1, 2, 3, 4].includes((entry as { score?: unknown }).score as number) &&
              typeof (entry as { comment?: unknown }).comment === 'string',
          );
        if (!valid)
          fail(
            'invalid-input',
            `“${label}” takes a score 0-4 and a comment for each of its ${skills} skills.`,
            field.id,
          );
        return entries;
      }
      default:
        return Array.isArray(value) ? value.join(', ') : String(value);
    }
  }

  return client;
}
