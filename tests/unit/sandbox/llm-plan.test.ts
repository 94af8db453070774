// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SummarizerInput, TranscriptSegment } from '@/lib/core/calls';
import type { FeedbackFieldDefinition } from '@/lib/core/types';
import { llmPlanSchema, planWithLlm } from '@/lib/autofill/llm-plan';
import type { FieldDescriptor, FieldProposal } from '@/lib/autofill/plan';
import { createChatClient } from '@/lib/llm/chat-client';
import { renderTranscript } from '@/lib/notes/summarizer/llm';
import { parseTranscript } from '@/lib/notes/transcript/parse-transcript';
import { mapFeedbackForm } from '@/lib/providers/ashby/mapping';
import { mapFeedbackTemplate } from '@/lib/providers/lever/mapping';
import { ashbyFeedbackDefinition } from '../../sandbox/forms/ashby-form.ts';
import { llmCredentials } from '../../sandbox/llm/api.ts';
import { planScorecard, readPlanFields } from '../../sandbox/llm/scorecard-plan.ts';
import { leverState, templateIds } from '../../sandbox/lever/state.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createStore } from '../../sandbox/store.ts';
import { sidecarFailure as failure } from '../sidecar-failure';
import { sandboxFetch } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const transcript = parseTranscript(
  readFileSync('tests/fixtures/transcripts/priya-raman-technical.vtt', 'utf8'),
  'priya-raman-technical.vtt',
);
const call: SummarizerInput = { transcript };

/** Yes/no fields read from a page come with their two buttons as options; the API's Boolean has none. */
function descriptor(field: FeedbackFieldDefinition): FieldDescriptor {
  const options =
    field.type === 'yes-no' && field.options.length === 0
      ? [
          { value: 'Yes', label: 'Yes' },
          { value: 'No', label: 'No' },
        ]
      : field.options;
  return {
    key: field.id,
    label: field.label,
    ...(field.description ? { description: field.description } : {}),
    type: field.type,
    required: field.required,
    options,
    filled: false,
  };
}

const ashbyFields = mapFeedbackForm(ashbyFeedbackDefinition as never).fields.map(descriptor);
const leverTemplate = leverState(createStore()).templates.find((each) => each.id === templateIds.technical)!;
const leverFields = mapFeedbackTemplate(leverTemplate as never).fields.map(descriptor);

function chat(model: string = llmCredentials.model) {
  return createChatClient(
    { baseUrl: llmCredentials.baseUrl, model, apiKey: llmCredentials.key },
    { fetch: sandboxFetch(sandbox) },
  );
}

const byKey = (proposals: FieldProposal[], key: string) => proposals.find((each) => each.key === key)!;

function lastRequest() {
  const entry = sandbox.requests.filter((each) => each.path === '/v1/chat/completions').at(-1);
  return JSON.parse(entry?.body ?? '{}') as { response_format: { json_schema: { name: string } } };
}

/** Every quote must be a real line of the call, with that line's speaker and start time. */
function expectGrounded(proposals: FieldProposal[], segments: TranscriptSegment[]) {
  for (const quote of proposals.flatMap((proposal) => proposal.evidence)) {
    const line = segments.find((segment) => segment.text.includes(quote.quote));
    expect(line, quote.quote).toBeDefined();
    expect(quote).toEqual({ quote: quote.quote, speaker: line?.speaker, startSeconds: line?.startSeconds });
  }
}

