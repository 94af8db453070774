import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { sandboxCredentials, sandboxLimitedCredentials } from '../seed.ts';
import type { SandboxData } from '../store.ts';
import { collections, type Collection } from './collections.ts';
import { documentResponse, isResponse, malformedQuery, notFound, pinpointError } from './errors.ts';
import { includedTypes, parseInclude, Renderer, type IncludeTree, type Ref } from './resources.ts';
import { pinpointState } from './state.ts';
import { writes } from './writes.ts';

// server.ts answers injected faults in this shape.
export { pinpointError };

/**
 * What the read-only key (sandboxLimitedCredentials.pinpoint) cannot do: every write, and reading comments (its
 * "Comment" permission is None), including comments reached through `include`. The exact 403 detail Pinpoint sends
 * for a missing permission is UNCONFIRMED.
 */
const limitedKeyDeniedTypes = new Set(['comments']);
const forbidden = () => pinpointError(403, 'forbidden', 'This API key does not have permission to perform this action');

interface ReadParameters {
  tree: IncludeTree;
}

/** `include` and, on lists, `filter`, `page`, `sort`: anything the real server would call malformed is a 400. */
function readInclude(request: SandboxRequest, type: string): ReadParameters | SandboxResponse {
  const tree = parseInclude(type, request.url.searchParams.get('include'));
  if ('invalid' in tree) return malformedQuery('include');
  return { tree };
}

function list(request: SandboxRequest, data: SandboxData, subdomain: string, collection: Collection): SandboxResponse {
  const parameters = readInclude(request, collection.type);
  if (isResponse(parameters)) return parameters;
  const selected = collection.select(data, request.url.searchParams);
  if (isResponse(selected)) return selected;
  const renderer = new Renderer(data, subdomain);
  const primary: Ref[] = selected.ids.map((id) => ({ type: collection.type, id }));
  const resources = primary.flatMap((target) => renderer.render(target, parameters.tree) ?? []);
  return documentResponse(200, {
    data: resources,
    ...(renderer.included.size > 0 ? { included: renderer.includedExcept(primary) } : {}),
    meta: selected.meta,
  });
}

function show(
  request: SandboxRequest,
  data: SandboxData,
  subdomain: string,
  collection: Collection,
  id: string,
): SandboxResponse {
  const parameters = readInclude(request, collection.type);
  if (isResponse(parameters)) return parameters;
  // Graphiti scopes a show like a list, so filters (visibility above all) apply to it too.
  const visible = collection.visible(data, request.url.searchParams, id);
  if (isResponse(visible)) return visible;
  if (!visible) return notFound();
  return renderDocument(data, subdomain, { type: collection.type, id }, parameters.tree, 200);
}

export function renderDocument(
  data: SandboxData,
  subdomain: string,
  target: Ref,
  tree: IncludeTree,
  status: number,
): SandboxResponse {
  const renderer = new Renderer(data, subdomain);
  const resource = renderer.render(target, tree);
  if (!resource) return notFound();
  return documentResponse(status, {
    data: resource,
    ...(renderer.included.size > 0 ? { included: renderer.includedExcept([target]) } : {}),
    meta: {},
  });
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function pinpointApi(request: SandboxRequest, data: SandboxData, subdomain: string): SandboxResponse {
  // Each company is its own host, so an unknown tenant has no key to check against.
  if (subdomain !== data.pinpoint.subdomain) return notFound();
  const key = request.headers['x-api-key'];
  if (!key) return pinpointError(401, 'unauthorized', 'X-API-KEY header not provided');
  const limited = key === sandboxLimitedCredentials.pinpoint.key;
  if (key !== sandboxCredentials.pinpoint.key && !limited) return pinpointError(401, 'unauthorized', 'Invalid API key');
  // Make sure the per-store state exists before any read, so seeded confidential jobs apply from the first call.
  pinpointState(data);

  const match = /^\/api\/v1\/([a-z_]+)(?:\/([^/]+))?\/?$/.exec(request.url.pathname);
  const collection = match?.[1] ? collections[match[1]] : undefined;
  if (!match || !collection) return notFound();
  const id = match[2] ? decodeURIComponent(match[2]) : undefined;

  if (writeMethods.has(request.method)) {
    const write = writes[`${request.method} ${collection.type}${id ? '/:id' : ''}`];
    if (!write) return notFound();
    if (limited) return forbidden();
    return write(request, data, subdomain, id);
  }
  if (request.method !== 'GET') return notFound();

  if (limited) {
    const tree = parseInclude(collection.type, request.url.searchParams.get('include'));
    const reached = 'invalid' in tree ? new Set<string>() : includedTypes(collection.type, tree);
    if (limitedKeyDeniedTypes.has(collection.type) || [...reached].some((type) => limitedKeyDeniedTypes.has(type))) {
      return forbidden();
    }
  }
  return id ? show(request, data, subdomain, collection, id) : list(request, data, subdomain, collection);
}
