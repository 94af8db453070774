import type { SandboxRequest, SandboxResponse } from '../http.ts';
import type { Candidate, SandboxData } from '../store.ts';
import {
  isResponse,
  jsonApiType,
  malformedQuery,
  notFound,
  pinpointError,
  pinpointErrors,
  type PinpointErrorObject,
} from './errors.ts';
import { Renderer, parseInclude, recruitmentManagerId, type IncludeTree, type Ref } from './resources.ts';
import { pinpointState } from './state.ts';

/**
 * The writes Sidecar uses (pinpoint-api.md §3.1, §3.5): `POST /comments`, `POST /applications`, and
 * `PUT /applications/:id` (updates are PUT, not PATCH). JSON:API rules apply: the body must be sent as
 * application/vnd.api+json (415 otherwise), the resource type must match the endpoint (409), attributes the resource
 * does not take are a 400, and validation failures are 422 "Validation Error" with a pointer per field.
 */
export type Write = (request: SandboxRequest, data: SandboxData, subdomain: string, id?: string) => SandboxResponse;

interface WriteDocument {
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
  tree: IncludeTree;
}

const personalAttributes = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'phone_iso2',
  'linkedin_url',
  'date_of_birth',
  'start_on',
  'locale',
  'address1',
  'address2',
  'town',
  'country',
  'postcode',
  'preferred_pronouns',
];
const createOnlyAttributes = [
  'summary',
  'cv_base64_filename',
  'cv_base64_data',
  'cover_letter_base64_filename',
  'cover_letter_base64_data',
  'skip_notifications_on_create',
];
const updateOnlyAttributes = ['add_tags_with_context', 'remove_tag_with_context'];
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const dataUrlPattern = /^data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/]+={0,2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON:API allows only the `ext` and `profile` media type parameters. */
function acceptsContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [mediaType, ...parameters] = header.split(';').map((part) => part.trim());
  return (
    mediaType?.toLowerCase() === jsonApiType &&
    parameters.every((parameter) => /^(ext|profile)=/i.test(parameter) || parameter === '')
  );
}

function readDocument(
  request: SandboxRequest,
  type: string,
  allowed: string[],
  id?: string,
): WriteDocument | SandboxResponse {
  if (!acceptsContentType(request.headers['content-type'])) {
    return pinpointError(415, 'unsupported_media_type', `Content-Type must be ${jsonApiType}`);
  }
  const include = parseInclude(type, request.url.searchParams.get('include'));
  if ('invalid' in include) return malformedQuery('include');
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return pinpointError(400, 'bad_request', 'The request body is not valid JSON');
  }
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data)) {
    return pinpointError(400, 'bad_request', 'The request body must hold a data object', { pointer: '/data' });
  }
  if (data.type !== type) {
    return pinpointError(409, 'conflict', `Resource type must be ${type}`, { pointer: '/data/type' });
  }
  if (id !== undefined) {
    if (data.id === undefined)
      return pinpointError(400, 'bad_request', 'Resource id is missing', { pointer: '/data/id' });
    if (String(data.id) !== id) {
      return pinpointError(409, 'conflict', 'Resource id does not match the URL', { pointer: '/data/id' });
    }
  }
  const attributes = data.attributes ?? {};
  const relationships = data.relationships ?? {};
  if (!isObject(attributes) || !isObject(relationships)) {
    return pinpointError(400, 'bad_request', 'attributes and relationships must be objects', { pointer: '/data' });
  }
  const unknown = Object.keys(attributes).find((name) => !allowed.includes(name));
  if (unknown) {
    return pinpointError(400, 'bad_request', `${unknown} is not a writable attribute`, {
      pointer: `/data/attributes/${unknown}`,
    });
  }
  return { attributes, relationships, tree: include };
}

/** `relationships.<name>.data` as `{type, id}`; undefined when absent, a response when malformed. */
function readRelationship(relationships: Record<string, unknown>, name: string): Ref | undefined | SandboxResponse {
  const relationship = relationships[name];
  if (relationship === undefined) return undefined;
  const data = isObject(relationship) ? relationship.data : undefined;
  if (
    !isObject(data) ||
    typeof data.type !== 'string' ||
    (typeof data.id !== 'string' && typeof data.id !== 'number')
  ) {
    return pinpointError(400, 'bad_request', `Malformed ${name} relationship`, {
      pointer: `/data/relationships/${name}`,
    });
  }
  return { type: data.type, id: String(data.id) };
}