describe('LLM sandbox: scorecard plans from sandbox-summary-1', () => {
  it('answers the scorecard_plan schema with a value per field, each backed by quotes from the call', async () => {
    const proposals = await planWithLlm(chat(), ashbyFields, call);
    expect(lastRequest().response_format.json_schema.name).toBe('scorecard_plan');
    expect(proposals.map((each) => each.key)).toEqual(ashbyFields.map((each) => each.key));

    const notice = byKey(proposals, 'notice_period');
    expect(notice).toMatchObject({ status: 'proposed', value: expect.stringMatching(/three months/i) });
    expect(notice.evidence[0]).toMatchObject({ speaker: 'Priya Raman', quote: notice.value });

    // A strong call: positive cues give the top of each scale, with the sentence that carries the cue.
    expect(byKey(proposals, '_systemfield_overall_recommendation')).toMatchObject({ status: 'proposed', value: '4' });
    expect(byKey(proposals, 'recommendation')).toMatchObject({ status: 'proposed', value: 'strong_hire' });
    expect(byKey(proposals, 'would_work_with')).toMatchObject({ status: 'proposed', value: 'Yes' });
    expect(byKey(proposals, '_systemfield_overall_recommendation').evidence[0]?.quote).toMatch(/^I led /);
    // Concerns come from what the candidate said she has not done.
    expect(byKey(proposals, 'concerns').value).toContain("I haven't run a sharded Postgres setup");
    // Nothing in the call is about coding, so nothing is proposed.
    expect(byKey(proposals, 'coding')).toMatchObject({ status: 'no-evidence', value: null });
    expectGrounded(proposals, transcript.segments);
  });

  it('picks Lever options by their text, multi-select joined by "|", and leaves fields the call does not cover', async () => {
    const proposals = await planWithLlm(chat(), leverFields, call);
    const field = (label: string) => byKey(proposals, leverFields.find((each) => each.label === label)!.key);
    expect(field('Rating')).toMatchObject({ status: 'proposed', value: '4 - Strong Hire' });
    expect(field('Strongest area')).toMatchObject({ status: 'proposed', value: 'System design' });
    expect(field('Topics covered')).toMatchObject({ status: 'proposed', value: 'Idempotency|Databases' });
    expect(field('Seniority')).toMatchObject({ status: 'proposed', value: 'Senior' });
    expect(field('Current title')).toMatchObject({ status: 'no-evidence', value: null });
    expect(field('Earliest start date')).toMatchObject({ status: 'no-evidence', value: null });
    expectGrounded(proposals, transcript.segments);
  });

  it('answers the fenced variant with the same plan', async () => {
    const plain = await planWithLlm(chat(), ashbyFields, call);
    expect(await planWithLlm(chat('sandbox-fenced-json'), ashbyFields, call)).toEqual(plain);
  });

  it('still answers a summary request with a summary', async () => {
    const reply = await sandboxFetch(sandbox)(`${llmCredentials.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${llmCredentials.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'sandbox-off-option',
        messages: [{ role: 'user', content: '## Transcript\n[00:05] Priya Raman: I led the ledger migration.' }],
      }),
    });
    const content = JSON.parse((await reply.json()).choices[0].message.content);
    expect(content).toMatchObject({ tldr: expect.any(String), keyPoints: expect.any(Array) });
  });
});

describe('LLM sandbox: broken scorecard answers for the extension’s checks', () => {
  it('sandbox-invented-quotes: every quote is made up, so nothing is proposed', async () => {
    const proposals = await planWithLlm(chat('sandbox-invented-quotes'), ashbyFields, call);
    expect(proposals.every((each) => each.status === 'no-evidence' && each.value === null)).toBe(true);
    expect(byKey(proposals, 'notice_period').reason).toMatch(/no quote that is in the call/);
  });

  it('sandbox-off-option: choice fields get a value outside their options, with real quotes', async () => {
    const proposals = await planWithLlm(chat('sandbox-off-option'), ashbyFields, call);
    for (const key of ['_systemfield_overall_recommendation', 'recommendation', 'would_work_with', 'coding']) {
      expect(byKey(proposals, key)).toMatchObject({ status: 'no-evidence', value: null });
      expect(byKey(proposals, key).reason).toMatch(/is not one of this field's options/);
      expect(byKey(proposals, key).evidence.length).toBeGreaterThan(0);
    }
    expect(byKey(proposals, '_systemfield_overall_recommendation').reason).toContain('"5"');
    expect(byKey(proposals, 'notice_period')).toMatchObject({ status: 'proposed' });
  });

  it('sandbox-wrong-shape and sandbox-invalid-json are invalid responses; sandbox-refusal is reported', async () => {
    expect(await failure(planWithLlm(chat('sandbox-wrong-shape'), ashbyFields, call))).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('scorecard_plan'),
    });
    expect(await failure(planWithLlm(chat('sandbox-invalid-json'), ashbyFields, call))).toMatchObject({
      kind: 'invalid-response',
    });
    expect(await failure(planWithLlm(chat('sandbox-refusal'), ashbyFields, call))).toMatchObject({
      kind: 'invalid-response',
      message: expect.stringContaining('refused'),
    });
  });
});

describe('LLM sandbox: reading the scorecard prompt', () => {
  const prompt = [
    'Form fields:',
    '- key "fit": Would you hire them (again)? (yes-no, required) — Yes or no. options: yes | no',
    '- key "rating": Rating (score) options: 4 - Strong Hire | 3 - Hire | 2 - No Hire | 1 - Strong No Hire',
    '- key "tools": Tools (multi-select) options: Kafka | dbt | Airflow',
    '- key "notice": Notice period (text)',
    '- key "salary": Salary expectation (long-text) — As stated.',
    '- key "start": Start date (date)',
    '',
    'Transcript:',
    '[00:05] Hannah Brooks: What is your notice period?',
    '[1:02:07] Elena Petrova: I built the streaming platform on Kafka. I have never used Airflow in production.',
    '[1:03:00] Elena Petrova: We shipped it in a quarter and I enjoyed it.',
    '',
    'Interviewer notes:',
    'Notice period is one month.',
  ].join('\n');

  it('reads each field line: key, label, type, required, description and options', () => {
    expect(readPlanFields(prompt)).toEqual([
      {
        key: 'fit',
        label: 'Would you hire them (again)?',
        type: 'yes-no',
        required: true,
        description: 'Yes or no.',
        options: ['yes', 'no'],
      },
      {
        key: 'rating',
        label: 'Rating',
        type: 'score',
        required: false,
        description: '',
        options: ['4 - Strong Hire', '3 - Hire', '2 - No Hire', '1 - Strong No Hire'],
      },
      {
        key: 'tools',
        label: 'Tools',
        type: 'multi-select',
        required: false,
        description: '',
        options: expect.any(Array),
      },
      { key: 'notice', label: 'Notice period', type: 'text', required: false, description: '', options: [] },
      {
        key: 'salary',
        label: 'Salary expectation',
        type: 'long-text',
        required: false,
        description: 'As stated.',
        options: [],
      },
      { key: 'start', label: 'Start date', type: 'date', required: false, description: '', options: [] },
    ]);
  });

  it('answers in the exact schema, times in seconds, notes quoted as "Notes" without a time', () => {
    const plan = planScorecard(prompt);
    expect(llmPlanSchema.safeParse(plan).success).toBe(true);
    const answer = (key: string) => plan.fields.find((each) => each.key === key);
    expect(answer('fit')).toMatchObject({
      value: 'yes',
      evidence: [
        { quote: 'I built the streaming platform on Kafka.', speaker: 'Elena Petrova', startSeconds: 3727 },
        { quote: 'We shipped it in a quarter and I enjoyed it.', speaker: 'Elena Petrova', startSeconds: 3780 },
      ],
    });
    expect(answer('rating')?.value).toBe('4 - Strong Hire');
    expect(answer('tools')).toMatchObject({ value: 'Kafka|Airflow' });
    // The interviewer's question is not evidence; the notes are.
    expect(answer('notice')).toEqual({
      key: 'notice',
      value: 'Notice period is one month.',
      reason: expect.any(String),
      evidence: [{ quote: 'Notice period is one month.', speaker: 'Notes', startSeconds: null }],
    });
    expect(answer('salary')).toMatchObject({ value: null, evidence: [] });
    expect(answer('start')).toMatchObject({ value: null, evidence: [] });
  });

  it('proposes nothing from an empty call', () => {
    const empty = prompt.replace(/Transcript:[\s\S]*$/, 'Transcript:\n(none)\n\nInterviewer notes:\n(none)');
    expect(planScorecard(empty).fields.every((each) => each.value === null && each.evidence.length === 0)).toBe(true);
  });

  it('renders transcript lines the way the extension does, so the sandbox reads what it is sent', () => {
    const rendered = renderTranscript(
      [{ speaker: 'Elena Petrova', startSeconds: 3727, text: 'I built the streaming platform on Kafka.' }],
      1000,
      undefined,
    ).text;
    expect(rendered).toBe('[1:02:07] Elena Petrova: I built the streaming platform on Kafka.');
  });
});
