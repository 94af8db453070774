import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SandboxResponse } from '../http.ts';
import type { AtsData, SandboxData } from '../store.ts';
import { parseMultipart } from './multipart.ts';
import {
  applicationFeedbackPayload,
  applicationPayload,
  candidatePayload,
  departmentPayload,
  escapeHtml,
  interviewEventPayload,
  interviewPayload,
  interviewSchedulePayload,
  jobLocationPayload,
  jobPayload,
  notePayload,
  stagePayload,
  userPayload,
} from './payloads.ts';
import { listFields, notFound, page, parseBody, refusal, success } from './responses.ts';
import {
  ashbyState,
  findEvent,
  interviewPlanId,
  interviewPlanTitle,
  interviewTypeIds,
  type AshbyState,
  type FormField,
  type InterviewSchedule,
} from './state.ts';

export interface EndpointRequest {
  body: Record<string, unknown>;
  /** Set for multipart requests (candidate.uploadResume): the raw body and its content type. */
  multipart?: { contentType: string; raw: string };
  /** The user the API key acts as (Ashby attributes notes and default feedback to it). */
  keyUserId: string;
  keyTitle: string;
  keyScopes: string[];
}

interface Context {
  data: AtsData;
  state: AshbyState;
  request: EndpointRequest;
}

type Endpoint = (context: Context) => SandboxResponse;

const uuid = z.uuid();
const isoTime = z.iso.datetime({ offset: true });

function findCandidate(data: AtsData, id: string) {
  return data.candidates.find((each) => each.id === id);
}

function findApplication(data: AtsData, id: string) {
  return data.applications.find((each) => each.id === id);
}

const allowedNoteTags = new Set(['b', 'i', 'u', 'a', 'ul', 'ol', 'li', 'code', 'pre']);

/**
 * Ashby keeps `<b> <i> <u> <a> <ul> <ol> <li> <code> <pre>` in notes and strips other tags (ashby-api.md §7); script
 * and style elements go with their content, as HTML sanitizers do.
 */
function sanitizeNoteHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(\/?)([a-z0-9]+)([^>]*)>/gi, (_tag, slash: string, name: string, attributes: string) => {
      const tag = name.toLowerCase();
      if (!allowedNoteTags.has(tag)) return '';
      if (tag === 'a' && !slash) {
        const href = /\bhref\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
        return href ? `<a href="${href}">` : '<a>';
      }
      return `<${slash}${tag}>`;
    });
}

