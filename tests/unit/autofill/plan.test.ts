// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planOffline, type FieldDescriptor } from '@/lib/autofill/plan';
import { builtInSummarizer } from '@/lib/notes/summarizer/built-in';
import { parseTranscript } from '@/lib/notes/transcript/parse-transcript';

const transcript = parseTranscript(
  readFileSync('tests/fixtures/transcripts/priya-raman-technical.vtt', 'utf8'),
  'priya-raman-technical.vtt',
);
const summary = await builtInSummarizer.summarize({
  transcript,
  candidateName: 'Priya Raman',
  interviewerNames: ['Marcus Webb', 'Aisha Khan'],
});
const calls = [{ title: 'Technical interview', summary }];

const field = (key: string, label: string, type: FieldDescriptor['type'], options: string[] = []): FieldDescriptor => ({
  key,
  label,
  type,
  required: false,
  filled: false,
  options: options.map((option) => ({ value: option, label: option })),
});

describe('offline scorecard plan', () => {
  const plan = planOffline(
    [
      field('strengths', 'Strengths', 'long-text'),
      field('concerns', 'Concerns', 'long-text'),
      field('design', 'System design', 'rich-text'),
      field('notice', 'Notice period', 'text'),
      field('recommendation', 'Overall recommendation', 'single-select', ['Strong hire', 'Hire', 'No hire']),
      field('score', 'Technical skills', 'score', ['1', '2', '3', '4']),
      field('hobby', 'Favourite sport', 'text'),
    ],
    calls,
  );
  const byKey = Object.fromEntries(plan.map((proposal) => [proposal.key, proposal]));

  it('fills the strengths field with the strengths the call showed, quoted', () => {
    expect(byKey.strengths?.status).toBe('proposed');
    expect(byKey.strengths?.value).toContain(summary.strengths[0]!.text);
    expect(byKey.strengths?.evidence.length).toBeGreaterThan(0);
  });

  it('fills a competency field with quotes on that competency, with speaker and time', () => {
    expect(byKey.design?.status).toBe('proposed');
    expect(byKey.design?.value).toMatch(/“.+” \(Priya Raman, \d\d:\d\d\)/);
    expect(byKey.design?.reason).toContain('system design');
  });

  it('puts the notice period the candidate gave into a notice-period field', () => {
    expect(byKey.notice?.value).toMatch(/three months/i);
  });

  it('leaves scores and choices to the human without an LLM, and says so', () => {
    expect(byKey.recommendation).toMatchObject({ status: 'needs-llm', value: null });
    expect(byKey.score).toMatchObject({ status: 'needs-llm', value: null });
  });

  it('invents nothing: a field the call never touched stays empty', () => {
    expect(byKey.hobby).toMatchObject({ status: 'no-evidence', value: null, reason: 'No evidence in the call.' });
  });

  it('uses only sentences from the summary', () => {
    const known = [
      ...summary.strengths,
      ...summary.concerns,
      ...summary.keyPoints,
      ...Object.values(summary.constraints).filter((point) => point !== undefined),
    ].map((point) => point.text);
    for (const line of (byKey.strengths?.value ?? '').split('\n')) expect(known).toContain(line.replace(/^- /, ''));
  });
});
