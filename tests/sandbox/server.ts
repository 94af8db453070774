import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ashbyApi, ashbyError } from './ashby/api.ts';
import { ashbyPages } from './ashby/pages.ts';
import { createCertificate, sandboxHostnames } from './certificate.ts';
import { jsonResponse, textResponse, type SandboxRequest, type SandboxResponse } from './http.ts';
import { leverApi, leverError } from './lever/api.ts';
import { leverPages } from './lever/pages.ts';
import { linkedinPages } from './linkedin/pages.ts';
import { llmApi, llmError, llmHostname } from './llm/api.ts';
import { pinpointApi, pinpointError } from './pinpoint/api.ts';
import { pinpointPages } from './pinpoint/pages.ts';
import { sandboxCredentials } from './seed.ts';
import { createStore, type SandboxData } from './store.ts';

export interface RequestLogEntry {
  time: number;
  host: string;
  method: string;
  /** pathname + search */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** 0 while unanswered, which is forever for a `timeout` fault. */
  status: number;
}

const faultRuleSchema = z.object({
  host: z.string().optional(),
  pathPrefix: z.string().optional(),
  /**
   * rate-limit: 429 + Retry-After; server-error: 5xx (status, default 503); timeout: never answers; slow: answers
   * normally after delayMilliseconds; malformed: a cut-off body; business-error: Ashby's `success:false` on HTTP 200
   * (others: their error body with status, default 422).
   */
  kind: z.enum(['rate-limit', 'server-error', 'timeout', 'slow', 'malformed', 'business-error']),
  delayMilliseconds: z.number().int().nonnegative().max(60_000).optional(),
  /** The vendor error code of a business-error. */
  code: z.string().optional(),
  /** The vendor error message of a business-error, e.g. a validation error naming a field. */
  message: z.string().max(500).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  status: z.number().int().min(400).max(599).optional(),
  /** Default 1; the rule is dropped once it has matched this many requests. */
  times: z.number().int().positive().optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;

export interface Sandbox {
  port: number;
  /** https://127.0.0.1:<port> */
  origin: string;
  /** For Chromium's `--host-resolver-rules`. */
  hostResolverRules: string;
  /** For Chromium's `--ignore-certificate-errors-spki-list`: trusts this run's certificate and nothing else. */
  certificateSpkiHash: string;
  credentials: typeof sandboxCredentials;
  /** Every request to a served host, in arrival order; control API calls are left out. */
  requests: RequestLogEntry[];
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Reseeds the store and clears the log and the faults. */
  reset(): void;
  close(): Promise<void>;
}

type Router = (request: SandboxRequest, store: SandboxData) => SandboxResponse;

const routers = new Map<string, Router>([
  ['app.ashbyhq.com', ashbyPages],
  ['api.ashbyhq.com', ashbyApi],
  ['hire.lever.co', leverPages],
  ['api.lever.co', leverApi],
  ['www.linkedin.com', linkedinPages],
  [llmHostname, llmApi],
]);

const controlHosts = new Set(['127.0.0.1', 'localhost']);
const secretHeaders = new Set(['authorization', 'x-api-key']);
const pinpointHost = /^([a-z0-9-]+)\.pinpointhq\.com$/;

function route(request: SandboxRequest, store: SandboxData): SandboxResponse {
  const router = routers.get(request.host);
  if (router) return router(request, store);
  const subdomain = pinpointHost.exec(request.host)?.[1];
  if (subdomain) {
    return request.url.pathname.startsWith('/api/')
      ? pinpointApi(request, store, subdomain)
      : pinpointPages(request, store, subdomain);
  }
  if (controlHosts.has(request.host)) {
    return textResponse(404, 'Sidecar sandbox. Send a Host header of a served site, or use /__sandbox/requests.');
  }
  return textResponse(421, `The sandbox does not serve ${request.host || 'requests without a Host header'}`);
}

interface FaultShapes {
  error: (status: number, code: string, message: string) => SandboxResponse;
  contentType: string;
  rateLimitCode: string;
  serverErrorCode: string;
  serverErrorMessage: string;
  /** A body cut short mid-value, as a dropped connection or a proxy would leave it. */
  truncated: string;
}

// Each API answers a fault in its own error shape, so clients meet the bodies they will meet in production.
const faultShapes: Record<'ashby' | 'lever' | 'pinpoint' | 'llm', FaultShapes> = {
  ashby: {
    error: ashbyError,
    contentType: 'application/json',
    rateLimitCode: 'rate_limit_exceeded',
    serverErrorCode: 'internal_error',
    serverErrorMessage: 'Service unavailable',
    truncated: '{"success":tru',
  },
  lever: {
    error: leverError,
    contentType: 'application/json',
    rateLimitCode: 'TooManyRequests',
    serverErrorCode: 'ServiceUnavailable',
    serverErrorMessage: 'Service unavailable',
    truncated: '{"data":[{"id":"',
  },
  llm: {
    error: llmError,
    contentType: 'application/json',
    rateLimitCode: 'rate_limit_exceeded',
    serverErrorCode: 'server_error',
    serverErrorMessage: 'The server had an error while processing your request.',
    truncated: '{"id":"chatcmpl-1","choices":[{"message":{"content":"{\\"tldr',
  },
  pinpoint: {
    error: pinpointError,
    contentType: 'application/vnd.api+json',
    rateLimitCode: 'too_many_requests',
    serverErrorCode: 'internal_server_error',
    serverErrorMessage: "We've notified our engineers and will fix it shortly.",
    truncated: '{"data":[{"id":"7001","type":"us',
  },
};

function apiShapes(request: SandboxRequest): FaultShapes | undefined {
  if (request.host === 'api.ashbyhq.com') return faultShapes.ashby;
  if (request.host === 'api.lever.co') return faultShapes.lever;
  if (request.host === llmHostname) return faultShapes.llm;
  if (pinpointHost.test(request.host) && request.url.pathname.startsWith('/api/')) return faultShapes.pinpoint;
  return undefined;
}

function faultResponse(rule: FaultRule, request: SandboxRequest): SandboxResponse {
  const shapes = apiShapes(request);
  if (rule.kind === 'malformed') {
    const contentType = shapes?.contentType ?? 'text/html';
    return {
      status: 200,
      headers: { 'content-type': contentType },
      body: shapes?.truncated ?? '<!doctype html><html><he',
    };
  }
  if (rule.kind === 'rate-limit') {
    const limited =
      shapes?.error(429, shapes.rateLimitCode, 'Rate limit exceeded') ?? textResponse(429, 'Too many requests');
    return { ...limited, headers: { ...limited.headers, 'retry-after': String(rule.retryAfterSeconds ?? 1) } };
  }
  if (rule.kind === 'business-error') {
    const code = rule.code ?? 'invalid_input';
    // Ashby reports refusals inside HTTP 200 (ashby-api.md §2); the others use their error status.
    const status = request.host === 'api.ashbyhq.com' ? 200 : (rule.status ?? 422);
    return shapes?.error(status, code, rule.message ?? `Injected ${code}`) ?? textResponse(status, code);
  }
  const status = rule.status ?? 503;
  return (
    shapes?.error(status, shapes.serverErrorCode, shapes.serverErrorMessage) ??
    textResponse(status, 'Service unavailable')
  );
}

function matches(rule: FaultRule, host: string, path: string): boolean {
  const hostMatches =
    !rule.host || rule.host === host || (rule.host.startsWith('*.') && host.endsWith(rule.host.slice(1)));
  return hostMatches && (!rule.pathPrefix || path.startsWith(rule.pathPrefix));
}

function hostnameOf(header: string | undefined): string {
  if (!header) return '';
  const host = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
  return host.toLowerCase();
}

function loggedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = secretHeaders.has(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, result: SandboxResponse): void {
  response.writeHead(result.status, result.headers);
  response.end(result.body);
}

export async function startSandbox(options: { port?: number; host?: string } = {}): Promise<Sandbox> {
  const listenHost = options.host ?? '127.0.0.1';
  const certificate = await createCertificate();
  let store = createStore();
  const requests: RequestLogEntry[] = [];
  let faults: FaultRule[] = [];
  // Responses held open by `timeout` faults; destroyed on reset/close so no socket outlives the test.
  const held = new Set<ServerResponse>();

  function releaseHeld(): void {
    for (const response of held) response.destroy();
    held.clear();
  }

  function takeFault(host: string, path: string): FaultRule | undefined {
    const rule = faults.find((candidate) => matches(candidate, host, path));
    if (!rule) return undefined;
    const remaining = (rule.times ?? 1) - 1;
    faults =
      remaining > 0
        ? faults.map((each) => (each === rule ? { ...rule, times: remaining } : each))
        : faults.filter((each) => each !== rule);
    return rule;
  }

  const sandbox: Omit<Sandbox, 'port' | 'origin' | 'hostResolverRules'> = {
    certificateSpkiHash: certificate.spkiHash,
    credentials: sandboxCredentials,
    requests,
    injectFault: (rule) => faults.push({ ...rule }),
    clearFaults: () => {
      faults = [];
    },
    reset: () => {
      store = createStore();
      requests.length = 0;
      faults = [];
      releaseHeld();
    },
    close: async () => {
      releaseHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function control(method: string, path: string, body: string): SandboxResponse {
    if (path === '/__sandbox/requests' && method === 'GET') return jsonResponse(200, requests);
    if (path === '/__sandbox/faults' && method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return jsonResponse(400, { error: 'Body must be a JSON fault rule' });
      }
      const rule = faultRuleSchema.safeParse(parsed);
      if (!rule.success) return jsonResponse(400, { error: z.prettifyError(rule.error) });
      sandbox.injectFault(rule.data);
      return { status: 204, body: '' };
    }
    if (path === '/__sandbox/faults' && method === 'DELETE') {
      sandbox.clearFaults();
      return { status: 204, body: '' };
    }
    if (path === '/__sandbox/reset' && method === 'POST') {
      sandbox.reset();
      return { status: 204, body: '' };
    }
    return jsonResponse(404, { error: `No control endpoint ${method} ${path}` });
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = hostnameOf(incoming.headers.host);
    const method = incoming.method ?? 'GET';
    const url = new URL(incoming.url ?? '/', `https://${host || 'invalid.host'}`);
    const path = url.pathname + url.search;
    if (controlHosts.has(host) && url.pathname.startsWith('/__sandbox/')) {
      send(response, control(method, url.pathname, await readBody(incoming)));
      return;
    }
    const entry: RequestLogEntry = {
      time: Date.now(),
      host,
      method,
      path,
      headers: loggedHeaders(incoming),
      body: '',
      status: 0,
    };
    requests.push(entry);
    entry.body = await readBody(incoming);
    const request: SandboxRequest = { host, method, url, headers: incoming.headers, body: entry.body };
    const fault = takeFault(host, path);
    if (fault?.kind === 'timeout') {
      held.add(response);
      response.on('close', () => held.delete(response));
      return;
    }
    if (fault?.kind === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMilliseconds ?? 3000));
      if (response.destroyed) return;
    }
    const result = fault && fault.kind !== 'slow' ? faultResponse(fault, request) : route(request, store);
    entry.status = result.status;
    send(response, result);
  }

  const server = createServer({ key: certificate.key, cert: certificate.cert }, (incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      // A router bug must show up as a 500 in the test that hit it, never take the server down.
      if (response.destroyed) return;
      if (response.headersSent) response.destroy();
      else send(response, textResponse(500, `Sandbox error: ${error instanceof Error ? error.stack : String(error)}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const connectHost = listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost;
  const target = `${connectHost}:${port}`;
  const hostResolverRules = [
    ...sandboxHostnames.map((hostname) => `MAP ${hostname} ${target}`),
    'MAP * ~NOTFOUND',
    // Anything else local (a fake LLM endpoint, Playwright helpers) must still resolve.
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  return { ...sandbox, port, origin: `https://${target}`, hostResolverRules };
}
