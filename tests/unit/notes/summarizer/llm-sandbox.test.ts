// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallSummary, EvidenceQuote } from '@/lib/core/calls';
import { createChatClient } from '@/lib/llm/chat-client';
import { createLlmSummarizer } from '@/lib/notes/summarizer/llm';
import { llmApi, llmCredentials, llmHostname } from '../../../sandbox/llm/api.ts';
import { createStore } from '../../../sandbox/store.ts';
import { sidecarFailure as failure } from '../../sidecar-failure';
import { interviewNotes, interviewSegments, interviewTranscript } from './llm-interview';

// server.ts serves hosts by name over HTTPS; this test mounts the same router on a plain local server so the client
// goes through real fetch, headers and JSON on the wire without needing the sandbox's certificate.
let server: Server;
let baseUrl: string;
const received: Array<{ method: string; path: string; body: string }> = [];

beforeAll(async () => {
  const store = createStore();
  server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(incoming.url ?? '/', `https://${llmHostname}`);
      received.push({ method: incoming.method ?? 'GET', path: url.pathname, body });
      const result = llmApi(
        { host: llmHostname, method: incoming.method ?? 'GET', url, headers: incoming.headers, body },
        store,
      );
      response.writeHead(result.status, result.headers);
      response.end(result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
});

const input = {
  transcript: interviewTranscript,
  notes: interviewNotes,
  candidateName: 'Priya Raman',
  interviewerNames: ['Hannah Brooks'],
};

function summarizer(model: string = llmCredentials.model, apiKey: string | null = llmCredentials.key) {
  return createLlmSummarizer(createChatClient({ baseUrl, model, ...(apiKey ? { apiKey } : {}) }), {
    now: () => new Date('2025-03-04T10:00:00.000Z'),
  });
}

function allQuotes(summary: CallSummary): EvidenceQuote[] {
  const points = [
    ...summary.keyPoints,
    ...summary.strengths,
    ...summary.concerns,
    ...summary.motivations,
    ...summary.nextSteps,
    ...Object.values(summary.constraints),
  ];
  return [...points.flatMap((point) => point.evidence), ...summary.topics.flatMap((topic) => topic.evidence)];
}

/** What an e2e test can rely on: every quote is a real line of the transcript, with its speaker and time. */
function expectGrounded(summary: CallSummary) {
  for (const quote of allQuotes(summary)) {
    const line = interviewSegments.find((segment) => segment.text.includes(quote.quote));
    expect(line, quote.quote).toBeDefined();
    expect(quote).toEqual({ quote: quote.quote, speaker: line?.speaker, startSeconds: line?.startSeconds });
  }
}

describe('LLM summarizer against the sandbox endpoint', () => {
  it('summarizes the interview with quotes taken from the transcript, speaker and time included', async () => {
    const summary = await summarizer().summarize(input);
    expect(summary).toMatchObject({ source: 'llm', model: 'sandbox-summary-1', createdAt: '2025-03-04T10:00:00.000Z' });
    expect(summary.constraints.noticePeriod?.evidence).toEqual([
      {
        quote: "It's a three-month notice period, though they might let me go a few weeks early.",
        speaker: 'Priya Raman',
        startSeconds: 171,
      },
    ]);
    expect(summary.constraints.compensation?.evidence[0]?.quote).toContain('£95k');
    expect(summary.constraints.location?.evidence[0]).toMatchObject({ speaker: 'Priya Raman', startSeconds: 190 });
    expect(summary.constraints.location?.evidence[0]?.quote).toMatch(/London.*hybrid/);
    expect(summary.nextSteps[0]?.evidence[0]).toMatchObject({ speaker: 'Hannah Brooks', startSeconds: 214 });
    expect(summary.nextSteps[0]?.evidence[0]?.quote).toContain('take-home');
    expect(summary.motivations.map((point) => point.evidence[0]?.quote)).toEqual([
      "Honestly, I'm looking for a team where platform work is the product, not a side project.",
      "I'm excited by the developer tooling you're building.",
    ]);
    expect(summary.concerns[0]?.evidence[0]?.quote).toContain("haven't run Kubernetes");
    expect(summary.topics.map((topic) => topic.topic)).toContain('System design');
    expectGrounded(summary);
  });

  it('sends the transcript one turn a line with speaker and mm:ss, and a schema the strict endpoint accepts', async () => {
    await summarizer().summarize(input);
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]?.body ?? '{}') as {
      messages: Array<{ role: string; content: string }>;
      response_format: { json_schema: { strict: boolean } };
    };
    const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
    expect(user).toContain("[02:51] Priya Raman: It's a three-month notice period");
    expect(user).toContain('[00:00] Hannah Brooks: Hi Priya');
    expect(user).toContain(interviewNotes);
    expect(body.response_format.json_schema.strict).toBe(true);
  });

  it('accepts an answer wrapped in a ```json fence', async () => {
    const summary = await summarizer('sandbox-fenced-json').summarize(input);
    expect(summary.constraints.noticePeriod?.evidence[0]?.startSeconds).toBe(171);
    expectGrounded(summary);
  });

  it('drops invented quotes, and the statements that only they backed', async () => {
    const truthful = await summarizer().summarize(input);
    const summary = await summarizer('sandbox-invented-quotes').summarize(input);
    expect(summary.model).toBe('sandbox-invented-quotes');
    expect(summary.constraints.noticePeriod).toBeUndefined();
    expect(summary.constraints.compensation).toEqual(truthful.constraints.compensation);
    expect(summary.strengths).toEqual(truthful.strengths);
    expect(summary.motivations).toEqual(truthful.motivations);
    expect(JSON.stringify(summary)).not.toMatch(/payments platform by myself|Money is the only thing|start tomorrow/);
    expectGrounded(summary);
  });

  it('reports an answer that is not JSON as invalid-response', async () => {
    const error = await failure(summarizer('sandbox-invalid-json').summarize(input));
    expect(error).toMatchObject({ kind: 'invalid-response', provider: 'llm' });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('reports JSON missing required fields as invalid-response naming the first missing field', async () => {
    const error = await failure(summarizer('sandbox-wrong-shape').summarize(input));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/does not match call_summary: field strengths:/);
  });

  it('reports a refusal as invalid-response', async () => {
    const error = await failure(summarizer('sandbox-refusal').summarize(input));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/refused to answer/);
  });

  it('reports a wrong key as auth', async () => {
    const error = await failure(summarizer(llmCredentials.model, 'sk-wrong').summarize(input));
    expect(error).toMatchObject({ kind: 'auth', status: 401, provider: 'llm' });
    expect(error.message).toMatch(/^The LLM endpoint refused the key \(Incorrect API key provided/);
  });

  it('reports a missing key as auth, not connected', async () => {
    const error = await failure(summarizer(llmCredentials.model, null).summarize(input));
    expect(error).toMatchObject({ kind: 'auth', notConnected: true });
  });

  it('reports an unknown model as not-found naming the model and the URL', async () => {
    const error = await failure(summarizer('gpt-9').summarize(input));
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toMatch(new RegExp(`^No model gpt-9 at ${baseUrl.replace(/\./g, '\\.')} \\(The model`));
  });
});

describe('LLM sandbox endpoint', () => {
  it('lists its models in the OpenAI list shape', async () => {
    const response = await fetch(`${baseUrl}/models`, { headers: { authorization: `Bearer ${llmCredentials.key}` } });
    const body = (await response.json()) as { object: string; data: Array<{ id: string; object: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => model.id)).toEqual(
      expect.arrayContaining([
        'sandbox-summary-1',
        'sandbox-invalid-json',
        'sandbox-wrong-shape',
        'sandbox-invented-quotes',
      ]),
    );
    expect(body.data[0]?.object).toBe('model');
  });

  it('answers in the chat.completion shape', async () => {
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${llmCredentials.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sandbox-summary-1', messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'sandbox-summary-1',
      choices: [{ index: 0, message: { role: 'assistant', content: expect.any(String) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
  });

  it('refuses a response_format schema that strict mode would refuse, with an OpenAI error body', async () => {
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${llmCredentials.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'sandbox-summary-1',
        messages: [{ role: 'user', content: 'Hello' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'loose',
            strict: true,
            schema: {
              type: 'object',
              properties: { a: { type: 'string' } },
              required: [],
              additionalProperties: false,
            },
          },
        },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Invalid schema for response_format 'loose': .*Missing 'a'/),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });
});
