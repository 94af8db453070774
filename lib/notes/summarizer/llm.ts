import { z } from 'zod';
import type {
  CallSummary,
  EvidenceQuote,
  Summarizer,
  SummarizerInput,
  SummaryPoint,
  SummaryTopic,
  TranscriptSegment,
} from '@/lib/core/calls';
import { SidecarError } from '@/lib/core/errors';
import type { ChatClient } from '@/lib/llm/chat-client';
import { formatTimestamp } from '../timestamp';

export interface LlmSummarizerOptions {
  /** Transcript budget of the prompt, in characters (~4 characters a token). */
  maxTranscriptCharacters?: number;
  now?: () => Date;
}

/**
 * ~30k tokens: fits every current hosted model and Ollama's larger contexts, with room for notes and the answer. An hour
 * of conversation is ~60k characters, so only unusually long calls are shortened.
 */
const defaultMaxTranscriptCharacters = 120_000;

// ---------------------------------------------------------------------------------------------------------------
// What the model must answer. Optional parts of CallSummary are `null` here because OpenAI's strict mode requires
// every property; z.toJSONSchema turns `.nullable()` into `type: [..., 'null']` and emits `required` for every key
// and `additionalProperties: false` on every object, which is exactly what strict mode accepts.

export const evidenceSchema = z.object({
  quote: z.string().describe('Words copied exactly from one transcript line or from the notes'),
  speaker: z.string().describe('The speaker of that line as written in the transcript, or "Notes"'),
  startSeconds: z.number().nullable().describe('Start of that line in seconds ([02:05] is 125); null for notes'),
});

const pointSchema = z.object({
  text: z.string().describe('One short statement in your own words'),
  evidence: z.array(evidenceSchema).describe('The quotes that show the statement is true'),
});

export const llmSummarySchema = z.object({
  tldr: z.string().describe('Two or three sentences for a reader who was not on the call'),
  keyPoints: z.array(pointSchema),
  strengths: z.array(pointSchema),
  concerns: z.array(pointSchema),
  motivations: z.array(pointSchema),
  constraints: z.object({
    noticePeriod: pointSchema.nullable(),
    compensation: pointSchema.nullable(),
    location: pointSchema.nullable(),
  }),
  nextSteps: z.array(pointSchema),
  topics: z.array(
    z.object({
      topic: z.string().describe('A competency or theme, e.g. "System design" or "Communication"'),
      evidence: z.array(evidenceSchema),
    }),
  ),
});

export type LlmSummary = z.infer<typeof llmSummarySchema>;

function strictJsonSchema(): Record<string, unknown> {
  // `$schema` is dropped: endpoints want the bare schema object and some reject unknown top-level keywords.
  const { $schema: _dialect, ...schema } = z.toJSONSchema(llmSummarySchema) as Record<string, unknown>;
  return schema;
}

export const llmSummaryJsonSchema = strictJsonSchema();
export const llmSummarySchemaName = 'call_summary';

// ---------------------------------------------------------------------------------------------------------------
// Prompt

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function renderTurn(segment: TranscriptSegment, maxTextCharacters: number): string {
  const text = singleLine(segment.text);
  const clipped = text.length > maxTextCharacters ? `${text.slice(0, maxTextCharacters)}…` : text;
  return `[${formatTimestamp(segment.startSeconds)}] ${singleLine(segment.speaker)}: ${clipped}`;
}

const normalizeName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Tells the candidate's turns apart, from the names the caller knows; `undefined` when it cannot. */
function candidateTest(input: SummarizerInput): ((speaker: string) => boolean) | undefined {
  const candidate = input.candidateName ? normalizeName(input.candidateName) : undefined;
  const interviewers = new Set((input.interviewerNames ?? []).map(normalizeName));
  if (candidate) {
    const firstName = candidate.split(' ')[0] ?? candidate;
    // Transcripts label speakers as the meeting tool knew them: "Priya Raman", "Priya", "priya.raman"…
    return (speaker) => {
      const name = normalizeName(speaker).replace(/[._]/g, ' ');
      return name === candidate || name === firstName || name.startsWith(`${firstName} `);
    };
  }
  if (interviewers.size > 0) return (speaker) => !interviewers.has(normalizeName(speaker));
  return undefined;
}

/**
 * Renders the transcript one turn a line. When it is over budget, keeps the opening (introductions, the role), the
 * ending (next steps, notice, salary usually come last) and, from the middle, the candidate's longest answers, which
 * carry most of the evidence; interviewer questions and short replies are the cheapest to lose. Left-out stretches are
 * marked so the model does not read two distant turns as one exchange.
 */
