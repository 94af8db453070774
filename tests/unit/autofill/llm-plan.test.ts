// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SidecarError } from '@/lib/core/errors';
import type { Transcript } from '@/lib/core/calls';
import { planWithLlm, type LlmPlan } from '@/lib/autofill/llm-plan';
import type { FieldDescriptor } from '@/lib/autofill/plan';
import type { ChatClient } from '@/lib/llm/chat-client';

const transcript: Transcript = {
  format: 'webvtt',
  segments: [
    { speaker: 'Marcus Webb', startSeconds: 10, text: 'How would you make payment writes safe to retry?' },
    {
      speaker: 'Priya Raman',
      startSeconds: 15,
      text: 'Every request carries an idempotency key, stored with the ledger entry.',
    },
    { speaker: 'Priya Raman', startSeconds: 40, text: 'I have not run sharded Postgres in production myself.' },
  ],
};

const fields: FieldDescriptor[] = [
  {
    key: 'design',
    label: 'System design',
    type: 'score',
    required: true,
    filled: false,
    options: ['1', '2', '3', '4'].map((value) => ({ value, label: value })),
  },
  {
    key: 'recommendation',
    label: 'Recommendation',
    type: 'single-select',
    required: true,
    filled: false,
    options: ['Strong hire', 'Hire', 'No hire'].map((value) => ({ value, label: value })),
  },
  { key: 'concerns', label: 'Concerns', type: 'long-text', required: false, filled: false, options: [] },
];

function chatAnswering(answer: LlmPlan | Error): ChatClient & { requests: unknown[] } {
  const requests: unknown[] = [];
  return {
    model: 'test-model',
    requests,
    async completeJson<T>(request: unknown): Promise<T> {
      requests.push(request);
      if (answer instanceof Error) throw answer;
      return answer as T;
    },
  } as ChatClient & { requests: unknown[] };
}

const quote = (text: string, speaker = 'Priya Raman', startSeconds = 15) => ({ quote: text, speaker, startSeconds });

describe('LLM scorecard plan', () => {
  it('proposes a score from the field options, with its reason and the verified quote', async () => {
    const chat = chatAnswering({
      fields: [
        { key: 'design', value: '3', reason: 'Solid idempotency answer.', evidence: [quote('an idempotency key')] },
        { key: 'recommendation', value: 'Hire', reason: 'Strong design.', evidence: [quote('idempotency key')] },
        {
          key: 'concerns',
          value: 'No production experience with sharding.',
          reason: 'Said so.',
          evidence: [quote('I have not run sharded Postgres in production myself.', 'Priya Raman', 40)],
        },
      ],
    });
    const plan = await planWithLlm(chat, fields, { transcript });
    expect(plan[0]).toMatchObject({
      key: 'design',
      status: 'proposed',
      value: '3',
      reason: 'Solid idempotency answer.',
    });
    expect(plan[0]?.evidence[0]).toMatchObject({ speaker: 'Priya Raman', startSeconds: 15 });
    expect(plan[1]).toMatchObject({ status: 'proposed', value: 'Hire' });
    expect(plan[2]).toMatchObject({ status: 'proposed', value: 'No production experience with sharding.' });
  });

  it('tells the model each field with its type and options', async () => {
    const chat = chatAnswering({ fields: [] });
    await planWithLlm(chat, fields, { transcript });
    const request = chat.requests[0] as { user: string; schemaName: string };
    expect(request.schemaName).toBe('scorecard_plan');
    expect(request.user).toContain(
      'key "recommendation": Recommendation (single-select, required) options: Strong hire | Hire | No hire',
    );
  });

  it('refuses a value that is not one of the options', async () => {
    const chat = chatAnswering({
      fields: [{ key: 'design', value: '5', reason: 'Great.', evidence: [quote('an idempotency key')] }],
    });
    const [design] = await planWithLlm(chat, fields, { transcript });
    expect(design).toMatchObject({ status: 'no-evidence', value: null });
    expect(design?.reason).toContain('"5"');
  });

  it('proposes nothing when the quotes were invented', async () => {
    const chat = chatAnswering({
      fields: [
        {
          key: 'recommendation',
          value: 'Strong hire',
          reason: 'Loved it.',
          evidence: [quote('I am the best engineer')],
        },
      ],
    });
    const plan = await planWithLlm(chat, fields, { transcript });
    expect(plan[1]).toMatchObject({ status: 'no-evidence', value: null });
  });

  it('leaves a field empty when the model says the call does not cover it', async () => {
    const chat = chatAnswering({ fields: [{ key: 'design', value: null, reason: 'Not discussed.', evidence: [] }] });
    const plan = await planWithLlm(chat, fields, { transcript });
    expect(plan.map((proposal) => proposal.status)).toEqual(['no-evidence', 'no-evidence', 'no-evidence']);
  });

  it('passes the chat error on, so the panel can say why and offer the offline plan', async () => {
    const chat = chatAnswering(
      new SidecarError({ kind: 'invalid-response', provider: 'llm', message: 'the answer is not JSON' }),
    );
    await expect(planWithLlm(chat, fields, { transcript })).rejects.toMatchObject({
      data: { kind: 'invalid-response' },
    });
  });
});
