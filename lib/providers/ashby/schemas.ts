import { z } from 'zod';

/**
 * Response bodies of the Ashby endpoints Sidecar calls (shared/reference/ashby-api.md §2, §6, §7). Objects strip
 * fields Sidecar does not read, so Ashby may add fields freely; the fields Sidecar reads are checked. Optional fields
 * are `nullish` because Ashby sends `null` and omits them interchangeably.
 */

/** `{ success: false, errors, errorInfo }`: on an error status, and also on HTTP 200 (every endpoint's 200 is oneOf). */
export const ashbyErrorSchema = z.object({
  success: z.literal(false),
  // Deprecated list of codes; older responses carried objects with a message instead (be tolerant of both).
  errors: z
    .array(z.union([z.string(), z.object({ message: z.string().nullish(), code: z.string().nullish() })]))
    .nullish(),
  errorInfo: z.object({ code: z.string(), message: z.string().nullish(), requestId: z.string().nullish() }).nullish(),
});
export type AshbyErrorBody = z.infer<typeof ashbyErrorSchema>;

/** `{ success: true, results }` for single objects and unpaginated lists. */
export function ashbyResponse<T extends z.ZodType>(results: T) {
  return z.object({ success: z.literal(true), results });
}

/** Paginated lists: follow `nextCursor` while `moreDataAvailable`. */
export function ashbyPage<T extends z.ZodType>(item: T) {
  return z.object({
    success: z.literal(true),
    results: z.array(item),
    moreDataAvailable: z.boolean(),
    nextCursor: z.string().nullish(),
    syncToken: z.string().nullish(),
  });
}

export const apiKeyInfoSchema = z.object({
  title: z.string(),
  createdAt: z.string().nullish(),
  scopes: z.array(z.string()).nullish(),
});

export const userSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullish(),
  globalRole: z.string().nullish(),
  isEnabled: z.boolean().nullish(),
});
export type AshbyUser = z.infer<typeof userSchema>;

const contactSchema = z.object({ value: z.string(), type: z.string().nullish(), isPrimary: z.boolean().nullish() });

export const candidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  primaryEmailAddress: contactSchema.nullish(),
  emailAddresses: z.array(contactSchema),
  primaryPhoneNumber: contactSchema.nullish(),
  phoneNumbers: z.array(contactSchema),
  socialLinks: z.array(z.object({ type: z.string(), url: z.string() })),
  position: z.string().nullish(),
  company: z.string().nullish(),
  applicationIds: z.array(z.string()),
  profileUrl: z.string().nullish(),
  location: z.object({ locationSummary: z.string().nullish() }).nullish(),
  creditedToUser: userSchema.nullish(),
});
export type AshbyCandidate = z.infer<typeof candidateSchema>;

export const interviewStageSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string().nullish(),
  orderInInterviewPlan: z.number().nullish(),
  interviewPlanId: z.string(),
});
export type AshbyInterviewStage = z.infer<typeof interviewStageSchema>;

export const applicationSchema = z.object({
  id: z.string(),
  createdAt: z.string().nullish(),
  status: z.string(),
  candidate: z.object({ id: z.string(), name: z.string().nullish() }),
  currentInterviewStage: interviewStageSchema.nullish(),
  source: z.object({ title: z.string() }).nullish(),
  job: z.object({ id: z.string(), title: z.string() }).nullish(),
  hiringTeam: z
    .array(
      z.object({
        userId: z.string(),
        firstName: z.string().nullish(),
        lastName: z.string().nullish(),
        email: z.string().nullish(),
        role: z.string(),
      }),
    )
    .nullish(),
});
export type AshbyApplication = z.infer<typeof applicationSchema>;

export const jobSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  departmentId: z.string().nullish(),
  locationId: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type AshbyJob = z.infer<typeof jobSchema>;

/** department.list and location.list items: only the name is read. */
export const namedSchema = z.object({ id: z.string(), name: z.string() });

export const noteSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  content: z.string(),
  author: z.object({ id: z.string(), firstName: z.string().nullish(), lastName: z.string().nullish() }).nullish(),
});
export type AshbyNote = z.infer<typeof noteSchema>;

export const formFieldSchema = z.object({
  isRequired: z.boolean().nullish(),
  descriptionPlain: z.string().nullish(),
  field: z.object({
    id: z.string(),
    type: z.string(),
    path: z.string(),
    title: z.string().nullish(),
    humanReadablePath: z.string().nullish(),
    selectableValues: z.array(z.object({ label: z.string(), value: z.string() })).nullish(),
  }),
});
export type AshbyFormField = z.infer<typeof formFieldSchema>;

export const feedbackFormDefinitionSchema = z.object({
  id: z.string(),
  title: z.string(),
  isArchived: z.boolean().nullish(),
  isDefaultForm: z.boolean().nullish(),
  formDefinition: z.object({
    sections: z.array(z.object({ title: z.string().nullish(), fields: z.array(formFieldSchema) })),
  }),
});
export type AshbyFeedbackFormDefinition = z.infer<typeof feedbackFormDefinitionSchema>;

export const feedbackSubmissionSchema = z.object({ submittedFormInstance: z.object({ id: z.string() }) });

export const interviewScheduleSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  interviewEvents: z.array(z.object({ id: z.string(), startTime: z.string(), endTime: z.string() })).min(1),
});

/** interviewEvent.list's event, trimmed to what links a feedback page to its interview (ashby-api.md §7). */
export const interviewEventSchema = z.object({
  id: z.string(),
  interviewId: z.string().nullish(),
  interviewScheduleId: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  feedbackLink: z.string().nullish(),
  hasSubmittedFeedback: z.boolean().nullish(),
  interviewers: z.array(z.object({ id: z.string() })).nullish(),
});
export type AshbyInterviewEvent = z.infer<typeof interviewEventSchema>;

export const interviewScheduleListItemSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  interviewEvents: z.array(interviewEventSchema).nullish(),
});

/** interview.info: the interview type, which names its feedback form. */
export const interviewSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  feedbackFormDefinitionId: z.string().nullish(),
});

export const applicationFeedbackSchema = z.object({
  id: z.string(),
  interviewEventId: z.string().nullish(),
  submittedByUser: z.object({ id: z.string() }).nullish(),
  submittedAt: z.string().nullish(),
});

export const candidateResponse = ashbyResponse(candidateSchema);
export const candidateListResponse = ashbyResponse(z.array(candidateSchema));
export const applicationResponse = ashbyResponse(applicationSchema);
export const interviewStageListResponse = ashbyResponse(z.array(interviewStageSchema));
export const noteResponse = ashbyResponse(noteSchema);
export const apiKeyInfoResponse = ashbyResponse(apiKeyInfoSchema);
export const feedbackFormDefinitionResponse = ashbyResponse(feedbackFormDefinitionSchema);
export const interviewResponse = ashbyResponse(interviewSchema);
export const feedbackSubmissionResponse = ashbyResponse(feedbackSubmissionSchema);
export const interviewScheduleResponse = ashbyResponse(interviewScheduleSchema);
/** candidate.uploadResume: the result shape is not documented (UNCONFIRMED), and Sidecar does not read it. */
export const uploadResumeResponse = ashbyResponse(z.unknown());
