// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CallSummary, EvidenceQuote, SummarizerInput, Transcript } from '@/lib/core/calls';
import { builtInSummarizer, notesSpeaker, splitSentences, summarizeCall } from '@/lib/notes/summarizer/built-in';
import { parseTranscript } from '@/lib/notes/transcript/parse-transcript';
import { generateLongCall, readTranscriptFixture } from './transcript-fixtures';

const createdAt = '2026-03-12T10:00:00.000Z';

function fixture(name: string): Transcript {
  return parseTranscript(readTranscriptFixture(name), name);
}

function allQuotes(summary: CallSummary): EvidenceQuote[] {
  return [
    ...summary.keyPoints,
    ...summary.strengths,
    ...summary.concerns,
    ...summary.motivations,
    ...summary.nextSteps,
    ...Object.values(summary.constraints),
  ]
    .flatMap((point) => point.evidence)
    .concat(summary.topics.flatMap((topic) => topic.evidence));
}

/** Every quote must be something a speaker (or the typed notes) actually said, attributed to them. */
function expectOnlyRealQuotes(summary: CallSummary, input: SummarizerInput): void {
  for (const evidence of allQuotes(summary)) {
    if (evidence.speaker === notesSpeaker) {
      expect(input.notes).toContain(evidence.quote);
      continue;
    }
    const said = input.transcript?.segments.filter((segment) => segment.speaker === evidence.speaker) ?? [];
    expect(said.some((segment) => segment.text.includes(evidence.quote))).toBe(true);
  }
}

const texts = (points: { text: string }[]) => points.map((point) => point.text);

describe('built-in summarizer on a technical interview (Priya Raman)', () => {
  const input: SummarizerInput = {
    transcript: fixture('priya-raman-technical.vtt'),
    candidateName: 'Priya Raman',
    interviewerNames: ['Marcus Webb', 'Aisha Khan'],
  };
  const summary = summarizeCall(input, createdAt);

  it('quotes only what was said, with speaker and time', () => {
    expectOnlyRealQuotes(summary, input);
    for (const evidence of allQuotes(summary)) expect(typeof evidence.startSeconds).toBe('number');
    expect(summary.source).toBe('built-in');
    expect(summary.createdAt).toBe(createdAt);
  });

  it('composes the TL;DR from extracted facts', () => {
    expect(summary.tldr).toBe(
      'Priya Raman: six years on payments backends; most evidence on System design and Leadership; notice period three months; compensation around £95k; based in London, open to hybrid.',
    );
  });

  it('finds the notice period, compensation and location with the candidate’s words as evidence', () => {
    const { noticePeriod, compensation, location } = summary.constraints;
    expect(noticePeriod?.text).toBe('Notice period: three months');
    expect(noticePeriod?.evidence[0]?.quote).toContain('three months');
    expect(noticePeriod?.evidence[0]?.speaker).toBe('Priya Raman');
    expect(compensation?.text).toContain('95');
    expect(compensation?.evidence[0]?.quote).toBe(
      "I'm expecting around £95k base for a senior role, but I'm flexible if the equity is meaningful.",
    );
    expect(location?.text).toBe('Location: based in London, open to hybrid');
    expect(location?.evidence.map((evidence) => evidence.quote)).toEqual([
      "I'm based in London, in Walthamstow.",
      "I'm open to hybrid, two or three days a week in the office is fine, I'd just rather not be fully remote again.",
    ]);
  });

  it('picks key points from the candidate, including the ledger design', () => {
    expect(summary.keyPoints.length).toBeGreaterThanOrEqual(5);
    for (const point of summary.keyPoints) expect(point.evidence[0]?.speaker).toBe('Priya Raman');
    expect(texts(summary.keyPoints)).toContain(
      'I led the migration from the old Rails models to a dedicated ledger service written in Kotlin on Postgres, which took about nine months.',
    );
    expect(summary.keyPoints.some((point) => /outbox|idempoten|transaction/i.test(point.text))).toBe(true);
  });

  it('lists specific strengths, concerns and motivations', () => {
    expect(texts(summary.strengths)).toContain(
      'We solved that by splitting it into sixteen sub-accounts and summing them on read, which cut lock contention on that path by about ninety percent.',
    );
    expect(texts(summary.concerns)).toContain(
      "I've never worked with React in a real project, and I know that on a smaller team I'd be expected to touch the dashboard sometimes.",
    );
    expect(texts(summary.concerns).some((text) => text.startsWith("I haven't run a sharded Postgres setup"))).toBe(
      true,
    );
    expect(texts(summary.motivations)).toContain(
      "I'm looking for a smaller team where I can own more of the product, not only the ledger.",
    );
  });

  it('lists the next steps the interviewer gave', () => {
    const steps = texts(summary.nextSteps).join(' ');
    expect(steps).toContain('take-home');
    expect(steps).toContain('schedule the onsite');
  });

  it('backs System design and Leadership with quotes', () => {
    const systemDesign = summary.topics.find((topic) => topic.topic === 'System design');
    expect(systemDesign?.evidence.length).toBeGreaterThan(0);
    expect(systemDesign?.evidence.some((evidence) => /ledger|outbox|Kafka/.test(evidence.quote))).toBe(true);
    expect(summary.topics.map((topic) => topic.topic).slice(0, 2)).toEqual(['System design', 'Leadership']);
  });

  it('finds the same candidate without being told who is who', () => {
    const unnamed = summarizeCall({ transcript: input.transcript }, createdAt);
    expect(unnamed.tldr.startsWith('Priya Raman:')).toBe(true);
    expect(unnamed.constraints.noticePeriod?.evidence[0]?.speaker).toBe('Priya Raman');
    const byInterviewers = summarizeCall(
      { transcript: input.transcript, interviewerNames: ['Marcus', 'aisha.khan'] },
      createdAt,
    );
    expect(byInterviewers.keyPoints).toEqual(summary.keyPoints);
  });

  it('is deterministic', () => {
    expect(summarizeCall(input, createdAt)).toEqual(summary);
  });
});

