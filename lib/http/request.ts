import type { z } from 'zod';
import { SidecarError, type ErrorKind, type ServiceName, type SidecarErrorData } from '@/lib/core/errors';
import { systemClock, type Clock, type RateLimiter } from './rate-limiter';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | Array<string | number>;

export interface HttpRequest<T> {
  method: HttpMethod;
  /** Appended to the client's base URL. */
  path: string;
  /** Arrays repeat the parameter (`?tag=a&tag=b`), as Lever expects. */
  query?: Record<string, QueryValue>;
  /** JSON body, or FormData for multipart uploads. */
  body?: unknown;
  /** Defaults to application/json for JSON bodies. */
  contentType?: string;
  /** Validates the response body; the result is what the schema outputs. */
  schema: z.ZodType<T>;
  /**
   * Safe to send again when the response was lost (reads, or writes the ATS dedupes). Defaults to true for GET.
   * Writes that are not are retried only on 429, which means the request was not processed; the outbox does the rest.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface VendorError {
  message?: string;
  code?: string;
  /** Overrides the kind the status implies (Ashby: a permission error inside an HTTP 200). */
  kind?: ErrorKind;
}

export interface HttpClientOptions {
  provider: ServiceName;
  baseUrl: string;
  /** Auth and vendor headers, read per request so a changed key takes effect at once. */
  headers: () => Promise<Record<string, string>>;
  limiter: RateLimiter;
  /** Reads the vendor's error body (any status); on a 2xx body, a returned error means the call failed (Ashby). */
  readVendorError?: (body: unknown, status: number) => VendorError | undefined;
  timeoutMilliseconds?: number;
  maxAttempts?: number;
  /** Waiting longer than this for a retry is left to the caller (the outbox reschedules). */
  maxRetryWaitMilliseconds?: number;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
}

export interface HttpClient {
  request<T>(request: HttpRequest<T>): Promise<T>;
}

const statusKinds: Array<[test: (status: number) => boolean, kind: ErrorKind]> = [
  [(status) => status === 401, 'auth'],
  [(status) => status === 403, 'permission'],
  [(status) => status === 404, 'not-found'],
  [(status) => status === 429, 'rate-limited'],
  [(status) => status >= 500, 'upstream'],
  [(status) => status >= 400, 'invalid-input'],
];

export function kindForStatus(status: number): ErrorKind {
  return statusKinds.find(([test]) => test(status))?.[1] ?? 'upstream';
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function buildUrl(baseUrl: string, path: string, query: HttpRequest<unknown>['query']): string {
  const url = new URL(baseUrl.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url.toString();
}

/** Names the first field a response got wrong, e.g. `results.0.name: expected string, received undefined`. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the response did not match the expected shape';
  const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
  return `field ${field}: ${issue.message}`;
}

function retryable(error: SidecarErrorData, idempotent: boolean): boolean {
  if (error.kind === 'rate-limited') return true;
  return idempotent && (error.kind === 'upstream' || error.kind === 'network');
}

/**
 * The one HTTP layer for all ATS calls: rate limit, timeout, retries with exponential backoff and full jitter that
 * honour `Retry-After`, vendor error bodies mapped to Sidecar's error kinds (keeping the vendor's message), and
 * schema-checked responses.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const {
    provider,
    limiter,
    timeoutMilliseconds = 20_000,
    maxAttempts = 4,
    maxRetryWaitMilliseconds = 30_000,
    clock = systemClock,
    random = Math.random,
  } = options;
  const fetchImplementation = options.fetch ?? ((input, init) => fetch(input, init));

  const fail = (data: Omit<SidecarErrorData, 'provider'>): never => {
    throw new SidecarError({ provider, ...data });
  };

  async function attempt<T>(request: HttpRequest<T>): Promise<T> {
    await limiter.acquire(request.signal);
    const headers: Record<string, string> = { Accept: 'application/json', ...(await options.headers()) };
    let body: BodyInit | undefined;
    if (request.body instanceof FormData) {
      body = request.body;
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] = request.contentType ?? 'application/json';
    }
    const timeout = AbortSignal.timeout(timeoutMilliseconds);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;

    let response: Response;
    let text: string;
    try {
      response = await fetchImplementation(buildUrl(options.baseUrl, request.path, request.query), {
        method: request.method,
        headers,
        body,
        signal,
        credentials: 'omit',
        redirect: 'follow',
      });
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const timedOut = timeout.aborted;
      return fail({
        kind: 'network',
        message: timedOut
          ? `no answer within ${Math.round(timeoutMilliseconds / 1000)} s`
          : `could not connect (${error instanceof Error ? error.message : String(error)})`,
      });
    }

    let json: unknown;
    let parsedJson = false;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
        parsedJson = true;
      } catch {
        // Handled below: an error status keeps its own kind; a success with a broken body is invalid-response.
      }
    }

    const vendorError = parsedJson ? options.readVendorError?.(json, response.status) : undefined;
    if (!response.ok) {
      const kind = vendorError?.kind ?? kindForStatus(response.status);
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), clock.now());
      if (kind === 'rate-limited' && retryAfter !== undefined) limiter.pauseUntil(clock.now() + retryAfter * 1000);
      return fail({
        kind,
        status: response.status,
        message:
          vendorError?.message ?? `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      });
    }
    if (vendorError) {
      return fail({
        kind: vendorError.kind ?? 'upstream',
        status: response.status,
        message: vendorError.message ?? 'request failed',
      });
    }
    if (text.length > 0 && !parsedJson) {
      return fail({ kind: 'invalid-response', status: response.status, message: 'the response is not valid JSON' });
    }
    const result = request.schema.safeParse(json);
    if (!result.success) {
      return fail({ kind: 'invalid-response', status: response.status, message: describeSchemaError(result.error) });
    }
    return result.data;
  }

  return {
    async request<T>(request: HttpRequest<T>): Promise<T> {
      const idempotent = request.idempotent ?? request.method === 'GET';
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        try {
          return await attempt(request);
        } catch (error) {
          if (!(error instanceof SidecarError) || attemptNumber >= maxAttempts || !retryable(error.data, idempotent)) {
            throw error;
          }
          const backoff = Math.min(8_000, 500 * 2 ** (attemptNumber - 1)) * random();
          const wait = Math.max(backoff, (error.data.retryAfter ?? 0) * 1000);
          if (wait > maxRetryWaitMilliseconds) throw error;
          await clock.sleep(wait, request.signal);
        }
      }
    },
  };
}