function textOf(html: string): string {
  return html
    .replace(/<\/?(li|ul|ol|pre)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function optionValues(field: FormField['field']): [string, ...string[]] {
  const values = (field.selectableValues ?? []).map((option) => option.value);
  // An option-less select takes nothing; a value no option has stands in so the enum refuses everything.
  return values.length > 0 ? (values as [string, ...string[]]) : [''];
}

function isCalendarDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

const optionList = (field: FormField['field']) =>
  (field.selectableValues ?? []).map((option) => JSON.stringify(option.value)).join(', ');

/** What `applicationFeedback.submit` takes for each field type (ashby-api.md §7), and how a refusal describes it. */
const feedbackValues: Record<
  string,
  { schema: (field: FormField['field']) => z.ZodType; expected: (field: FormField['field']) => string }
> = {
  Score: {
    schema: () => z.strictObject({ score: z.number().int().min(1).max(4) }),
    expected: () => '{score: 1..4}',
  },
  Boolean: { schema: () => z.boolean(), expected: () => 'true or false' },
  ValueSelect: { schema: (field) => z.enum(optionValues(field)), expected: (field) => `one of ${optionList(field)}` },
  MultiValueSelect: {
    schema: (field) => z.array(z.enum(optionValues(field))).min(1),
    expected: (field) => `an array of values from ${optionList(field)}`,
  },
  RichText: {
    schema: () => z.strictObject({ type: z.literal('PlainText'), value: z.string() }),
    expected: () => '{type: "PlainText", value: "..."}',
  },
  String: { schema: () => z.string(), expected: () => 'a string' },
  LongText: { schema: () => z.string(), expected: () => 'a string' },
  Number: { schema: () => z.number().int(), expected: () => 'an integer' },
  Date: { schema: () => z.string().refine(isCalendarDate), expected: () => 'a date as "YYYY-MM-DD"' },
};

function feedbackValueProblem(field: FormField['field'], value: unknown): string | undefined {
  const rule = feedbackValues[field.type];
  if (!rule || rule.schema(field).safeParse(value).success) return undefined;
  return `${field.path}: a ${field.type} field takes ${rule.expected(field)}`;
}

function findSchedule(state: AshbyState, id: string): InterviewSchedule | undefined {
  return state.schedules.find((each) => each.id === id);
}

const endpoints: Record<string, Endpoint> = {
  'apiKey.info': ({ request }) =>
    success({ title: request.keyTitle, createdAt: '2026-01-05T09:00:00.000Z', scopes: request.keyScopes }),

  'candidate.info': ({ data, state, request }) => {
    const parsed = parseBody(
      z.union([z.strictObject({ id: uuid }), z.strictObject({ externalMappingId: z.string().min(1) })]),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    if (!('id' in parsed.value)) return notFound('candidate', parsed.value.externalMappingId);
    const candidate = findCandidate(data, parsed.value.id);
    return candidate ? success(candidatePayload(candidate, data, state)) : notFound('candidate', parsed.value.id);
  },

  'candidate.search': ({ data, state, request }) => {
    const parsed = parseBody(
      z
        .strictObject({ email: z.string().min(1).optional(), name: z.string().min(1).optional() })
        .refine((body) => body.email !== undefined || body.name !== undefined, 'email or name is required'),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const { email, name } = parsed.value;
    // Criteria combine with AND; exact-vs-fuzzy is UNCONFIRMED: exact email, name contains, both case-insensitive.
    const matches = data.candidates.filter(
      (candidate) =>
        (email === undefined ||
          [candidate.email, ...(state.alternateEmails.get(candidate.id) ?? [])].some(
            (each) => each.toLowerCase() === email.toLowerCase(),
          )) &&
        (name === undefined || candidate.name.toLowerCase().includes(name.toLowerCase())),
    );
    return success(matches.slice(0, 100).map((candidate) => candidatePayload(candidate, data, state)));
  },

  'candidate.list': ({ data, state, request }) => {
    const parsed = parseBody(z.strictObject(listFields), request.body);
    if (!parsed.ok) return parsed.response;
    const after = parsed.value.createdAfter ?? 0;
    const candidates = data.candidates.filter((each) => Date.parse(each.createdAt) > after);
    return page('candidate.list', candidates, parsed.value, (each) => candidatePayload(each, data, state));
  },

  'candidate.listNotes': ({ data, state, request }) => {
    const parsed = parseBody(z.strictObject({ candidateId: uuid, ...listFields }), request.body);
    if (!parsed.ok) return parsed.response;
    const candidate = findCandidate(data, parsed.value.candidateId);
    if (!candidate) return notFound('candidate', parsed.value.candidateId);
    return page('candidate.listNotes', candidate.notes, parsed.value, (note) => notePayload(note, data, state));
  },

  'candidate.create': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        name: z.string().trim().min(1),
        email: z.email().optional(),
        phoneNumber: z.string().min(1).optional(),
        linkedInUrl: z.url().optional(),
        githubUrl: z.url().optional(),
        website: z.url().optional(),
        alternateEmailAddresses: z.array(z.email()).optional(),
        sourceId: uuid.optional(),
        creditedToUserId: uuid.optional(),
        location: z
          .strictObject({ city: z.string().optional(), region: z.string().optional(), country: z.string().optional() })
          .optional(),
        createdAt: isoTime.optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const input = parsed.value;
    if (input.creditedToUserId && !data.users.some((user) => user.id === input.creditedToUserId)) {
      return notFound('user', input.creditedToUserId);
    }
    // Whether Ashby de-duplicates by email is UNCONFIRMED; the sandbox creates a new record, as clients must search
    // first anyway.
    const candidate = {
      id: randomUUID(),
      name: input.name,
      email: input.email ?? '',
      phone: input.phoneNumber ?? '',
      location: [input.location?.city, input.location?.region, input.location?.country].filter(Boolean).join(', '),
      headline: '',
      company: '',
      ...(input.linkedInUrl ? { linkedInUrl: input.linkedInUrl } : {}),
      links: [input.githubUrl, input.website].filter((link): link is string => !!link),
      notes: [],
      createdAt: input.createdAt ?? new Date().toISOString(),
    };
    data.candidates.push(candidate);
    if (input.alternateEmailAddresses?.length) state.alternateEmails.set(candidate.id, input.alternateEmailAddresses);
    if (input.creditedToUserId) state.creditedTo.set(candidate.id, input.creditedToUserId);
    return success(candidatePayload(candidate, data, state));
  },

  'candidate.createNote': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        candidateId: uuid,
        note: z.union([
          z.string().trim().min(1),
          z.strictObject({ type: z.enum(['text/plain', 'text/html']), value: z.string().trim().min(1) }),
        ]),
        sendNotifications: z.boolean().optional(),
        isPrivate: z.boolean().optional(),
        createdAt: isoTime.optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const candidate = findCandidate(data, parsed.value.candidateId);
    if (!candidate) return notFound('candidate', parsed.value.candidateId);
    const note = parsed.value.note;
    const html =
      typeof note === 'string' || note.type === 'text/plain'
        ? escapeHtml(typeof note === 'string' ? note : note.value)
        : sanitizeNoteHtml(note.value);
    const stored = {
      id: randomUUID(),
      authorId: request.keyUserId,
      body: textOf(html),
      createdAt: parsed.value.createdAt ?? new Date().toISOString(),
    };
    candidate.notes.push(stored);
    state.noteHtml.set(stored.id, html);
    return success({ ...notePayload(stored, data, state), isPrivate: parsed.value.isPrivate ?? false });
  },

  'candidate.uploadResume': ({ data, state, request }) => {
    if (!request.multipart) {
      // The JSON form takes a handle from file.createFileUploadHandle, which the sandbox does not serve.
      const parsed = parseBody(z.strictObject({ candidateId: uuid, resumeHandle: z.string().min(1) }), request.body);
      if (!parsed.ok) return parsed.response;
      return refusal('invalid_input', `Unknown resumeHandle ${parsed.value.resumeHandle}`);
    }
    const parts = parseMultipart(request.multipart.contentType, request.multipart.raw);
    if (!parts) return refusal('invalid_input', 'The multipart body could not be read');
    const names = new Set(parts.map((part) => part.name));
    const unknown = [...names].find((name) => name !== 'candidateId' && name !== 'resume');
    if (unknown) return refusal('invalid_input', `Unrecognized field: ${unknown}`);
    const candidateId = parts.find((part) => part.name === 'candidateId' && part.filename === undefined)?.value;
    const resume = parts.find((part) => part.name === 'resume' && part.filename !== undefined);
    if (!candidateId) return refusal('invalid_input', 'candidateId: Required');
    if (!resume?.filename || resume.value.length === 0) return refusal('invalid_input', 'resume: a file is required');
    const candidate = findCandidate(data, candidateId);
    if (!candidate) return notFound('candidate', candidateId);
    state.resumes.set(candidate.id, {
      id: randomUUID(),
      name: resume.filename,
      handle: randomUUID(),
      contentType: resume.contentType ?? 'application/octet-stream',
      size: Buffer.byteLength(resume.value, 'utf8'),
    });
    state.updatedAt.set(candidate.id, new Date().toISOString());
    return success(candidatePayload(candidate, data, state));
  },

  'application.info': ({ data, state, request }) => {
    const parsed = parseBody(
      z.union([
        z.strictObject({
          applicationId: uuid,
          expand: z.array(z.enum(['openings', 'applicationFormSubmissions', 'referrals'])).optional(),
        }),
        z.strictObject({ submittedFormInstanceId: uuid }),
      ]),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    if (!('applicationId' in parsed.value)) return notFound('application', parsed.value.submittedFormInstanceId);
    const application = findApplication(data, parsed.value.applicationId);
    return application
      ? success(applicationPayload(application, data, state))
      : notFound('application', parsed.value.applicationId);
  },

  'application.create': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        candidateId: uuid,
        jobId: uuid,
        interviewPlanId: uuid.optional(),
        interviewStageId: z.union([uuid, z.literal('FirstPreInterviewScreen')]).optional(),
        sourceId: uuid.optional(),
        creditedToUserId: uuid.optional(),
        createdAt: isoTime.optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const input = parsed.value;
    if (!findCandidate(data, input.candidateId)) return notFound('candidate', input.candidateId);
    if (!data.jobs.some((job) => job.id === input.jobId)) return notFound('job', input.jobId);
    if (input.interviewPlanId && input.interviewPlanId !== interviewPlanId) {
      return notFound('interview_plan', input.interviewPlanId);
    }
    if (input.creditedToUserId && !data.users.some((user) => user.id === input.creditedToUserId)) {
      return notFound('user', input.creditedToUserId);
    }
    const stage =
      input.interviewStageId === undefined
        ? data.stages[0]
        : input.interviewStageId === 'FirstPreInterviewScreen'
          ? data.stages.find((each) => each.type === 'PreInterviewScreen')
          : data.stages.find((each) => each.id === input.interviewStageId);
    if (!stage) return notFound('interview_stage', input.interviewStageId ?? 'default');
    const application = {
      id: randomUUID(),
      candidateId: input.candidateId,
      jobId: input.jobId,
      stageId: stage.id,
      source: '',
      status: 'active' as const,
      ownerId: input.creditedToUserId ?? '',
      createdAt: input.createdAt ?? new Date().toISOString(),
    };
    data.applications.push(application);
    return success(applicationPayload(application, data, state));
  },

  'application.changeStage': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        applicationId: uuid,
        interviewStageId: uuid,
        archiveReasonId: uuid.optional(),
        archiveEmail: z.strictObject({ communicationTemplateId: uuid, sendAt: isoTime.optional() }).optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const application = findApplication(data, parsed.value.applicationId);
    if (!application) return notFound('application', parsed.value.applicationId);
    const stage = data.stages.find((each) => each.id === parsed.value.interviewStageId);
    if (!stage) return notFound('interview_stage', parsed.value.interviewStageId);
    if (parsed.value.archiveReasonId || parsed.value.archiveEmail) {
      return refusal(
        'invalid_input',
        'archiveReasonId and archiveEmail are only allowed when moving to an Archived stage',
      );
    }
    application.stageId = stage.id;
    state.updatedAt.set(application.id, new Date().toISOString());
    return success(applicationPayload(application, data, state));
  },

  'interviewPlan.list': ({ request }) => {
    const parsed = parseBody(z.strictObject({ includeArchived: z.boolean().optional(), ...listFields }), request.body);
    if (!parsed.ok) return parsed.response;
    const plan = {
      id: interviewPlanId,
      title: interviewPlanTitle,
      isArchived: false,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    return page('interviewPlan.list', [plan], parsed.value, (each) => each);
  },

  'interviewStage.list': ({ data, request }) => {
    const parsed = parseBody(z.strictObject({ interviewPlanId: uuid }), request.body);
    if (!parsed.ok) return parsed.response;
    if (parsed.value.interviewPlanId !== interviewPlanId)
      return notFound('interview_plan', parsed.value.interviewPlanId);
    // Not paginated: the whole plan in order, with moreDataAvailable always false (ashby-api.md §3).
    return success(
      data.stages.map((stage) => stagePayload(stage, data)),
      { moreDataAvailable: false },
    );
  },

  'job.list': ({ data, request }) => {
    const parsed = parseBody(
      z.strictObject({
        ...listFields,
        status: z.array(z.enum(['Draft', 'Open', 'Closed', 'Archived'])).optional(),
        openedAfter: z.number().int().optional(),
        openedBefore: z.number().int().optional(),
        closedAfter: z.number().int().optional(),
        closedBefore: z.number().int().optional(),
        includeUnpublishedJobPostingsIds: z.boolean().optional(),
        expand: z.array(z.enum(['location', 'openings'])).optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    // Drafts only when asked for; the sandbox has none.
    const statuses = parsed.value.status ?? ['Open', 'Closed', 'Archived'];
    const jobs = data.jobs.filter((job) => statuses.includes(job.status === 'open' ? 'Open' : 'Closed'));
    return page('job.list', jobs, parsed.value, (job) => jobPayload(job, data));
  },

  'department.list': ({ data, request }) => {
    const parsed = parseBody(z.strictObject({ includeArchived: z.boolean().optional(), ...listFields }), request.body);
    if (!parsed.ok) return parsed.response;
    const names = [...new Set(data.jobs.map((job) => job.department))];
    return page('department.list', names, parsed.value, departmentPayload);
  },

  'location.list': ({ data, request }) => {
    const parsed = parseBody(
      z.strictObject({
        includeArchived: z.boolean().optional(),
        includeLocationHierarchy: z.boolean().optional(),
        ...listFields,
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const names = [...new Set(data.jobs.map((job) => job.location))];
    return page('location.list', names, parsed.value, jobLocationPayload);
  },

  'user.list': ({ data, request }) => {
    const parsed = parseBody(
      z.strictObject({ includeDeactivated: z.boolean().optional(), ...listFields }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    return page('user.list', data.users, parsed.value, userPayload);
  },

  'feedbackFormDefinition.list': ({ state, request }) => {
    const parsed = parseBody(z.strictObject({ includeArchived: z.boolean().optional(), ...listFields }), request.body);
    if (!parsed.ok) return parsed.response;
    const forms = parsed.value.includeArchived ? state.forms : state.forms.filter((form) => !form.isArchived);
    return page('feedbackFormDefinition.list', forms, parsed.value, (form) => form);
  },

  'feedbackFormDefinition.info': ({ state, request }) => {
    const parsed = parseBody(z.strictObject({ feedbackFormDefinitionId: uuid }), request.body);
    if (!parsed.ok) return parsed.response;
    const form = state.forms.find((each) => each.id === parsed.value.feedbackFormDefinitionId);
    return form ? success(form) : notFound('feedback_form_definition', parsed.value.feedbackFormDefinitionId);
  },

  'applicationFeedback.submit': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        feedbackForm: z.strictObject({
          fieldSubmissions: z.array(z.strictObject({ path: z.string().min(1), value: z.unknown() })),
        }),
        formDefinitionId: uuid,
        applicationId: uuid,
        userId: uuid.optional(),
        interviewEventId: uuid.optional(),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const input = parsed.value;
    const form = state.forms.find((each) => each.id === input.formDefinitionId);
    if (!form) return notFound('feedback_form_definition', input.formDefinitionId);
    const application = findApplication(data, input.applicationId);
    if (!application) return notFound('application', input.applicationId);
    if (input.userId && !data.users.some((user) => user.id === input.userId)) return notFound('user', input.userId);
    if (input.interviewEventId) {
      // With an event, userId is required and must be one of the event's interviewers (ashby-api.md §7).
      const found = findEvent(state, input.interviewEventId);
      if (!found || found.schedule.applicationId !== application.id) {
        return notFound('interview_event', input.interviewEventId);
      }
      if (!input.userId) return refusal('invalid_input', 'userId is required with interviewEventId');
      if (!found.event.interviewers.some((interviewer) => interviewer.userId === input.userId)) {
        return refusal('invalid_input', 'userId must be an interviewer on the interview event');
      }
    }
    const fields = new Map(
      form.formDefinition.sections.flatMap((section) => section.fields.map((each) => [each.field.path, each])),
    );
    const submittedValues: Record<string, unknown> = {};
    for (const submission of input.feedbackForm.fieldSubmissions) {
      const entry = fields.get(submission.path);
      if (!entry) return refusal('invalid_input', `Unknown field path ${submission.path}`);
      if (submission.path in submittedValues) {
        return refusal('invalid_input', `Duplicate field path ${submission.path}`);
      }
      const problem = feedbackValueProblem(entry.field, submission.value);
      if (problem) return refusal('invalid_input', problem);
      submittedValues[submission.path] = submission.value;
    }
    const missing = [...fields.values()].find((entry) => entry.isRequired && !(entry.field.path in submittedValues));
    if (missing) return refusal('invalid_input', `${missing.field.path}: a value is required`);
    const submission = {
      id: randomUUID(),
      formDefinitionId: form.id,
      applicationId: application.id,
      userId: input.userId ?? request.keyUserId,
      ...(input.interviewEventId ? { interviewEventId: input.interviewEventId } : {}),
      submittedValues,
      submittedAt: new Date().toISOString(),
    };
    state.feedback.push(submission);
    return success({
      submittedFormInstance: { id: submission.id, formDefinition: form.formDefinition, submittedValues },
    });
  },

  'applicationFeedback.list': ({ data, state, request }) => {
    const parsed = parseBody(z.strictObject({ applicationId: uuid.optional(), ...listFields }), request.body);
    if (!parsed.ok) return parsed.response;
    const { applicationId, createdAfter = 0 } = parsed.value;
    if (applicationId && !findApplication(data, applicationId)) return notFound('application', applicationId);
    const feedback = state.feedback.filter(
      (each) =>
        (applicationId === undefined || each.applicationId === applicationId) &&
        Date.parse(each.submittedAt) > createdAfter,
    );
    return page('applicationFeedback.list', feedback, parsed.value, (each) =>
      applicationFeedbackPayload(data, state, each),
    );
  },

  'interview.info': ({ state, request }) => {
    const parsed = parseBody(z.strictObject({ id: uuid }), request.body);
    if (!parsed.ok) return parsed.response;
    const interview = state.interviews.find((each) => each.id === parsed.value.id);
    return interview ? success(interviewPayload(interview)) : notFound('interview', parsed.value.id);
  },

  'interview.list': ({ state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        includeArchived: z.boolean().optional(),
        includeNonSharedInterviews: z.boolean().optional(),
        // The sandbox has no schedule templates, so there is nothing for this one to leave out.
        excludeArchivedScheduleTemplateInterviews: z.boolean().optional(),
        cursor: listFields.cursor,
        syncToken: listFields.syncToken,
        limit: listFields.limit,
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    // Both default to false: archived interviews and those that belong to one job are left out unless asked for.
    const interviews = state.interviews.filter(
      (each) =>
        (parsed.value.includeArchived || !each.isArchived) &&
        (parsed.value.includeNonSharedInterviews || each.jobId === null),
    );
    return page('interview.list', interviews, parsed.value, interviewPayload);
  },

  'interviewSchedule.list': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({ applicationId: uuid.optional(), interviewStageId: uuid.optional(), ...listFields }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const { applicationId, interviewStageId, createdAfter = 0 } = parsed.value;
    // Whether an unknown filter id is an error or an empty list is UNCONFIRMED; the sandbox says which id is wrong.
    if (applicationId && !findApplication(data, applicationId)) return notFound('application', applicationId);
    if (interviewStageId && !data.stages.some((stage) => stage.id === interviewStageId)) {
      return notFound('interview_stage', interviewStageId);
    }
    const schedules = state.schedules.filter(
      (each) =>
        (applicationId === undefined || each.applicationId === applicationId) &&
        (interviewStageId === undefined || each.interviewStageId === interviewStageId) &&
        Date.parse(each.createdAt) > createdAfter,
    );
    return page('interviewSchedule.list', schedules, parsed.value, (each) =>
      interviewSchedulePayload(data, state, each),
    );
  },

  'interviewEvent.list': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        interviewScheduleId: uuid,
        expand: z.array(z.enum(['interview'])).optional(),
        ...listFields,
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const schedule = findSchedule(state, parsed.value.interviewScheduleId);
    if (!schedule) return notFound('interview_schedule', parsed.value.interviewScheduleId);
    const expandInterview = parsed.value.expand?.includes('interview') ?? false;
    const after = parsed.value.createdAfter ?? 0;
    const events = schedule.events.filter((each) => Date.parse(each.createdAt) > after);
    return page('interviewEvent.list', events, parsed.value, (event) =>
      interviewEventPayload(data, state, schedule, event, expandInterview),
    );
  },

  'interviewSchedule.create': ({ data, state, request }) => {
    const parsed = parseBody(
      z.strictObject({
        applicationId: uuid,
        interviewEvents: z
          .array(
            z.strictObject({
              startTime: isoTime,
              endTime: isoTime,
              interviewers: z
                .array(z.strictObject({ email: z.email(), feedbackRequired: z.boolean().optional() }))
                .min(1),
              interviewId: uuid.optional(),
              extraData: z.record(z.string().max(100), z.string().max(512)).optional(),
            }),
          )
          .min(1),
      }),
      request.body,
    );
    if (!parsed.ok) return parsed.response;
    const application = findApplication(data, parsed.value.applicationId);
    if (!application) return notFound('application', parsed.value.applicationId);
    const events = [];
    for (const event of parsed.value.interviewEvents) {
      if (Date.parse(event.endTime) <= Date.parse(event.startTime)) {
        return refusal('invalid_input', 'endTime must be after startTime');
      }
      // Without an interviewId the event is an instance of the organisation's default interview (ashby-api.md §7).
      const interview = state.interviews.find((each) => each.id === (event.interviewId ?? interviewTypeIds.general));
      if (!interview || interview.isArchived) return notFound('interview', event.interviewId ?? '');
      const interviewers = [];
      for (const interviewer of event.interviewers) {
        // Interviewers must be Ashby users (ashby-api.md §7); the exact error code is UNCONFIRMED.
        const user = data.users.find((each) => each.email.toLowerCase() === interviewer.email.toLowerCase());
        if (!user) return refusal('invalid_input', `No Ashby user has the email ${interviewer.email}`);
        // Ashby's default for feedbackRequired is UNCONFIRMED; an interviewer's feedback is asked for unless told not.
        interviewers.push({ userId: user.id, isFeedbackRequired: interviewer.feedbackRequired ?? true });
      }
      events.push({ event, interview, interviewers });
    }
    const now = new Date().toISOString();
    const schedule: InterviewSchedule = {
      id: randomUUID(),
      status: 'Scheduled',
      applicationId: application.id,
      interviewStageId: application.stageId,
      scheduledById: request.keyUserId || null,
      createdAt: now,
      updatedAt: now,
      events: events.map(({ event, interview, interviewers }) => {
        const id = randomUUID();
        // Mirrored into the neutral store, which holds every event's times and serves its feedback page.
        data.interviews.push({
          id,
          applicationId: application.id,
          title: interview.title,
          interviewerId: interviewers[0]?.userId ?? '',
          startAt: event.startTime,
          endAt: event.endTime,
        });
        return {
          id,
          interviewId: interview.id,
          interviewers,
          createdAt: now,
          updatedAt: now,
          location: null,
          meetingLink: null,
          ...(event.extraData ? { extraData: event.extraData } : {}),
        };
      }),
    };
    state.schedules.push(schedule);
    return success(interviewSchedulePayload(data, state, schedule));
  },
};

export function findEndpoint(name: string): Endpoint | undefined {
  return Object.hasOwn(endpoints, name) ? endpoints[name] : undefined;
}

export function runEndpoint(endpoint: Endpoint, store: SandboxData, request: EndpointRequest): SandboxResponse {
  return endpoint({ data: store.ashby, state: ashbyState(store), request });
}