export function renderTranscript(
  segments: TranscriptSegment[],
  maxCharacters: number,
  isCandidate: ((speaker: string) => boolean) | undefined,
): { text: string; shortened: boolean } {
  // One turn may not eat the whole budget (a plain-text transcript can be a single giant "segment").
  const lines = segments.map((segment) => renderTurn(segment, Math.max(200, Math.floor(maxCharacters / 4))));
  const cost = (index: number) => (lines[index]?.length ?? 0) + 1;
  const total = lines.reduce((sum, _line, index) => sum + cost(index), 0);
  if (total <= maxCharacters) return { text: lines.join('\n'), shortened: false };

  const kept = new Set<number>();
  let used = 0;
  const take = (index: number) => {
    kept.add(index);
    used += cost(index);
  };
  const edgeBudget = Math.floor(maxCharacters / 4);
  for (let index = 0; index < lines.length && used + cost(index) <= edgeBudget; index += 1) take(index);
  const headUsed = used;
  for (let index = lines.length - 1; index >= 0 && !kept.has(index); index -= 1) {
    if (used - headUsed + cost(index) > edgeBudget) break;
    take(index);
  }
  const middle = segments
    .map((segment, index) => ({ segment, index }))
    .filter(({ segment, index }) => !kept.has(index) && (isCandidate?.(segment.speaker) ?? true))
    .sort((left, right) => cost(right.index) - cost(left.index));
  for (const { index } of middle) {
    if (used + cost(index) <= maxCharacters) take(index);
  }

  const output: string[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (!kept.has(index)) {
      skipped += 1;
      return;
    }
    if (skipped > 0) output.push(`[… ${skipped} turn${skipped === 1 ? '' : 's'} left out …]`);
    skipped = 0;
    output.push(line);
  });
  if (skipped > 0) output.push(`[… ${skipped} turn${skipped === 1 ? '' : 's'} left out …]`);
  return { text: output.join('\n'), shortened: true };
}

function systemPrompt(candidateName: string | undefined): string {
  const candidate = candidateName ?? 'the candidate';
  return [
    `You summarize a recruiting call with ${candidate} for the interviewer's team, from the call transcript and the interviewer's notes.`,
    '',
    'Rules:',
    '- Use only what the transcript and notes say. Leave out anything that was not in the call: an empty list, or null for a constraint. Never guess or fill in from general knowledge.',
    '- Every quote must be copied word for word from a single transcript line (the words after "Speaker:") or from the notes. Do not paraphrase, correct, translate or join lines. Quote the shortest sentence or clause that shows the point.',
    '- Give each quote the speaker exactly as written before the colon and the startSeconds of its line: [mm:ss] converted to seconds, so [02:05] is 125. For a quote from the notes use speaker "Notes" and startSeconds null.',
    '- Every statement in keyPoints, strengths, concerns, motivations, constraints and nextSteps needs at least one quote. Without a quote, leave the statement out.',
    `- Statements are about ${candidate} unless they describe the process (next steps). Write them in plain, neutral language, without quotation marks.`,
    '',
    'Fields:',
    '- tldr: two or three sentences for a reader who was not on the call.',
    '- keyPoints: the most important things learned, most important first (at most 6).',
    '- strengths: evidence of skills, experience or behaviour that fit the role.',
    '- concerns: gaps, risks or open questions, including ones the candidate raised.',
    '- motivations: why the candidate is looking and what they want next.',
    '- constraints.noticePeriod: notice period or earliest start date. constraints.compensation: current or expected pay. constraints.location: where they live, relocation, remote or hybrid preferences. null when not discussed.',
    '- nextSteps: what was agreed to happen after the call, and who does it.',
    '- topics: for each competency or theme discussed (e.g. "System design", "Communication"), the quotes that show it.',
  ].join('\n');
}

