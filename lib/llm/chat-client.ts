import { z } from 'zod';
import { SidecarError, type SidecarErrorData } from '@/lib/core/errors';
import { createRateLimiter, type Clock, type RateLimiter } from '@/lib/http/rate-limiter';
import { createHttpClient, describeSchemaError, type VendorError } from '@/lib/http/request';

export interface ChatClientConfig {
  /** e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1`, or an Azure deployment URL with `?api-version=`. */
  baseUrl: string;
  /** Local servers (Ollama, vLLM) usually run without one. */
  apiKey?: string;
  model: string;
  /** Local models on a laptop can take minutes for a long transcript; defaults to 60 s. */
  timeoutMilliseconds?: number;
}

export interface ChatClientDependencies {
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  limiter?: RateLimiter;
}

export interface JsonCompletionRequest<T> {
  system: string;
  user: string;
  /** Names the schema for the endpoint (`json_schema.name`: letters, digits, `_` and `-`) and in error messages. */
  schemaName: string;
  /** Must be strict-mode compatible: every property required, `additionalProperties: false`, optionals nullable. */
  jsonSchema: object;
  /** What the answer is validated with; the JSON Schema only asks, this one checks. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export interface ChatClient {
  readonly model: string;
  completeJson<T>(request: JsonCompletionRequest<T>): Promise<T>;
}

const defaultTimeoutMilliseconds = 60_000;

// A summary is one call at a time; the bucket only stops a runaway loop from hammering a paid endpoint.
const chatRateRules = [{ capacity: 3, refillPerSecond: 0.5 }];

const chatCompletionSchema = z.object({
  choices: z.array(
    z.object({
      message: z.object({
        content: z.string().nullish(),
        refusal: z.string().nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
});

/**
 * OpenAI answers `{error: {message, type, code}}`, vLLM `{object: 'error', message, code}`, Ollama `{error: '...'}`.
 */
export function readChatError(body: unknown, status: number): VendorError | undefined {
  if (status < 400 || typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const { message, code } = error as Record<string, unknown>;
    return {
      ...(typeof message === 'string' ? { message } : {}),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (typeof record.message === 'string') return { message: record.message };
  return undefined;
}

/** Azure keys go in `api-key`; Azure reads a Bearer token as an Entra ID token and refuses a plain key there. */
function isAzureHost(hostname: string): boolean {
  return /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i.test(hostname);
}

/**
 * Splits the configured URL so `/chat/completions` lands on the path and an Azure `?api-version=` stays in the query
 * (the HTTP layer appends the path to the base URL as a string).
 */
function splitBaseUrl(baseUrl: string): { base: string; query: Record<string, string[]>; azure: boolean } {
  // `localhost:11434` parses as a URL with the scheme "localhost:", so the scheme is checked too.
  const url = URL.canParse(baseUrl.trim()) ? new URL(baseUrl.trim()) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SidecarError({
      kind: 'invalid-input',
      provider: 'llm',
      message: `The LLM base URL "${baseUrl}" is not a URL starting with http:// or https://`,
    });
  }
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { base, query, azure: isAzureHost(url.hostname) };
}

/** Models asked for JSON sometimes still wrap it in a Markdown fence, with or without prose around it. */
export function parseJsonContent(content: string): { ok: true; value: unknown } | { ok: false } {
  const candidates = [content.trim()];
  const fenced = /```(?:json|JSON)?[ \t]*\r?\n?([\s\S]*?)```/.exec(content)?.[1];
  if (fenced !== undefined) candidates.push(fenced.trim());
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return { ok: true, value: JSON.parse(candidate) as unknown };
    } catch {
      // Try the next reading.
    }
  }
  return { ok: false };
}

function withDetail(message: string, detail: string | undefined): string {
  return detail ? `${message} (${detail})` : message;
}

/**
 * A client for any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio…) that asks for JSON
 * matching a schema and validates what comes back. Errors are SidecarErrors with kinds the panel already explains.
 */
