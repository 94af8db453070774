// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createChatClient, parseJsonContent, type ChatClientConfig } from '@/lib/llm/chat-client';
import { fakeClock } from '../http/fake-clock';
import { sidecarFailure as failure } from '../sidecar-failure';

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = Response | (() => Response) | Error;

/** A fetch that answers from a script and records what was sent, as the wire would see it. */
function fakeFetch(...replies: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await request.text();
    sent.push({ url: request.url, method: request.method, headers, body: text ? JSON.parse(text) : undefined });
    const reply = replies[Math.min(sent.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('no scripted reply');
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply.clone();
  };
  return { fetch, sent };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function completion(content: string | null, extra: { refusal?: string; finishReason?: string } = {}): Response {
  return json({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: extra.refusal ?? null },
        finish_reason: extra.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

const openAiError = (status: number, message: string, code: string | null = null) =>
  json({ error: { message, type: 'invalid_request_error', param: null, code } }, status);

const verdictSchema = z.object({ verdict: z.enum(['hire', 'no-hire']), reasons: z.array(z.string()) });
const verdictJsonSchema = {
  type: 'object',
  properties: {
    verdict: { type: 'string', enum: ['hire', 'no-hire'] },
    reasons: { type: 'array', items: { type: 'string' } },
  },
  required: ['verdict', 'reasons'],
  additionalProperties: false,
};
const verdictRequest = {
  system: 'You judge.',
  user: 'Judge Priya.',
  schemaName: 'verdict',
  jsonSchema: verdictJsonSchema,
  schema: verdictSchema,
};
const goodAnswer = { verdict: 'hire', reasons: ['Led the migration'] };

function client(reply: Reply | Reply[], config: Partial<ChatClientConfig> = {}) {
  const fake = fakeFetch(...(Array.isArray(reply) ? reply : [reply]));
  const chat = createChatClient(
    { baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-test-123', model: 'gpt-4o-mini', ...config },
    { fetch: fake.fetch, clock: fakeClock(), random: () => 0 },
  );
  return { chat, sent: fake.sent };
}

describe('chat client: the request', () => {
  it('posts to <baseUrl>/chat/completions with a Bearer key and a strict json_schema response_format', async () => {
    const { chat, sent } = client(completion(JSON.stringify(goodAnswer)));
    await chat.completeJson(verdictRequest);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer sk-test-123',
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(request?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You judge.' },
        { role: 'user', content: 'Judge Priya.' },
      ],
      temperature: 0.2,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'verdict', strict: true, schema: verdictJsonSchema },
      },
    });
  });

  it('accepts a base URL with a trailing slash without doubling it', async () => {
    const { chat, sent } = client(completion(JSON.stringify(goodAnswer)), { baseUrl: 'http://localhost:11434/v1/' });
    await chat.completeJson(verdictRequest);
    expect(sent[0]?.url).toBe('http://localhost:11434/v1/chat/completions');
  });

  it('sends no Authorization header when no key is set (a local Ollama or vLLM)', async () => {
    const { chat, sent } = client(completion(JSON.stringify(goodAnswer)), {
      baseUrl: 'http://localhost:11434/v1',
      apiKey: undefined,
    });
    await chat.completeJson(verdictRequest);
    expect(sent[0]?.headers).not.toHaveProperty('authorization');
    expect(sent[0]?.headers).not.toHaveProperty('api-key');
  });

  it('keeps the api-version query of an Azure deployment URL and sends the key as api-key', async () => {
    const { chat, sent } = client(completion(JSON.stringify(goodAnswer)), {
      baseUrl: 'https://acme.openai.azure.com/openai/deployments/gpt-4o/?api-version=2024-10-21',
    });
    await chat.completeJson(verdictRequest);
    expect(sent[0]?.url).toBe(
      'https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    );
    expect(sent[0]?.headers['api-key']).toBe('sk-test-123');
    expect(sent[0]?.headers).not.toHaveProperty('authorization');
  });

  it('refuses a base URL that is not a URL before sending anything', () => {
    expect(() => createChatClient({ baseUrl: 'localhost:11434', model: 'llama3' })).toThrow(/not a URL/);
  });
});

describe('chat client: the answer', () => {
  it('returns the content parsed as JSON and validated by the schema', async () => {
    const { chat } = client(completion(JSON.stringify(goodAnswer)));
    await expect(chat.completeJson(verdictRequest)).resolves.toEqual(goodAnswer);
  });

  it('tolerates JSON wrapped in a ```json fence with prose around it', async () => {
    const fenced = `Here you go:\n\n\`\`\`json\n${JSON.stringify(goodAnswer, null, 2)}\n\`\`\`\nAnything else?`;
    const { chat } = client(completion(fenced));
    await expect(chat.completeJson(verdictRequest)).resolves.toEqual(goodAnswer);
  });

  it('reports content that is not JSON as invalid-response', async () => {
    const { chat } = client(completion("Sure! {verdict: 'hire'"));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'invalid-response', provider: 'llm' });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('names the first field that does not match the schema', async () => {
    const { chat } = client(completion(JSON.stringify({ verdict: 'maybe', reasons: [] })));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/does not match verdict: field verdict:/);
  });

  it('names a nested field path when a list item is wrong', async () => {
    const { chat } = client(completion(JSON.stringify({ verdict: 'hire', reasons: ['ok', 3] })));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.message).toMatch(/field reasons\.1:/);
  });

  it('reports a refusal with the model’s words', async () => {
    const { chat } = client(completion(null, { refusal: "I can't help with that." }));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({
      kind: 'invalid-response',
      message: "The model refused to answer: I can't help with that.",
    });
  });

  it('reports an empty answer', async () => {
    const { chat } = client(completion('   '));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'invalid-response', message: 'The model returned an empty answer' });
  });

  it('reports an answer cut off at the token limit', async () => {
    const { chat } = client(completion('{"verdict": "hi', { finishReason: 'length' }));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/token limit/);
  });

  it('reports a body that is not a chat completion', async () => {
    const { chat } = client(json({ result: 'hire' }));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/did not answer with a chat completion: field choices/);
  });
});

