import { readBasicUsername, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { sandboxCredentials, sandboxLimitedCredentials } from '../seed.ts';
import type { SandboxData } from '../store.ts';
import { findEndpoint, runEndpoint } from './endpoints.ts';
import { ashbyError } from './responses.ts';

export { ashbyError } from './responses.ts';

/** The permission each served endpoint requires ("Requires the `candidatesRead` permission", ashby-api.md §5). */
const endpointPermissions: Record<string, string> = {
  'apiKey.info': 'apiKeysRead',
  'candidate.info': 'candidatesRead',
  'candidate.search': 'candidatesRead',
  'candidate.list': 'candidatesRead',
  'candidate.listNotes': 'candidatesRead',
  'application.info': 'candidatesRead',
  'applicationFeedback.list': 'candidatesRead',
  'candidate.create': 'candidatesWrite',
  'candidate.createNote': 'candidatesWrite',
  'candidate.uploadResume': 'candidatesWrite',
  'application.create': 'candidatesWrite',
  'application.changeStage': 'candidatesWrite',
  'applicationFeedback.submit': 'candidatesWrite',
  'job.list': 'jobsRead',
  'user.list': 'organizationRead',
  'department.list': 'organizationRead',
  'location.list': 'organizationRead',
  'interviewPlan.list': 'interviewsRead',
  'interviewStage.list': 'interviewsRead',
  'interview.info': 'interviewsRead',
  'interview.list': 'interviewsRead',
  'interviewSchedule.list': 'interviewsRead',
  'interviewEvent.list': 'interviewsRead',
  'interviewSchedule.create': 'interviewsWrite',
  'feedbackFormDefinition.list': 'hiringProcessMetadataRead',
  'feedbackFormDefinition.info': 'hiringProcessMetadataRead',
};

interface KeyProfile {
  title: string;
  granted: Set<string>;
  /** apiKey.info's `scopes`, in the `<module>:<read|write>` vocabulary seen in public material (UNCONFIRMED). */
  scopes: string[];
}

const fullScopes = [
  'apiKeys:read',
  'candidates:read',
  'candidates:write',
  'jobs:read',
  'organization:read',
  'interviews:read',
  'interviews:write',
  'hiringProcessMetadata:read',
];

/**
 * The read-only key: no write permission at all, and of the reads it lacks Hiring Process metadata
 * (`hiringProcessMetadataRead`), so feedback forms are refused while candidates, jobs, users, stages, interviews,
 * schedules and submitted feedback load.
 */
const limitedScopes = ['apiKeys:read', 'candidates:read', 'jobs:read', 'organization:read', 'interviews:read'];
const limitedPermissions = ['apiKeysRead', 'candidatesRead', 'jobsRead', 'organizationRead', 'interviewsRead'];

const keys = new Map<string, KeyProfile>([
  [
    sandboxCredentials.ashby.key,
    { title: 'Sandbox key', granted: new Set(Object.values(endpointPermissions)), scopes: fullScopes },
  ],
  [
    sandboxLimitedCredentials.ashby.key,
    { title: 'Sandbox read-only key', granted: new Set(limitedPermissions), scopes: limitedScopes },
  ],
]);

/** Hannah Brooks, the organisation admin who created the sandbox keys: notes and default feedback are hers. */
function keyUserId(store: SandboxData): string {
  return (store.ashby.users.find((user) => user.role === 'Organization Admin') ?? store.ashby.users[0])?.id ?? '';
}

export function ashbyApi(request: SandboxRequest, data: SandboxData): SandboxResponse {
  const credential = readBasicUsername(request.headers);
  if (credential.kind !== 'present')
    return ashbyError(401, 'unauthenticated', 'Missing or malformed Basic authorization');
  const key = keys.get(credential.username);
  // A wrong or deactivated key is a 403 (ashby-api.md §2); its exact code is UNCONFIRMED.
  if (!key) return ashbyError(403, 'invalid_api_key', 'Invalid API key');
  if (request.method !== 'POST') {
    const response = ashbyError(405, 'method_not_allowed', 'Every Ashby endpoint is POST /<category>.<method>');
    return { ...response, headers: { ...response.headers, allow: 'POST' } };
  }
  const name = request.url.pathname.slice(1);
  const endpoint = findEndpoint(name);
  const permission = endpointPermissions[name];
  if (!endpoint || !permission) return ashbyError(404, 'endpoint_not_found', `No endpoint ${request.url.pathname}`);
  if (!key.granted.has(permission)) {
    return ashbyError(403, 'missing_endpoint_permission', `This API key is missing the ${permission} permission`);
  }

  const contentType = request.headers['content-type'] ?? '';
  // Only uploads may be multipart (ashby-api.md §1); everything else must be JSON.
  if (name === 'candidate.uploadResume' && /^multipart\/form-data\b/i.test(contentType)) {
    return runEndpoint(endpoint, data, {
      body: {},
      multipart: { contentType, raw: request.body },
      keyUserId: keyUserId(data),
      keyTitle: key.title,
      keyScopes: key.scopes,
    });
  }
  if (!/^application\/json\b/i.test(contentType)) {
    return ashbyError(415, 'invalid_content_type', 'Content-Type must be application/json');
  }
  let body: unknown = {};
  try {
    if (request.body.trim()) body = JSON.parse(request.body);
  } catch {
    return ashbyError(400, 'invalid_input', 'Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return ashbyError(400, 'invalid_input', 'Request body must be a JSON object');
  }
  return runEndpoint(endpoint, data, {
    body: body as Record<string, unknown>,
    keyUserId: keyUserId(data),
    keyTitle: key.title,
    keyScopes: key.scopes,
  });
}