describe('built-in summarizer on other calls', () => {
  it('gives a design portfolio review different topics and no invented constraints or times (Daniel Okafor)', () => {
    const input: SummarizerInput = {
      transcript: fixture('daniel-okafor-portfolio.txt'),
      candidateName: 'Daniel Okafor',
    };
    const summary = summarizeCall(input, createdAt);
    expectOnlyRealQuotes(summary, input);
    const topics = summary.topics.map((topic) => topic.topic);
    expect(topics.slice(0, 2)).toEqual(['Product sense', 'Collaboration']);
    expect(topics).toContain('Communication');
    expect(topics).not.toContain('System design');
    expect(summary.constraints).toEqual({});
    expect(allQuotes(summary).every((evidence) => evidence.startSeconds === undefined)).toBe(true);
    expect(texts(summary.keyPoints)).toContain(
      'Onboarding completion in the first week went from thirty four percent to sixty one percent over two months, and support tickets about setup dropped by about half.',
    );
    expect(texts(summary.nextSteps)).toEqual([
      "We'll share feedback with Hannah, and she'll follow up with you about next steps by Friday.",
    ]);
  });

  it('reads a recruiter screen (James O’Connor) for constraints and motivation', () => {
    const input: SummarizerInput = { transcript: fixture('james-oconnor-screen.srt'), candidateName: "James O'Connor" };
    const summary = summarizeCall(input, createdAt);
    expectOnlyRealQuotes(summary, input);
    expect(summary.constraints.noticePeriod?.text).toBe('Notice period: one month');
    // "One month." alone is unclear, so the question comes with it.
    expect(summary.constraints.noticePeriod?.evidence.map((evidence) => evidence.quote)).toEqual([
      'One month.',
      "What's your notice period?",
    ]);
    expect(summary.constraints.compensation?.text).toBe('Compensation: around £85k');
    expect(summary.constraints.location?.text).toContain('relocate to London');
    expect(texts(summary.concerns)[0]).toContain("I haven't designed a backend service from scratch");
  });

  it('reads an Otter export of a manager interview (Sofia Martinez)', () => {
    const input: SummarizerInput = { transcript: fixture('sofia-martinez-otter.txt') };
    const summary = summarizeCall(input, createdAt);
    expectOnlyRealQuotes(summary, input);
    expect(summary.tldr.startsWith('Sofia Martinez:')).toBe(true);
    expect(summary.topics[0]?.topic).toBe('Leadership');
    expect(summary.constraints.compensation?.text).toBe('Compensation: around £120k');
    expect(summary.constraints.location?.text).toBe("Location: based in Manchester, wouldn't relocate");
    expect(texts(summary.concerns).some((text) => text.includes("I haven't written production code"))).toBe(true);
  });

  it('counts typed notes as evidence from "Interviewer notes"', () => {
    const notes = [
      '- Strong on ledger design, explained idempotency clearly',
      '- Concern: no production experience with sharded Postgres',
      '- Hannah to send the take-home today',
    ].join('\n');
    const input: SummarizerInput = {
      transcript: fixture('priya-raman-technical.vtt'),
      notes,
      candidateName: 'Priya Raman',
    };
    const summary = summarizeCall(input, createdAt);
    expectOnlyRealQuotes(summary, input);
    expect(summary.concerns).toContainEqual({
      text: 'Concern: no production experience with sharded Postgres',
      evidence: [{ quote: 'Concern: no production experience with sharded Postgres', speaker: 'Interviewer notes' }],
    });
    expect(summary.strengths.some((point) => point.evidence[0]?.speaker === 'Interviewer notes')).toBe(true);
  });

  it('summarises typed notes alone when there is no transcript', () => {
    const notes =
      'Six years in payments. Led the ledger migration to Kotlin.\nNotice period is two months.\nWants hybrid, based in London.';
    const summary = summarizeCall({ notes, candidateName: 'Priya Raman' }, createdAt);
    expect(summary.keyPoints.length).toBeGreaterThan(0);
    expect(summary.keyPoints.every((point) => point.evidence[0]?.speaker === 'Interviewer notes')).toBe(true);
    expect(summary.constraints.noticePeriod?.text).toBe('Notice period: two months');
    expect(summary.tldr.startsWith('Priya Raman:')).toBe(true);
  });

  it('says nothing it has no evidence for', () => {
    const summary = summarizeCall({}, createdAt);
    expect(summary).toMatchObject({ keyPoints: [], strengths: [], concerns: [], topics: [], constraints: {} });
    expect(summary.tldr).toBe('Nothing in the transcript or notes to summarise.');
  });

  it('resolves to a summary stamped with the current time', async () => {
    const summary = await builtInSummarizer.summarize({ transcript: fixture('james-oconnor-screen.srt') });
    expect(summary.source).toBe('built-in');
    expect(Number.isNaN(Date.parse(summary.createdAt))).toBe(false);
  });
});

