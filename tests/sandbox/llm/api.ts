import { createHash } from 'node:crypto';
import { jsonResponse, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { SandboxData } from '../store.ts';
import {
  planScorecard,
  scorecardPlanSchemaName,
  sentencesOf,
  withInventedQuotes,
  withoutReasons,
  withValuesOffTheOptions,
} from './scorecard-plan.ts';

/**
 * An OpenAI-compatible chat endpoint (https://platform.openai.com/docs/api-reference/chat/create) that answers
 * deterministically. It knows nothing of Sidecar's code; it reads the request the way a model would, from the prompt:
 * - a `scorecard_plan` response format (Fill scorecard) gets a value per form field with quotes, see scorecard-plan.ts;
 * - anything else gets a call summary whose quotes are real sentences of the transcript, relying only on the prompt's
 *   transcript lines looking like `[mm:ss] Speaker: words` under a `## Transcript` heading and an optional
 *   `Candidate: Name` line.
 *
 * Models:
 * - `sandbox-summary-1`: a valid answer with verbatim quotes.
 * - `sandbox-invalid-json`: content that is not JSON.
 * - `sandbox-wrong-shape`: JSON missing required fields.
 * - `sandbox-invented-quotes`: a valid answer where some quotes are not in the transcript (every quote, for a plan).
 * - `sandbox-off-option`: a valid answer; in a plan, every choice field has a value that is not one of its options.
 * - `sandbox-fenced-json`: the valid answer wrapped in a ```json fence, as some local models answer.
 * - `sandbox-refusal`: an assistant refusal (`content: null`, `refusal: "..."`).
 */

export const llmHostname = 'llm.sidecar.test';
export const llmCredentials = { key: 'sbx_llm_key', model: 'sandbox-summary-1', baseUrl: `https://${llmHostname}/v1` };

export const llmModels = [
  'sandbox-summary-1',
  'sandbox-invalid-json',
  'sandbox-wrong-shape',
  'sandbox-invented-quotes',
  'sandbox-off-option',
  'sandbox-fenced-json',
  'sandbox-refusal',
] as const;
type LlmModel = (typeof llmModels)[number];

// Fixed, so that answers are byte-for-byte the same on every run.
const modelCreated = 1_735_689_600;

/** OpenAI's error body. */
export function llmError(status: number, code: string | null, message: string, type = 'invalid_request_error') {
  return jsonResponse(status, { error: { message, type, param: null, code } });
}

// ---------------------------------------------------------------------------------------------------------------
// Request checks

function authorize(request: SandboxRequest): SandboxResponse | undefined {
  const header = request.headers.authorization;
  if (!header) {
    return llmError(
      401,
      null,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  const key = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
  if (key === llmCredentials.key) return undefined;
  const shown = key ? `${key.slice(0, 3)}***${key.slice(-2)}` : header.slice(0, 6);
  return llmError(401, 'invalid_api_key', `Incorrect API key provided: ${shown}.`);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The checks OpenAI's strict mode makes on a response_format schema: every object lists every property as required and
 * sets `additionalProperties: false`. A schema that fails them is refused with 400 before any generation.
 */
function strictSchemaProblem(schema: unknown, context: string[]): string | undefined {
  const where = `In context=(${context.map((part) => `'${part}'`).join(', ')})`;
  if (!isObject(schema)) return `${where}, schema must be a JSON Schema object.`;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object')) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (schema.additionalProperties !== false) {
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
    for (const [key, value] of Object.entries(properties)) {
      const problem = strictSchemaProblem(value, [...context, 'properties', key]);
      if (problem) return problem;
    }
  }
  if (types.includes('array') && schema.items !== undefined) {
    const problem = strictSchemaProblem(schema.items, [...context, 'items']);
    if (problem) return problem;
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    for (const [index, option] of options.entries()) {
      const problem = strictSchemaProblem(option, [...context, keyword, String(index)]);
      if (problem) return problem;
    }
  }
  return undefined;
}

function responseFormatProblem(format: unknown): string | undefined {
  if (format === undefined) return undefined;
  if (!isObject(format)) return "Invalid type for 'response_format': expected an object.";
  if (format.type !== 'json_schema') return undefined;
  const jsonSchema = format.json_schema;
  if (!isObject(jsonSchema) || typeof jsonSchema.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(jsonSchema.name)) {
    return "Invalid 'response_format.json_schema.name': letters, digits, '_' and '-' only, at most 64.";
  }
  if (jsonSchema.strict !== true) return undefined;
  const problem = strictSchemaProblem(jsonSchema.schema, []);
  return problem ? `Invalid schema for response_format '${jsonSchema.name}': ${problem}` : undefined;
}

function userMessage(messages: unknown[]): string {
  const last = messages.filter((message) => isObject(message) && message.role === 'user').at(-1);
  if (!isObject(last)) return '';
  if (typeof last.content === 'string') return last.content;
  if (!Array.isArray(last.content)) return '';
  return last.content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The deterministic "model"

interface Turn {
  speaker: string;
  startSeconds: number;
  text: string;
}

interface Quote {
  quote: string;
  speaker: string;
  startSeconds: number | null;
}

interface Point {
  text: string;
  evidence: Quote[];
}

interface Summary {
  tldr: string;
  keyPoints: Point[];
  strengths: Point[];
  concerns: Point[];
  motivations: Point[];
  constraints: { noticePeriod: Point | null; compensation: Point | null; location: Point | null };
  nextSteps: Point[];
  topics: Array<{ topic: string; evidence: Quote[] }>;
}

export function readTranscript(prompt: string): Turn[] {
  const lines = prompt.split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Transcript');
  if (start === -1) return [];
  const turns: Turn[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const match = /^\[(\d+):(\d{2})\] ([^:]+?): (.+)$/.exec(line.trim());
    if (!match) continue;
    const [, minutes, seconds, speaker, text] = match;
    if (!minutes || !seconds || !speaker || !text) continue;
    turns.push({ speaker, startSeconds: Number(minutes) * 60 + Number(seconds), text });
  }
  return turns;
}

function candidateOf(prompt: string, turns: Turn[]): string | undefined {
  const named = /^Candidate: (.+)$/m.exec(prompt)?.[1]?.trim();
  if (named) return named;
  // Without a name, the candidate is whoever talked most.
  const talk = new Map<string, number>();
  for (const turn of turns) talk.set(turn.speaker, (talk.get(turn.speaker) ?? 0) + turn.text.length);
  return [...talk.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
}

function summarize(prompt: string): Summary {
  const turns = readTranscript(prompt);
  const candidate = candidateOf(prompt, turns);
  const firstName = candidate?.split(' ')[0]?.toLowerCase();
  const isCandidate = (turn: Turn) =>
    turn.speaker.toLowerCase() === candidate?.toLowerCase() || turn.speaker.toLowerCase() === firstName;
  const candidateTurns = turns.filter(isCandidate);
  const others = [...new Set(turns.filter((turn) => !isCandidate(turn)).map((turn) => turn.speaker))];

  const quote = (turn: Turn, sentence: string): Quote => ({
    quote: sentence,
    speaker: turn.speaker,
    startSeconds: turn.startSeconds,
  });
  const find = (from: Turn[], pattern: RegExp, limit = 1): Quote[] => {
    const found: Quote[] = [];
    for (const turn of from) {
      for (const sentence of sentencesOf(turn.text)) {
        if (found.length < limit && pattern.test(sentence)) found.push(quote(turn, sentence));
      }
    }
    return found;
  };
  const point = (text: string, evidence: Quote[]): Point | null => (evidence.length > 0 ? { text, evidence } : null);
  const points = (text: string, evidence: Quote[]): Point[] => evidence.map((item) => ({ text, evidence: [item] }));

  const noticePeriod = point('Notice period discussed.', find(candidateTurns, /notice/i));
  const compensation = point('Compensation expectations stated.', find(candidateTurns, /salary|£|\$|€|compensation/i));
  const location = point(
    'Location and working pattern discussed.',
    find(candidateTurns, /relocat|remote|hybrid|based in/i),
  );
  const longest = candidateTurns
    .flatMap((turn) => sentencesOf(turn.text).map((sentence) => quote(turn, sentence)))
    .sort(
      (left, right) => right.quote.length - left.quote.length || (left.startSeconds ?? 0) - (right.startSeconds ?? 0),
    )
    .slice(0, 2);
  const topicRules: Array<[string, RegExp]> = [
    ['System design', /architect|design|scal|latency|throughput/i],
    ['Leadership', /\bled\b|mentor|lead/i],
    ['Communication', /stakeholder|explain|communicat|writ/i],
  ];
  const topics = topicRules.flatMap(([topic, pattern]) => {
    const evidence = find(candidateTurns, pattern, 2);
    return evidence.length > 0 ? [{ topic, evidence }] : [];
  });
  const lastTurn = turns.at(-1);
  const duration = lastTurn ? Math.floor(lastTurn.startSeconds / 60) : 0;

  return {
    tldr:
      turns.length > 0
        ? `Sandbox summary of a ${duration}-minute call between ${[...others, candidate].join(' and ')} (${turns.length} turns).`
        : 'Sandbox summary: the request had no transcript.',
    keyPoints: points('Key statement from the candidate.', longest),
    strengths: points(
      'Relevant experience described.',
      find(candidateTurns, /\b(led|built|designed|owned|shipped|mentored)\b/i, 2),
    ),
    concerns: points(
      'Gap or risk raised.',
      find(candidateTurns, /haven't|have not|not much|less experience|limited|never/i),
    ),
    motivations: points('Motivation for the move.', find(candidateTurns, /looking for|excited/i, 2)),
    constraints: { noticePeriod, compensation, location },
    nextSteps: points('Agreed next step.', find(turns, /next step/i)),
    topics,
  };
}

function invent(summary: Summary, prompt: string): Summary {
  const speaker = candidateOf(prompt, readTranscript(prompt)) ?? 'Candidate';
  const invented = (quote: string, startSeconds: number): Quote => ({ quote, speaker, startSeconds });
  return {
    ...summary,
    strengths: [
      ...summary.strengths,
      {
        text: 'Rebuilt the payments platform alone.',
        evidence: [invented('I rebuilt the entire payments platform by myself in a weekend.', 42)],
      },
    ],
    motivations: summary.motivations.map((point, index) =>
      index === 0
        ? { ...point, evidence: [...point.evidence, invented('Money is the only thing that matters to me.', 90)] }
        : point,
    ),
    constraints: {
      ...summary.constraints,
      noticePeriod: {
        text: 'Can start immediately.',
        evidence: [invented('I have no notice period and can start tomorrow.', 300)],
      },
    },
  };
}

function summaryContent(model: LlmModel, prompt: string): { content: string | null; refusal?: string } {
  switch (model) {
    case 'sandbox-summary-1':
    case 'sandbox-off-option':
      return { content: JSON.stringify(summarize(prompt)) };
    case 'sandbox-fenced-json':
      return { content: `Here is the summary:\n\n\`\`\`json\n${JSON.stringify(summarize(prompt), null, 2)}\n\`\`\`\n` };
    case 'sandbox-invented-quotes':
      return { content: JSON.stringify(invent(summarize(prompt), prompt)) };
    case 'sandbox-invalid-json':
      return { content: "Sure! Here's the summary: {tldr: 'Strong candidate', keyPoints: [" };
    case 'sandbox-wrong-shape':
      return { content: JSON.stringify({ tldr: 'Strong candidate.', keyPoints: [] }) };
    case 'sandbox-refusal':
      return { content: null, refusal: "I'm sorry, I can't help with that request." };
  }
}

function planContent(model: LlmModel, prompt: string): { content: string | null; refusal?: string } {
  const plan = planScorecard(prompt);
  switch (model) {
    case 'sandbox-summary-1':
      return { content: JSON.stringify(plan) };
    case 'sandbox-fenced-json':
      return { content: `Here is the plan:\n\n\`\`\`json\n${JSON.stringify(plan, null, 2)}\n\`\`\`\n` };
    case 'sandbox-invented-quotes':
      return { content: JSON.stringify(withInventedQuotes(plan, prompt)) };
    case 'sandbox-off-option':
      return { content: JSON.stringify(withValuesOffTheOptions(plan, prompt)) };
    case 'sandbox-invalid-json':
      return { content: "Sure! Here's the plan: {fields: [{key: 'overall', value: 'Strong hire'" };
    case 'sandbox-wrong-shape':
      return { content: JSON.stringify(withoutReasons(plan)) };
    case 'sandbox-refusal':
      return { content: null, refusal: "I'm sorry, I can't help with that request." };
  }
}

/** The answer is picked by the schema asked for, as a real model shapes its output to the response format. */
function schemaNameOf(format: unknown): string | undefined {
  if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.json_schema)) return undefined;
  return typeof format.json_schema.name === 'string' ? format.json_schema.name : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

function chatCompletion(request: SandboxRequest): SandboxResponse {
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return llmError(400, null, 'We could not parse the JSON body of your request.');
  }
  if (!isObject(body)) return llmError(400, null, 'The request body must be a JSON object.');
  if (typeof body.model !== 'string' || !body.model) return llmError(400, null, 'you must provide a model parameter');
  if (!llmModels.includes(body.model as LlmModel)) {
    return llmError(
      404,
      'model_not_found',
      `The model \`${body.model}\` does not exist or you do not have access to it.`,
    );
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return llmError(400, null, "Invalid 'messages': expected a non-empty array.");
  }
  const formatProblem = responseFormatProblem(body.response_format);
  if (formatProblem) return llmError(400, null, formatProblem);

  const model = body.model as LlmModel;
  const prompt = userMessage(body.messages);
  const { content, refusal } =
    schemaNameOf(body.response_format) === scorecardPlanSchemaName
      ? planContent(model, prompt)
      : summaryContent(model, prompt);
  const promptCharacters = body.messages.reduce<number>(
    (sum, message) => sum + (isObject(message) && typeof message.content === 'string' ? message.content.length : 0),
    0,
  );
  const promptTokens = Math.ceil(promptCharacters / 4);
  const completionTokens = Math.ceil((content ?? refusal ?? '').length / 4);
  return jsonResponse(200, {
    id: `chatcmpl-${createHash('sha256').update(request.body).digest('hex').slice(0, 24)}`,
    object: 'chat.completion',
    created: modelCreated,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: refusal ?? null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  });
}

function listModels(): SandboxResponse {
  return jsonResponse(200, {
    object: 'list',
    data: llmModels.map((id) => ({ id, object: 'model', created: modelCreated, owned_by: 'sidecar-sandbox' })),
  });
}

/**
 * OpenAI's API answers browsers' CORS preflights; so does this stand-in, which lets the extension reach it even when
 * the user declined the optional host permission (the endpoint-with-CORS case Options describes).
 */
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, api-key',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function answer(request: SandboxRequest): SandboxResponse {
  const path = request.url.pathname.replace(/\/+$/, '');
  const unauthorized = authorize(request);
  if (unauthorized) return unauthorized;
  if (path === '/v1/chat/completions' && request.method === 'POST') return chatCompletion(request);
  if (path === '/v1/models' && request.method === 'GET') return listModels();
  return llmError(404, null, `Invalid URL (${request.method} ${request.url.pathname})`);
}

export function llmApi(request: SandboxRequest, _store: SandboxData): SandboxResponse {
  if (request.method === 'OPTIONS') return { status: 204, headers: corsHeaders, body: '' };
  const response = answer(request);
  return { ...response, headers: { ...response.headers, ...corsHeaders } };
}
