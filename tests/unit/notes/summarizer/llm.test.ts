// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SummarizerInput, TranscriptSegment } from '@/lib/core/calls';
import type { ChatClient, JsonCompletionRequest } from '@/lib/llm/chat-client';
import {
  createLlmSummarizer,
  llmSummaryJsonSchema,
  renderTranscript,
  type LlmSummary,
} from '@/lib/notes/summarizer/llm';
import { formatTimestamp } from '@/lib/notes/timestamp';
import { sidecarFailure as failure } from '../../sidecar-failure';
import { interviewNotes, interviewTranscript } from './llm-interview';

/** A chat client that returns a fixed answer (validated as the real one would) and keeps the requests. */
function fakeChat(answer: Partial<LlmSummary> = {}) {
  const requests: Array<JsonCompletionRequest<unknown>> = [];
  const full: LlmSummary = {
    tldr: 'Priya is a senior backend engineer looking for platform work.',
    keyPoints: [],
    strengths: [],
    concerns: [],
    motivations: [],
    constraints: { noticePeriod: null, compensation: null, location: null },
    nextSteps: [],
    topics: [],
    ...answer,
  };
  const chat: ChatClient = {
    model: 'fake-model',
    async completeJson<T>(request: JsonCompletionRequest<T>): Promise<T> {
      requests.push(request as JsonCompletionRequest<unknown>);
      return request.schema.parse(full);
    },
  };
  return { chat, requests };
}

const input: SummarizerInput = {
  transcript: interviewTranscript,
  notes: interviewNotes,
  candidateName: 'Priya Raman',
  interviewerNames: ['Hannah Brooks'],
};

const quote = (text: string, speaker = 'Priya Raman', startSeconds: number | null = 0) => ({
  quote: text,
  speaker,
  startSeconds,
});

describe('LLM summarizer: the request', () => {
  it('asks for an OpenAI strict-mode schema: every property required, no extra properties, optionals nullable', () => {
    expect(llmSummaryJsonSchema).not.toHaveProperty('$schema');
    const visit = (schema: unknown, path: string) => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (node.type === 'object') {
        const keys = Object.keys(node.properties as object);
        expect(node.additionalProperties, path).toBe(false);
        expect([...(node.required as string[])].sort(), path).toEqual([...keys].sort());
      }
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}.${key}.${index}`));
        else visit(value, `${path}.${key}`);
      }
    };
    visit(llmSummaryJsonSchema, '$');
    const constraints = (llmSummaryJsonSchema.properties as Record<string, { properties: Record<string, unknown> }>)
      .constraints;
    expect(JSON.stringify(constraints?.properties.noticePeriod)).toContain('"type":"null"');
  });

  it('tells the model to quote verbatim with speaker and time, and to leave out what the call did not cover', async () => {
    const { chat, requests } = fakeChat();
    await createLlmSummarizer(chat).summarize(input);
    const system = requests[0]?.system ?? '';
    expect(system).toMatch(/copied word for word/);
    expect(system).toMatch(/startSeconds/);
    expect(system).toMatch(/Leave out anything that was not in the call/);
    expect(requests[0]?.schemaName).toBe('call_summary');
  });

  it('puts candidate, interviewers, every turn as "[mm:ss] Speaker: words" and the notes in the user message', async () => {
    const { chat, requests } = fakeChat();
    await createLlmSummarizer(chat).summarize(input);
    const user = requests[0]?.user ?? '';
    expect(user).toMatch(/^Candidate: Priya Raman\nInterviewers: Hannah Brooks\n/);
    expect(user).toContain("[03:24] Priya Raman: I'm looking at around £95k base, depending on the overall package.");
    expect(user.match(/^\[\d\d:\d\d\] /gm)).toHaveLength(interviewTranscript.segments.length);
    expect(user).toContain(`## Interviewer's notes\n\n${interviewNotes}`);
    expect(user).not.toContain('left out');
  });

  it('refuses to summarize nothing, without calling the model', async () => {
    const { chat, requests } = fakeChat();
    const error = await failure(
      createLlmSummarizer(chat).summarize({ notes: '  ', transcript: { format: 'plain', segments: [] } }),
    );
    expect(error.kind).toBe('invalid-input');
    expect(requests).toHaveLength(0);
  });

  it('summarizes notes alone when there is no transcript', async () => {
    const { chat, requests } = fakeChat({
      keyPoints: [{ text: 'Wants hybrid.', evidence: [quote('Wants hybrid.', 'Hannah Brooks', null)] }],
    });
    const summary = await createLlmSummarizer(chat).summarize({ notes: interviewNotes });
    expect(requests[0]?.user).not.toContain('## Transcript');
    expect(summary.keyPoints[0]?.evidence).toEqual([{ quote: 'Wants hybrid.', speaker: 'Notes' }]);
  });
});