describe('sentence splitting', () => {
  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(
      splitSentences('We met Dr. Khan, e.g. on Monday. Latency went from 3.5 s to 0.8 s! Did J. Smith agree? Yes.'),
    ).toEqual(['We met Dr. Khan, e.g. on Monday.', 'Latency went from 3.5 s to 0.8 s!', 'Did J. Smith agree?', 'Yes.']);
  });

  it('cuts a run-on sentence at clause boundaries so quotes stay verbatim and readable', () => {
    const runOn = Array.from({ length: 12 }, (_, index) => `we looked at option number ${index} in detail`).join(', ');
    const parts = splitSentences(runOn);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(runOn).toContain(part);
  });
});

describe('performance', () => {
  it('summarises a three-hour, 30,000-word transcript well within budget', () => {
    const transcript = parseTranscript(generateLongCall().vtt);
    summarizeCall({ transcript }, createdAt);
    const started = performance.now();
    const summary = summarizeCall({ transcript, candidateName: 'Priya Raman' }, createdAt);
    const milliseconds = performance.now() - started;
    console.info(`summarizeCall: 30000 words in ${milliseconds.toFixed(1)} ms`);
    expect(summary.keyPoints.length).toBeGreaterThan(0);
    expect(milliseconds).toBeLessThan(500);
  });
});
