import { z } from 'zod';

/**
 * Pinpoint's JSON:API documents (shared/reference/pinpoint-api.md §2–3). IDs are numeric strings, but foreign-key
 * attributes such as `job_id` may come as numbers, so every id is read as either and kept as a string. Objects strip
 * unknown keys; the fields Sidecar reads are checked strictly.
 */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().nullish();

export const resourceIdentifierSchema = z.object({ type: z.string(), id: idSchema });
export type ResourceIdentifier = z.infer<typeof resourceIdentifierSchema>;

/** A relationship that was not loaded is `{meta: {included: false}}`: no `data` at all. */
export const relationshipSchema = z.object({
  data: z.union([resourceIdentifierSchema, z.array(resourceIdentifierSchema), z.null()]).optional(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const userResourceSchema = z.object({
  id: idSchema,
  type: z.literal('users'),
  attributes: z.object({ email: text, first_name: text, last_name: text }),
});
export type PinpointUser = z.infer<typeof userResourceSchema>;

export const departmentResourceSchema = z.object({
  id: idSchema,
  type: z.literal('departments'),
  attributes: z.object({ name: z.string() }),
});

// Location attribute names are not in the public spec (UNCONFIRMED): `name` is read, `city` is the fallback.
export const locationResourceSchema = z.object({
  id: idSchema,
  type: z.literal('locations'),
  attributes: z.object({ name: text, city: text }),
});

export const stageResourceSchema = z.object({
  id: idSchema,
  type: z.literal('stages'),
  attributes: z.object({ name: z.string(), position: z.number().nullish(), basic_type: text }),
});
export type PinpointStage = z.infer<typeof stageResourceSchema>;

export const jobResourceSchema = z.object({
  id: idSchema,
  type: z.literal('jobs'),
  attributes: z.object({
    title: z.string(),
    status: z.string(),
    visibility: text,
    updated_at: text,
  }),
  relationships: z
    .object({
      department: relationshipSchema.optional(),
      location: relationshipSchema.optional(),
      stages: relationshipSchema.optional(),
      recruitment_manager_user: relationshipSchema.optional(),
    })
    .optional(),
});
export type PinpointJob = z.infer<typeof jobResourceSchema>;

/** The candidate behind an application: Sidecar reads only its id (its attributes are UNCONFIRMED in detail). */
export const candidateResourceSchema = z.object({ id: idSchema, type: z.literal('candidates') });

export const applicationResourceSchema = z.object({
  id: idSchema,
  type: z.literal('applications'),
  attributes: z.object({
    first_name: text,
    last_name: text,
    full_name: text,
    email: text,
    phone: text,
    linkedin_url: text,
    town: text,
    country: text,
    job_id: idSchema.nullish(),
    stage_id: idSchema.nullish(),
    created_at: text,
    hired_at: text,
    rejected_at: text,
    channel: text,
    channel_source: text,
  }),
  relationships: z
    .object({
      job: relationshipSchema.optional(),
      stage: relationshipSchema.optional(),
      candidate: relationshipSchema.optional(),
    })
    .optional(),
});
export type PinpointApplication = z.infer<typeof applicationResourceSchema>;

export const commentResourceSchema = z.object({
  id: idSchema,
  type: z.literal('comments'),
  attributes: z.object({
    body_text: z.string(),
    commentable_id: idSchema.nullish(),
    commentable_type: text,
    user_id: idSchema.nullish(),
    created_at: z.string(),
  }),
  relationships: z.object({ user: relationshipSchema.optional() }).optional(),
});
export type PinpointComment = z.infer<typeof commentResourceSchema>;

const knownIncludedTypes = new Set([
  'users',
  'departments',
  'locations',
  'stages',
  'jobs',
  'candidates',
  'applications',
  'comments',
]);

/**
 * `included` may carry types Sidecar never reads (a server is free to add some): those are dropped; the known ones
 * are checked as strictly as primary data, so a broken included job names its field instead of vanishing.
 */
const includedSchema = z.preprocess(
  (value) =>
    Array.isArray(value)
      ? value.filter(
          (item: unknown) =>
            typeof item === 'object' &&
            item !== null &&
            knownIncludedTypes.has(String((item as { type?: unknown }).type)),
        )
      : value,
  z.array(
    z.discriminatedUnion('type', [
      userResourceSchema,
      departmentResourceSchema,
      locationResourceSchema,
      stageResourceSchema,
      jobResourceSchema,
      candidateResourceSchema,
      applicationResourceSchema,
      commentResourceSchema,
    ]),
  ),
);
export type IncludedResource = z.infer<typeof includedSchema>[number];

export interface JsonApiCollection<T> {
  data: T[];
  included: IncludedResource[];
}

export interface JsonApiDocument<T> {
  data: T;
  included: IncludedResource[];
}

/** A list document; `meta` and `links` are not read (links are UNCONFIRMED, pagination goes by page length). */
export function collectionSchema<T>(resource: z.ZodType<T>): z.ZodType<JsonApiCollection<T>> {
  return z.object({ data: z.array(resource), included: includedSchema.optional().default([]) });
}

export function documentSchema<T>(resource: z.ZodType<T>): z.ZodType<JsonApiDocument<T>> {
  return z.object({ data: resource, included: includedSchema.optional().default([]) });
}

/** `{errors: [{title, code, status, detail, source?}]}`; `status` is a string in Pinpoint's bodies. */
export const errorBodySchema = z.object({
  errors: z
    .array(
      z.object({
        title: z.string().optional(),
        code: z.string().optional(),
        status: z.string().optional(),
        detail: z.string().optional(),
        source: z.object({ pointer: z.string().optional(), parameter: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});
export type PinpointErrorBody = z.infer<typeof errorBodySchema>;