export function createChatClient(config: ChatClientConfig, dependencies: ChatClientDependencies = {}): ChatClient {
  const { base, query, azure } = splitBaseUrl(config.baseUrl);
  const displayUrl = config.baseUrl.trim();
  const authorizationHeaders: Record<string, string> = !config.apiKey
    ? {}
    : azure
      ? { 'api-key': config.apiKey }
      : { Authorization: `Bearer ${config.apiKey}` };

  const http = createHttpClient({
    provider: 'llm',
    baseUrl: base,
    headers: async () => authorizationHeaders,
    limiter: dependencies.limiter ?? createRateLimiter(chatRateRules, dependencies.clock),
    readVendorError: readChatError,
    timeoutMilliseconds: config.timeoutMilliseconds ?? defaultTimeoutMilliseconds,
    // A completion has no side effects, so one resend after a 5xx or a dropped connection is fine; more would make
    // the user wait several timeouts for a summary.
    maxAttempts: 2,
    ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
    ...(dependencies.clock ? { clock: dependencies.clock } : {}),
    ...(dependencies.random ? { random: dependencies.random } : {}),
  });

  /** Rewords the HTTP layer's error for an LLM endpoint, where the recruiter configured the URL and model. */
  function translate(error: SidecarErrorData): SidecarError {
    const data: SidecarErrorData = { ...error, provider: 'llm' };
    const status = data.status;
    const detail = data.message.startsWith('HTTP ') ? undefined : data.message;
    if (status === 401 || status === 403) {
      return new SidecarError({
        ...data,
        kind: 'auth',
        message: config.apiKey
          ? withDetail('The LLM endpoint refused the key', detail)
          : withDetail('The LLM endpoint needs an API key; add one in Sidecar Options', detail),
        ...(config.apiKey ? {} : { notConnected: true as const }),
      });
    }
    if (status === 404) {
      return new SidecarError({
        ...data,
        kind: 'not-found',
        message: withDetail(`No model ${config.model} at ${displayUrl}`, detail),
      });
    }
    if (data.kind === 'rate-limited') {
      return new SidecarError({ ...data, message: withDetail('The LLM endpoint is limiting requests', detail) });
    }
    if (data.kind === 'upstream') {
      return new SidecarError({
        ...data,
        message: withDetail(`The LLM endpoint failed${status ? ` with HTTP ${status}` : ''}`, detail),
      });
    }
    if (data.kind === 'network') {
      return new SidecarError({
        ...data,
        message: `The LLM endpoint at ${displayUrl} did not answer: ${data.message}`,
      });
    }
    if (data.kind === 'invalid-response') {
      return new SidecarError({
        ...data,
        message: `The LLM endpoint did not answer with a chat completion: ${data.message}`,
      });
    }
    if (data.kind === 'invalid-input') {
      return new SidecarError({
        ...data,
        message: withDetail(
          `The LLM endpoint rejected the request${status ? ` (HTTP ${status})` : ''}; check that ${config.model} supports JSON schema outputs`,
          detail,
        ),
      });
    }
    return new SidecarError(data);
  }

  const invalid = (message: string): never => {
    throw new SidecarError({ kind: 'invalid-response', provider: 'llm', message });
  };

  return {
    model: config.model,

    async completeJson<T>(request: JsonCompletionRequest<T>): Promise<T> {
      let completion: z.infer<typeof chatCompletionSchema>;
      try {
        // https://platform.openai.com/docs/api-reference/chat/create
        // https://platform.openai.com/docs/guides/structured-outputs (response_format json_schema, strict mode)
        completion = await http.request({
          method: 'POST',
          path: '/chat/completions',
          query,
          body: {
            model: config.model,
            messages: [
              { role: 'system', content: request.system },
              { role: 'user', content: request.user },
            ],
            temperature: 0.2,
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.schemaName, strict: true, schema: request.jsonSchema },
            },
          },
          schema: chatCompletionSchema,
          idempotent: true,
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        if (error instanceof SidecarError) throw translate(error.data);
        throw error;
      }

      const choice = completion.choices[0];
      if (!choice) return invalid('The LLM endpoint answered without a choice');
      if (choice.message.refusal) return invalid(`The model refused to answer: ${choice.message.refusal}`);
      const content = choice.message.content ?? '';
      if (choice.finish_reason === 'length') {
        return invalid('The model stopped at its output token limit before finishing the JSON answer');
      }
      if (choice.finish_reason === 'content_filter') return invalid("The endpoint's content filter stopped the answer");
      if (!content.trim()) return invalid('The model returned an empty answer');
      const parsed = parseJsonContent(content);
      if (!parsed.ok)
        return invalid(`The model's answer is not valid JSON (it starts "${content.trim().slice(0, 40)}")`);
      const result = request.schema.safeParse(parsed.value);
      if (!result.success) {
        return invalid(`The model's answer does not match ${request.schemaName}: ${describeSchemaError(result.error)}`);
      }
      return result.data;
    },
  };
}
