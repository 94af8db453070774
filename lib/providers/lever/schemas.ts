import { z } from 'zod';

/**
 * Lever Data API v1 response shapes (shared/reference/lever-api.md). Objects strip unknown keys because Lever adds
 * fields without a version bump; the fields Sidecar reads are checked strictly. Timestamps are epoch milliseconds.
 */

const timestamp = z.number();

/** `{code, message}` on every error status (lever-api.md §2). `code` is free text, never an exhaustive enum. */
export const leverErrorSchema = z.object({ code: z.string(), message: z.string() });

/** A single object is always wrapped in `data` (the docs print some examples bare; real responses are wrapped). */
export function leverItem<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

/** A list page: `next` is absent once `hasNext` is false; some docs examples omit `hasNext` altogether. */
export function leverPage<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), hasNext: z.boolean().optional(), next: z.string().optional() });
}

export const leverUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable().optional(),
  accessRole: z.string().nullable().optional(),
  deactivatedAt: timestamp.nullable().optional(),
});
export type LeverUser = z.infer<typeof leverUserSchema>;

export const leverStageSchema = z.object({ id: z.string(), text: z.string() });
export type LeverStage = z.infer<typeof leverStageSchema>;

export const leverPostingSchema = z.object({
  id: z.string(),
  text: z.string(),
  state: z.string(),
  categories: z
    .object({
      team: z.string().nullable().optional(),
      department: z.string().nullable().optional(),
      location: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  urls: z.object({ show: z.string().optional() }).nullable().optional(),
  updatedAt: timestamp.nullable().optional(),
});
export type LeverPosting = z.infer<typeof leverPostingSchema>;

export const leverArchiveReasonSchema = z.object({ id: z.string(), text: z.string(), type: z.string() });

const archivedSchema = z
  .object({ reason: z.string().nullable().optional(), archivedAt: timestamp.nullable().optional() })
  .nullable()
  .optional();

/** An application, as `expand=applications` inlines it. `posting` may itself be expanded elsewhere. */
export const leverApplicationSchema = z.object({
  id: z.string(),
  posting: z
    .union([z.string(), z.object({ id: z.string(), text: z.string().optional() })])
    .nullable()
    .optional(),
  company: z.string().nullable().optional(),
  createdAt: timestamp.nullable().optional(),
  archived: archivedSchema,
});
export type LeverApplication = z.infer<typeof leverApplicationSchema>;

/** An opportunity (= a Sidecar candidate). Referenced objects are ids unless the request expanded them. */
export const leverOpportunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string().nullable().optional(),
  headline: z.string().nullable().optional(),
  // GET /contacts returns `{name}`; opportunities carry a string. Accept both rather than fail on either.
  location: z
    .union([z.string(), z.object({ name: z.string() })])
    .nullable()
    .optional(),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.object({ type: z.string().nullable().optional(), value: z.string() })).default([]),
  links: z.array(z.string()).default([]),
  stage: z.union([z.string(), leverStageSchema]).nullable().optional(),
  owner: z.union([z.string(), leverUserSchema]).nullable().optional(),
  sources: z.array(z.string()).default([]),
  applications: z.array(z.union([z.string(), leverApplicationSchema])).default([]),
  archived: archivedSchema,
  createdAt: timestamp.nullable().optional(),
  urls: z.object({ show: z.string().optional() }).nullable().optional(),
});
export type LeverOpportunity = z.infer<typeof leverOpportunitySchema>;

/** POST /opportunities adds a top-level `deduped` next to `data` (lever-api.md §2). */
export const leverCreatedOpportunitySchema = z.object({
  data: leverOpportunitySchema,
  deduped: z.boolean().optional(),
});

const noteFieldSchema = z.object({
  type: z.string().optional(),
  value: z.string().nullable().optional(),
  createdAt: timestamp.nullable().optional(),
});

export const leverNoteSchema = z.object({
  id: z.string(),
  fields: z.array(noteFieldSchema).default([]),
  user: z.union([z.string(), leverUserSchema]).nullable().optional(),
  createdAt: timestamp.nullable().optional(),
  deletedAt: timestamp.nullable().optional(),
});
export type LeverNote = z.infer<typeof leverNoteSchema>;

/** Docs: `{noteId}`; real responses: the whole note plus `noteId` (lever-api.md §4), so every field is optional. */
export const leverCreatedNoteSchema = z
  .object({
    noteId: z.string().optional(),
    id: z.string().optional(),
    createdAt: timestamp.nullable().optional(),
  })
  .refine((note) => note.noteId !== undefined || note.id !== undefined, { message: 'expected noteId or id' });

export const leverFeedbackFieldSchema = z.object({
  id: z.string(),
  type: z.string(),
  text: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  required: z.boolean().nullable().optional(),
  options: z
    .array(z.object({ text: z.string() }))
    .nullable()
    .optional(),
  scores: z
    .array(z.object({ text: z.string(), description: z.string().nullable().optional() }))
    .nullable()
    .optional(),
});
export type LeverFeedbackField = z.infer<typeof leverFeedbackFieldSchema>;

export const leverFeedbackTemplateSchema = z.object({
  id: z.string(),
  text: z.string(),
  fields: z.array(leverFeedbackFieldSchema).default([]),
  deletedAt: timestamp.nullable().optional(),
});
export type LeverFeedbackTemplate = z.infer<typeof leverFeedbackTemplateSchema>;

export const leverFeedbackSchema = z.object({
  id: z.string(),
  user: z.string().nullish(),
  interview: z.string().nullish(),
  createdAt: timestamp.nullish(),
  deletedAt: timestamp.nullish(),
});

export const leverInterviewSchema = z.object({
  id: z.string(),
  panel: z.string(),
  date: timestamp.nullable().optional(),
  duration: z.number().nullable().optional(),
});

/** One interview as `GET /opportunities/:id/interviews/:interview` returns it (lever-api.md §5). */
export const leverInterviewDetailSchema = leverInterviewSchema.extend({
  subject: z.string().nullish(),
  feedbackTemplate: z.string().nullish(),
  feedbackForms: z.array(z.string()).nullish(),
  interviewers: z.array(z.object({ id: z.string(), feedbackTemplate: z.string().nullish() })).nullish(),
});

export const leverPanelSchema = z.object({
  id: z.string(),
  start: timestamp.nullable().optional(),
  end: timestamp.nullable().optional(),
  interviews: z.array(leverInterviewSchema.omit({ panel: true })).default([]),
});
export type LeverPanel = z.infer<typeof leverPanelSchema>;

/** Real create-panel responses are `{data: panel}`; the docs print `{data: {data: [panel]}}`. Take either. */
export const leverCreatedPanelSchema = z
  .object({ data: z.union([leverPanelSchema, z.object({ data: z.array(leverPanelSchema).min(1) })]) })
  .transform((body) => ('data' in body.data ? body.data.data[0]! : body.data));

/** Docs print numbers as strings here (`"size": "1000"`), so only the id is read. */
export const leverFileSchema = z.object({ id: z.string() });
