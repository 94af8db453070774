import { jsonResponse, readBasicUsername, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { sandboxCredentials } from '../seed.ts';
import { fullName, type SandboxData, type User } from '../store.ts';

// Real responses carry these (lever-api.md §1), handy when a test wants to tell the sandbox's answers apart.
const leverHeaders = { server: 'lever-data-api', 'x-lever-region': 'global' };

/** Lever's error body (lever-api.md §2) is a bare `{code, message}`. */
export function leverError(status: number, code: string, message: string): SandboxResponse {
  return jsonResponse(status, { code, message }, leverHeaders);
}

function list(items: unknown[]): SandboxResponse {
  return jsonResponse(200, { data: items, hasNext: false }, leverHeaders);
}

function toLeverUser(user: User) {
  return {
    id: user.id,
    name: fullName(user),
    username: user.email.split('@')[0],
    email: user.email,
    accessRole: user.role,
    photo: null,
    createdAt: Date.parse(user.createdAt),
    deactivatedAt: null,
    externalDirectoryId: null,
    linkedContactIds: [],
    jobTitle: user.jobTitle,
    managerId: null,
  };
}

export function leverApi(request: SandboxRequest, data: SandboxData): SandboxResponse {
  const credential = readBasicUsername(request.headers);
  if (credential.kind !== 'present' || credential.username !== sandboxCredentials.lever.key) {
    return leverError(401, 'Unauthorized', 'Invalid or missing API credentials');
  }
  const { pathname, searchParams } = request.url;
  if (request.method === 'GET' && pathname === '/v1/users') {
    const email = searchParams.get('email')?.toLowerCase();
    return list(data.lever.users.filter((user) => !email || user.email === email).map(toLeverUser));
  }
  return leverError(404, 'ResourceNotFound', `No resource at ${request.method} ${pathname}`);
}