describe('chat client: errors', () => {
  it('maps 401 to auth, keeping the endpoint’s message', async () => {
    const { chat } = client(openAiError(401, 'Incorrect API key provided: sk-te***23.', 'invalid_api_key'));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toEqual({
      kind: 'auth',
      provider: 'llm',
      status: 401,
      message: 'The LLM endpoint refused the key (Incorrect API key provided: sk-te***23.)',
    });
  });

  it('maps 403 to auth as well', async () => {
    const { chat } = client(openAiError(403, 'Project does not have access to model gpt-4o-mini'));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'auth', status: 403 });
    expect(error.message).toMatch(/^The LLM endpoint refused the key/);
  });

  it('marks a 401 without a key as not connected, so the panel links to Options', async () => {
    const { chat } = client(new Response('', { status: 401 }), { apiKey: undefined });
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'auth', notConnected: true });
    expect(error.message).toMatch(/needs an API key/);
  });

  it('maps 404 to not-found naming the model and the base URL', async () => {
    const { chat } = client(json({ error: 'model "llama9" not found, try pulling it first' }, 404), {
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama9',
    });
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toBe(
      'No model llama9 at http://localhost:11434/v1 (model "llama9" not found, try pulling it first)',
    );
  });

  it('maps 429 to rate-limited with Retry-After after one retry', async () => {
    const limited = () =>
      json({ error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, 429, { 'retry-after': '7' });
    const { chat, sent } = client(limited);
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 7, provider: 'llm' });
    expect(error.message).toBe('The LLM endpoint is limiting requests (Rate limit reached)');
    expect(sent).toHaveLength(2);
  });

  it('maps 5xx to upstream, retrying once', async () => {
    const { chat, sent } = client(() => new Response('Bad gateway', { status: 502 }));
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error).toMatchObject({ kind: 'upstream', status: 502, message: 'The LLM endpoint failed with HTTP 502' });
    expect(sent).toHaveLength(2);
  });

  it('recovers when the retry after a 5xx succeeds', async () => {
    const { chat } = client([new Response('', { status: 503 }), completion(JSON.stringify(goodAnswer))]);
    await expect(chat.completeJson(verdictRequest)).resolves.toEqual(goodAnswer);
  });

  it('maps an unreachable endpoint to network, naming the URL', async () => {
    const { chat } = client(new TypeError('fetch failed'), { baseUrl: 'http://localhost:11434/v1' });
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      'The LLM endpoint at http://localhost:11434/v1 did not answer: could not connect (fetch failed)',
    );
  });

  it('maps another 4xx to invalid-input, keeping the endpoint’s reason', async () => {
    const { chat } = client(
      openAiError(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."),
    );
    const error = await failure(chat.completeJson(verdictRequest));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/supports JSON schema outputs \(Invalid parameter: 'response_format'/);
  });
});

describe('parseJsonContent', () => {
  it('reads bare JSON, fenced JSON, and refuses prose', () => {
    expect(parseJsonContent('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonContent('```\n{"a":1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonContent('no json here')).toEqual({ ok: false });
  });
});