function userPrompt(input: SummarizerInput, transcript: { text: string; shortened: boolean } | undefined): string {
  const parts: string[] = [];
  if (input.candidateName) parts.push(`Candidate: ${input.candidateName}`);
  if (input.interviewerNames?.length) parts.push(`Interviewers: ${input.interviewerNames.join(', ')}`);
  if (transcript) {
    parts.push(
      '',
      '## Transcript',
      'Each line is one turn: [mm:ss] Speaker: words.',
      ...(transcript.shortened
        ? ['The call was long, so some turns in the middle are left out where marked; do not guess what they said.']
        : []),
      '',
      transcript.text,
    );
  }
  const notes = input.notes?.trim();
  if (notes) parts.push('', "## Interviewer's notes", '', notes);
  return parts.join('\n').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence check: models invent quotes, put the right words in the wrong mouth, and misread timestamps.

/** Case, whitespace, typographic quotes and dashes differ between a transcript and what a model writes back. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u201e«»]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const edgePunctuation = /^[\s"'.,;:!?-]+|[\s"'.,;:!?-]+$/g;

/** The parts of a quote the model elided with "..." must all occur, in order, in one source text. */
function quoteFragments(quote: string): string[] {
  return normalizeForMatch(quote)
    .split(/\.{3}|…|\[\.\.\.\]/)
    .map((fragment) => fragment.replace(edgePunctuation, '').trim())
    .filter((fragment) => fragment.length > 0);
}

function occursIn(fragments: string[], source: string): boolean {
  let from = 0;
  for (const fragment of fragments) {
    const at = source.indexOf(fragment, from);
    if (at === -1) return false;
    from = at + fragment.length;
  }
  return true;
}

export interface EvidenceSource {
  segments: Array<{ speaker: string; startSeconds: number; normalized: string }>;
  notes: string;
}

export function evidenceSource(input: SummarizerInput): EvidenceSource {
  return {
    segments: (input.transcript?.segments ?? []).map((segment) => ({
      speaker: segment.speaker,
      startSeconds: segment.startSeconds,
      normalized: normalizeForMatch(segment.text),
    })),
    notes: normalizeForMatch(input.notes ?? ''),
  };
}

/**
 * Keeps a quote only if its words are in the transcript or the notes. Speaker and time come from the line it was found
 * in, not from the model; of several matching lines, the one with the model's speaker nearest its time wins.
 */
export function verifyQuote(
  evidence: LlmSummary['keyPoints'][number]['evidence'][number],
  source: EvidenceSource,
): EvidenceQuote | undefined {
  const quote = evidence.quote
    .trim()
    .replace(/^["“”']+|["“”']+$/g, '')
    .trim();
  const fragments = quoteFragments(quote);
  if (fragments.length === 0) return undefined;
  const matches = source.segments.filter((segment) => occursIn(fragments, segment.normalized));
  if (matches.length > 0) {
    const claimedSpeaker = normalizeName(evidence.speaker);
    const claimedTime = evidence.startSeconds ?? 0;
    const sameSpeaker = matches.filter((segment) => normalizeName(segment.speaker) === claimedSpeaker);
    const best = (sameSpeaker.length > 0 ? sameSpeaker : matches).reduce((nearest, segment) =>
      Math.abs(segment.startSeconds - claimedTime) < Math.abs(nearest.startSeconds - claimedTime) ? segment : nearest,
    );
    return { quote, speaker: best.speaker, startSeconds: best.startSeconds };
  }
  if (source.notes && occursIn(fragments, source.notes)) return { quote, speaker: 'Notes' };
  return undefined;
}

function verifyEvidence(evidence: LlmSummary['keyPoints'][number]['evidence'], source: EvidenceSource) {
  return evidence.flatMap((item) => verifyQuote(item, source) ?? []);
}

/** A statement whose every quote was invented loses its footing, so it goes too; one given no quotes stays. */
function verifyPoint(point: LlmSummary['keyPoints'][number], source: EvidenceSource): SummaryPoint | undefined {
  const evidence = verifyEvidence(point.evidence, source);
  if (point.evidence.length > 0 && evidence.length === 0) return undefined;
  return { text: point.text.trim(), evidence };
}

function verifyPoints(points: LlmSummary['keyPoints'], source: EvidenceSource): SummaryPoint[] {
  return points.flatMap((point) => verifyPoint(point, source) ?? []);
}

export function toCallSummary(answer: LlmSummary, input: SummarizerInput, model: string, createdAt: Date): CallSummary {
  const source = evidenceSource(input);
  const constraints: CallSummary['constraints'] = {};
  for (const key of ['noticePeriod', 'compensation', 'location'] as const) {
    const point = answer.constraints[key];
    const verified = point ? verifyPoint(point, source) : undefined;
    if (verified) constraints[key] = verified;
  }
  const topics: SummaryTopic[] = answer.topics.flatMap((topic) => {
    const evidence = verifyEvidence(topic.evidence, source);
    return evidence.length > 0 ? [{ topic: topic.topic.trim(), evidence }] : [];
  });
  return {
    source: 'llm',
    model,
    tldr: answer.tldr.trim(),
    keyPoints: verifyPoints(answer.keyPoints, source),
    strengths: verifyPoints(answer.strengths, source),
    concerns: verifyPoints(answer.concerns, source),
    motivations: verifyPoints(answer.motivations, source),
    constraints,
    nextSteps: verifyPoints(answer.nextSteps, source),
    topics,
    createdAt: createdAt.toISOString(),
  };
}

/** Summarizes through the user's OpenAI-compatible endpoint; same output type as the built-in summarizer. */
export function createLlmSummarizer(chat: ChatClient, options: LlmSummarizerOptions = {}): Summarizer {
  const maxTranscriptCharacters = options.maxTranscriptCharacters ?? defaultMaxTranscriptCharacters;
  const now = options.now ?? (() => new Date());

  return {
    async summarize(input) {
      const segments = (input.transcript?.segments ?? []).filter((segment) => segment.text.trim().length > 0);
      if (segments.length === 0 && !input.notes?.trim()) {
        throw new SidecarError({
          kind: 'invalid-input',
          message: 'There is nothing to summarize yet: add notes or a transcript',
        });
      }
      const transcript =
        segments.length > 0 ? renderTranscript(segments, maxTranscriptCharacters, candidateTest(input)) : undefined;
      const answer = await chat.completeJson({
        system: systemPrompt(input.candidateName),
        user: userPrompt(input, transcript),
        schemaName: llmSummarySchemaName,
        jsonSchema: llmSummaryJsonSchema,
        schema: llmSummarySchema,
      });
      return toCallSummary(answer, input, chat.model, now());
    },
  };
}