describe('LLM summarizer: evidence check', () => {
  it('keeps a quote that differs only in case, spacing and typographic apostrophes, with speaker and time from the line', async () => {
    const { chat } = fakeChat({
      constraints: {
        noticePeriod: {
          text: 'Three months notice.',
          evidence: [quote('“it’s a THREE-month   notice period”', 'Hannah Brooks', 999)],
        },
        compensation: null,
        location: null,
      },
    });
    const summary = await createLlmSummarizer(chat).summarize(input);
    expect(summary.constraints.noticePeriod).toEqual({
      text: 'Three months notice.',
      evidence: [{ quote: 'it’s a THREE-month   notice period', speaker: 'Priya Raman', startSeconds: 171 }],
    });
  });

  it('keeps a quote elided with "..." when its parts appear in order in one line, and drops one whose parts do not', async () => {
    const { chat } = fakeChat({
      strengths: [
        {
          text: 'Led a Kafka migration.',
          evidence: [
            quote('I led the migration ... on Kafka.', 'Priya Raman', 21),
            quote('on Kafka … I led the migration', 'Priya Raman', 21),
          ],
        },
      ],
    });
    const summary = await createLlmSummarizer(chat).summarize(input);
    expect(summary.strengths).toEqual([
      {
        text: 'Led a Kafka migration.',
        evidence: [{ quote: 'I led the migration ... on Kafka.', speaker: 'Priya Raman', startSeconds: 21 }],
      },
    ]);
  });

  it('attributes a quote found only in the notes to "Notes" without a time', async () => {
    const { chat } = fakeChat({
      concerns: [
        { text: 'On-call is open.', evidence: [quote('Ask about on-call expectations', 'Hannah Brooks', 240)] },
      ],
    });
    const summary = await createLlmSummarizer(chat).summarize(input);
    expect(summary.concerns[0]?.evidence).toEqual([{ quote: 'Ask about on-call expectations', speaker: 'Notes' }]);
  });

  it('drops invented quotes, statements left without any, and topics left empty; keeps the rest', async () => {
    const { chat } = fakeChat({
      strengths: [
        { text: 'Rebuilt payments alone.', evidence: [quote('I rebuilt payments by myself in a weekend.')] },
        {
          text: 'Designed for consistency.',
          evidence: [
            quote('I designed an outbox pattern with idempotent consumers', 'Priya Raman', 78),
            quote('I am a genius.'),
          ],
        },
      ],
      constraints: {
        noticePeriod: { text: 'Can start now.', evidence: [quote('I can start tomorrow.')] },
        compensation: {
          text: 'Around £95k.',
          evidence: [quote("I'm looking at around £95k base", 'Priya Raman', 204)],
        },
        location: null,
      },
      topics: [
        { topic: 'Kubernetes', evidence: [quote('I ran our Kubernetes clusters.')] },
        { topic: 'Mentoring', evidence: [quote('mentored two junior engineers', 'Priya Raman', 118)] },
      ],
    });
    const summary = await createLlmSummarizer(chat).summarize(input);
    expect(summary.strengths).toEqual([
      {
        text: 'Designed for consistency.',
        evidence: [
          { quote: 'I designed an outbox pattern with idempotent consumers', speaker: 'Priya Raman', startSeconds: 78 },
        ],
      },
    ]);
    expect(summary.constraints).toEqual({
      compensation: {
        text: 'Around £95k.',
        evidence: [{ quote: "I'm looking at around £95k base", speaker: 'Priya Raman', startSeconds: 204 }],
      },
    });
    expect(summary.topics.map((topic) => topic.topic)).toEqual(['Mentoring']);
  });

  it('keeps a statement the model gave no quotes for, since nothing in it was shown false', async () => {
    const { chat } = fakeChat({ keyPoints: [{ text: 'A first-round screen.', evidence: [] }] });
    const summary = await createLlmSummarizer(chat).summarize(input);
    expect(summary.keyPoints).toEqual([{ text: 'A first-round screen.', evidence: [] }]);
  });

  it('picks, of several matching lines, the one by the claimed speaker nearest the claimed time', async () => {
    const segments: TranscriptSegment[] = [
      { speaker: 'Hannah Brooks', startSeconds: 10, text: 'Sounds good.' },
      { speaker: 'Priya Raman', startSeconds: 20, text: 'Sounds good.' },
      { speaker: 'Priya Raman', startSeconds: 300, text: 'Sounds good.' },
    ];
    const { chat } = fakeChat({
      nextSteps: [{ text: 'Agreed.', evidence: [quote('sounds good', 'Priya Raman', 290)] }],
    });
    const summary = await createLlmSummarizer(chat).summarize({ transcript: { format: 'plain', segments } });
    expect(summary.nextSteps[0]?.evidence).toEqual([
      { quote: 'sounds good', speaker: 'Priya Raman', startSeconds: 300 },
    ]);
  });

  it('labels the summary as the LLM’s, with the model and the time it was made', async () => {
    const { chat } = fakeChat();
    const summary = await createLlmSummarizer(chat, { now: () => new Date('2025-01-02T03:04:05.000Z') }).summarize(
      input,
    );
    expect(summary).toMatchObject({
      source: 'llm',
      model: 'fake-model',
      createdAt: '2025-01-02T03:04:05.000Z',
      tldr: 'Priya is a senior backend engineer looking for platform work.',
    });
  });
});

