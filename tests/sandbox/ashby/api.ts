import { randomUUID } from 'node:crypto';
import { jsonResponse, readBasicUsername, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { sandboxCredentials } from '../seed.ts';
import type { SandboxData } from '../store.ts';

type Endpoint = (body: Record<string, unknown>, data: SandboxData) => SandboxResponse;

function withRequestId(status: number, body: Record<string, unknown>, requestId: string): SandboxResponse {
  return jsonResponse(status, body, { 'x-ashby-request-id': requestId });
}

/** Ashby's error envelope (ashby-api.md §2): the deprecated `errors` list plus `errorInfo` carrying the request id. */
export function ashbyError(status: number, code: string, message: string): SandboxResponse {
  const requestId = randomUUID();
  return withRequestId(status, { success: false, errors: [code], errorInfo: { code, message, requestId } }, requestId);
}

function success(results: unknown): SandboxResponse {
  return withRequestId(200, { success: true, results }, randomUUID());
}

const endpoints = new Map<string, Endpoint>([
  [
    'apiKey.info',
    () =>
      success({
        title: 'Sandbox key',
        createdAt: '2026-01-05T09:00:00.000Z',
        scopes: ['candidates:read', 'jobs:read'],
      }),
  ],
]);

export function ashbyApi(request: SandboxRequest, data: SandboxData): SandboxResponse {
  const credential = readBasicUsername(request.headers);
  if (credential.kind !== 'present')
    return ashbyError(401, 'unauthenticated', 'Missing or malformed Basic authorization');
  if (credential.username !== sandboxCredentials.ashby.key)
    return ashbyError(403, 'invalid_api_key', 'Invalid API key');
  if (request.method !== 'POST') {
    const response = ashbyError(405, 'method_not_allowed', 'Every Ashby endpoint is POST /<category>.<method>');
    return { ...response, headers: { ...response.headers, allow: 'POST' } };
  }
  const endpoint = endpoints.get(request.url.pathname.slice(1));
  if (!endpoint) return ashbyError(404, 'endpoint_not_found', `No endpoint ${request.url.pathname}`);
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
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
  return endpoint(body as Record<string, unknown>, data);
}
