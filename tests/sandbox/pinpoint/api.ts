import { jsonResponse, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { sandboxCredentials } from '../seed.ts';
import type { SandboxData, User } from '../store.ts';

const jsonApiType = 'application/vnd.api+json';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** JSON:API error document (pinpoint-api.md §2): `status` is a string there, not a number. */
export function pinpointError(status: number, code: string, detail: string): SandboxResponse {
  const error = { title: titles[status] ?? 'Error', code, status: String(status), detail };
  return jsonResponse(status, { errors: [error] }, {}, jsonApiType);
}

function toResource(user: User) {
  return {
    id: user.id,
    type: 'users',
    attributes: {
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      time_zone: 'Europe/London',
      created_at: user.createdAt.replace('.000Z', '+00:00'),
      updated_at: user.createdAt.replace('.000Z', '+00:00'),
    },
  };
}

export function pinpointApi(request: SandboxRequest, data: SandboxData, subdomain: string): SandboxResponse {
  // Each company is its own host, so an unknown tenant has no key to check against.
  if (subdomain !== data.pinpoint.subdomain) return pinpointError(404, 'not_found', 'Record not found');
  const key = request.headers['x-api-key'];
  if (!key) return pinpointError(401, 'unauthorized', 'X-API-KEY header not provided');
  if (key !== sandboxCredentials.pinpoint.key) return pinpointError(401, 'unauthorized', 'Invalid API key');
  if (request.method === 'GET' && request.url.pathname === '/api/v1/users') {
    return jsonResponse(200, { data: data.pinpoint.users.map(toResource), meta: {} }, {}, jsonApiType);
  }
  return pinpointError(404, 'not_found', 'Record not found');
}