describe('LLM summarizer: long transcripts', () => {
  const filler = 'We spent a while on this. '.repeat(12);
  const longSegments: TranscriptSegment[] = Array.from({ length: 60 }, (_, index) => {
    const candidate = index % 2 === 1;
    const text =
      index === 31
        ? `Story: ${'I rebuilt the ledger reconciliation end to end and cut errors to zero. '.repeat(8)}`
        : candidate
          ? `Answer ${index}. ${filler}`
          : `Question ${index}?`;
    return { speaker: candidate ? 'Priya Raman' : 'Hannah Brooks', startSeconds: index * 60, text };
  });

  it('keeps the opening, the ending and the candidate’s longest answers within the budget, and marks the gaps', async () => {
    const { chat, requests } = fakeChat();
    await createLlmSummarizer(chat, { maxTranscriptCharacters: 3000 }).summarize({
      transcript: { format: 'plain', segments: longSegments },
      candidateName: 'Priya Raman',
    });
    const user = requests[0]?.user ?? '';
    const transcript = user.slice(user.indexOf('## Transcript'));
    const turns = transcript.split('\n').filter((line) => /^\[\d+:\d\d\] /.test(line));
    expect(turns.join('\n').length).toBeLessThanOrEqual(3000);
    expect(turns[0]).toBe('[00:00] Hannah Brooks: Question 0?');
    expect(turns.at(-1)).toMatch(/^\[59:00\] Priya Raman: Answer 59\./);
    expect(transcript).toContain('[31:00] Priya Raman: Story: I rebuilt the ledger');
    expect(transcript).toMatch(/\[… \d+ turns left out …\]/);
    expect(user).toContain('some turns in the middle are left out');
  });

  it('leaves a transcript under the budget whole', () => {
    const rendered = renderTranscript(interviewTranscript.segments, 120_000, undefined);
    expect(rendered.shortened).toBe(false);
    expect(rendered.text.split('\n')).toHaveLength(interviewTranscript.segments.length);
  });

  it('writes times as mm:ss, and h:mm:ss past the first hour', () => {
    expect(formatTimestamp(4503)).toBe('1:15:03');
    expect(formatTimestamp(65.9)).toBe('01:05');
  });
});