function humanize(attribute: string): string {
  const text = attribute.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function blank(attributes: Record<string, unknown>, name: string): boolean {
  const value = attributes[name];
  return typeof value !== 'string' || value.trim() === '';
}

function validation(name: string, message: string, relationship = false): PinpointErrorObject {
  return {
    code: 'unprocessable_entity',
    detail: `${humanize(name)} ${message}`,
    source: { pointer: `/data/${relationship ? 'relationships' : 'attributes'}/${name}` },
  };
}

function nextId(ids: string[], floor: number): string {
  return String(Math.max(floor, ...ids.map(Number).filter(Number.isFinite)) + 1);
}

function render(data: SandboxData, subdomain: string, target: Ref, tree: IncludeTree, status: number): SandboxResponse {
  const renderer = new Renderer(data, subdomain);
  const resource = renderer.render(target, tree);
  if (!resource) return notFound();
  const included = renderer.includedExcept([target]);
  return {
    status,
    headers: { 'content-type': jsonApiType },
    body: JSON.stringify({ data: resource, ...(included.length > 0 ? { included } : {}), meta: {} }),
  };
}

const createComment: Write = (request, data, subdomain) => {
  const document = readDocument(request, 'comments', ['body_text']);
  if (isResponse(document)) return document;
  const commentable = readRelationship(document.relationships, 'commentable');
  if (isResponse(commentable)) return commentable;
  const unknownRelationship = Object.keys(document.relationships).find((name) => name !== 'commentable');
  if (unknownRelationship) return malformedRelationship(unknownRelationship);
  const errors: PinpointErrorObject[] = [];
  if (blank(document.attributes, 'body_text')) errors.push(validation('body_text', "can't be blank"));
  if (!commentable) errors.push(validation('commentable', 'must exist', true));
  if (errors.length > 0) return pinpointErrors(422, errors);
  if (!commentable) return notFound();
  if (commentable.type !== 'applications' && commentable.type !== 'job_seekers') {
    return pinpointErrors(422, [validation('commentable', 'must be an application or a job seeker', true)]);
  }
  const application = data.pinpoint.applications.find((each) => each.id === commentable.id);
  // The sandbox has no talent pipeline, so every job seeker is unknown.
  if (commentable.type === 'job_seekers' || !application) return notFound();
  const candidate = data.pinpoint.candidates.find((each) => each.id === application.candidateId);
  if (!candidate) return notFound();
  const id = nextId(
    data.pinpoint.candidates.flatMap((each) => each.notes.map((note) => note.id)),
    120000,
  );
  // Comments made through the API belong to the company's system user, not a listed user (POST comments docs).
  candidate.notes.push({
    id,
    authorId: '',
    body: String(document.attributes.body_text),
    createdAt: new Date().toISOString(),
  });
  pinpointState(data).commentApplications.set(id, application.id);
  return render(data, subdomain, { type: 'comments', id }, document.tree, 201);
};

function malformedRelationship(name: string): SandboxResponse {
  return pinpointError(400, 'bad_request', `${name} is not a writable relationship`, {
    pointer: `/data/relationships/${name}`,
  });
}

function cvErrors(attributes: Record<string, unknown>): PinpointErrorObject[] {
  const hasName = !blank(attributes, 'cv_base64_filename');
  const hasData = !blank(attributes, 'cv_base64_data');
  if (!hasName && !hasData) return [];
  if (!hasName) return [validation('cv_base64_filename', "can't be blank")];
  if (!hasData) return [validation('cv_base64_data', "can't be blank")];
  return dataUrlPattern.test(String(attributes.cv_base64_data))
    ? []
    : [validation('cv_base64_data', 'must be a base64 data URL')];
}

function findOrCreateCandidate(data: SandboxData, attributes: Record<string, unknown>): Candidate {
  const email = String(attributes.email).trim();
  // The candidate is Pinpoint's one record per person: a second application by the same email joins it (UNCONFIRMED).
  const existing = data.pinpoint.candidates.find((each) => each.email.toLowerCase() === email.toLowerCase());
  if (existing) return existing;
  const firstName = String(attributes.first_name).trim();
  const lastName = String(attributes.last_name).trim();
  const text = (name: string) => (typeof attributes[name] === 'string' ? String(attributes[name]).trim() : '');
  const candidate: Candidate = {
    id: nextId(
      data.pinpoint.candidates.map((each) => each.id),
      55000,
    ),
    name: `${firstName} ${lastName}`,
    email,
    phone: text('phone'),
    location: [text('town'), text('country')].filter(Boolean).join(', '),
    headline: '',
    company: '',
    ...(text('linkedin_url') ? { linkedInUrl: text('linkedin_url') } : {}),
    links: [],
    notes: [],
    createdAt: new Date().toISOString(),
  };
  data.pinpoint.candidates.push(candidate);
  pinpointState(data).names.set(candidate.id, { firstName, lastName });
  return candidate;
}

const createApplication: Write = (request, data, subdomain) => {
  const document = readDocument(request, 'applications', [...personalAttributes, ...createOnlyAttributes]);
  if (isResponse(document)) return document;
  const { attributes, relationships } = document;
  const unknownRelationship = Object.keys(relationships).find((name) => !['job', 'stage', 'answers'].includes(name));
  if (unknownRelationship) return malformedRelationship(unknownRelationship);
  const jobRef = readRelationship(relationships, 'job');
  if (isResponse(jobRef)) return jobRef;
  const stageRef = readRelationship(relationships, 'stage');
  if (isResponse(stageRef)) return stageRef;
  const skip = attributes.skip_notifications_on_create;
  if (skip !== undefined && typeof skip !== 'boolean') {
    return pinpointError(400, 'bad_request', 'skip_notifications_on_create must be a boolean', {
      pointer: '/data/attributes/skip_notifications_on_create',
    });
  }

  const errors: PinpointErrorObject[] = [];
  for (const name of ['first_name', 'last_name', 'email']) {
    if (blank(attributes, name)) errors.push(validation(name, "can't be blank"));
  }
  if (!blank(attributes, 'email') && !emailPattern.test(String(attributes.email).trim())) {
    errors.push(validation('email', 'is invalid'));
  }
  errors.push(...cvErrors(attributes));
  if (!jobRef) errors.push(validation('job', 'must exist', true));
  if (errors.length > 0) return pinpointErrors(422, errors);

  const job = data.pinpoint.jobs.find((each) => jobRef?.type === 'jobs' && each.id === jobRef.id);
  if (!job) return notFound();
  const stage = stageRef
    ? data.pinpoint.stages.find((each) => stageRef.type === 'stages' && each.id === stageRef.id)
    : data.pinpoint.stages[0];
  if (!stage) return pinpointErrors(422, [validation('stage', "must be one of the job's stages", true)]);

  const candidate = findOrCreateCandidate(data, attributes);
  const id = nextId(
    data.pinpoint.applications.map((each) => each.id),
    99000,
  );
  data.pinpoint.applications.push({
    id,
    candidateId: candidate.id,
    jobId: job.id,
    stageId: stage.id,
    source: 'Added via API',
    status: 'active',
    ownerId: recruitmentManagerId(data.pinpoint, job) ?? '',
    createdAt: new Date().toISOString(),
  });
  const state = pinpointState(data);
  if (!blank(attributes, 'cv_base64_data')) {
    const dataUrl = String(attributes.cv_base64_data);
    const [header = '', base64 = ''] = dataUrl.split(',');
    state.attachments.set(id, [
      {
        context: 'cv',
        filename: String(attributes.cv_base64_filename),
        contentType: header.slice('data:'.length).replace(/;base64$/, ''),
        size: Buffer.from(base64, 'base64').length,
      },
    ]);
  }
  if (skip !== true) {
    state.notifications.push({ to: candidate.email, subject: 'Application Received' });
    for (const user of data.pinpoint.users.filter((each) => each.id === job.hiringManagerId)) {
      state.notifications.push({ to: user.email, subject: 'New Application' });
    }
  }
  return render(data, subdomain, { type: 'applications', id }, document.tree, 201);
};

const updateApplication: Write = (request, data, subdomain, id) => {
  const application = data.pinpoint.applications.find((each) => each.id === id);
  if (!id || !application) return notFound();
  const document = readDocument(request, 'applications', [...personalAttributes, ...updateOnlyAttributes], id);
  if (isResponse(document)) return document;
  const { attributes, relationships } = document;
  // The job, CV, summary and answers are fixed once the application exists (PUT application docs).
  const unknownRelationship = Object.keys(relationships).find((name) => name !== 'stage');
  if (unknownRelationship) return malformedRelationship(unknownRelationship);
  const stageRef = readRelationship(relationships, 'stage');
  if (isResponse(stageRef)) return stageRef;
  const stage = stageRef && data.pinpoint.stages.find((each) => stageRef.type === 'stages' && each.id === stageRef.id);
  if (stageRef && !stage) return pinpointErrors(422, [validation('stage', "must be one of the job's stages", true)]);

  const errors: PinpointErrorObject[] = [];
  for (const name of ['first_name', 'last_name', 'email']) {
    if (name in attributes && blank(attributes, name)) errors.push(validation(name, "can't be blank"));
  }
  if (!blank(attributes, 'email') && !emailPattern.test(String(attributes.email).trim())) {
    errors.push(validation('email', 'is invalid'));
  }
  if (errors.length > 0) return pinpointErrors(422, errors);

  if (stage) application.stageId = stage.id;
  const candidate = data.pinpoint.candidates.find((each) => each.id === application.candidateId);
  if (candidate) {
    const state = pinpointState(data);
    const text = (name: string) => String(attributes[name]).trim();
    if ('email' in attributes) candidate.email = text('email');
    if ('phone' in attributes) candidate.phone = text('phone');
    if ('linkedin_url' in attributes) candidate.linkedInUrl = text('linkedin_url');
    if ('first_name' in attributes || 'last_name' in attributes) {
      const current = state.names.get(candidate.id) ?? {
        firstName: candidate.name.split(' ')[0] ?? '',
        lastName: candidate.name.split(' ').slice(1).join(' '),
      };
      const names = {
        firstName: 'first_name' in attributes ? text('first_name') : current.firstName,
        lastName: 'last_name' in attributes ? text('last_name') : current.lastName,
      };
      state.names.set(candidate.id, names);
      candidate.name = `${names.firstName} ${names.lastName}`;
    }
  }
  return render(data, subdomain, { type: 'applications', id }, document.tree, 200);
};

export const writes: Record<string, Write> = {
  'POST comments': createComment,
  'POST applications': createApplication,
  'PUT applications/:id': updateApplication,
};
