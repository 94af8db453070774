import { z } from 'zod';
import type { CallSummary, EvidenceQuote, SummaryPoint } from '@/lib/core/calls';
import { formatTimestamp } from './timestamp';

/**
 * A summary posted to an ATS is two things at once: a note people read, and a marker Sidecar reads back. The
 * marker is the last line, `sidecar:summary:v1:<base64url of UTF-8 JSON>.<checksum>`: base64url survives any
 * ATS's HTML-to-text conversion, the `.` ends the payload even when the ATS appends text, and the checksum tells
 * a damaged marker from a valid one. The readable part may be edited by people; the marker is the source of truth.
 */
const markerPrefix = 'sidecar:summary:';
const version = 'v1';
const markerPattern = /sidecar:summary:v1:([A-Za-z0-9_\-\s]+)\.\s*([0-9a-f]{8})/;

export interface SummaryNoteInput {
  summary: CallSummary;
  callTitle: string;
  candidateName: string;
  notes?: string;
  includeNotes: boolean;
  format: 'html' | 'text';
}

export interface ParsedSummaryNote {
  summary: CallSummary;
  callTitle: string;
  notes?: string;
}

const evidenceQuoteSchema = z.object({
  quote: z.string(),
  speaker: z.string(),
  startSeconds: z.number().finite().nonnegative().optional(),
});
const summaryPointSchema = z.object({ text: z.string(), evidence: z.array(evidenceQuoteSchema) });
const callSummarySchema = z.object({
  source: z.enum(['built-in', 'llm']),
  model: z.string().optional(),
  tldr: z.string(),
  keyPoints: z.array(summaryPointSchema),
  strengths: z.array(summaryPointSchema),
  concerns: z.array(summaryPointSchema),
  motivations: z.array(summaryPointSchema),
  constraints: z.object({
    noticePeriod: summaryPointSchema.optional(),
    compensation: summaryPointSchema.optional(),
    location: summaryPointSchema.optional(),
  }),
  nextSteps: z.array(summaryPointSchema),
  topics: z.array(z.object({ topic: z.string(), evidence: z.array(evidenceQuoteSchema) })),
  createdAt: z.string(),
});
const payloadSchema = z.object({
  callTitle: z.string(),
  summary: callSummarySchema,
  notes: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Encoding

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunked so a long summary does not overflow the argument limit of String.fromCharCode.
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** FNV-1a, 32 bits: enough to notice a damaged or hand-edited marker, not meant to resist forgery. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function markerLine(payload: ParsedSummaryNote): string {
  const encoded = toBase64Url(JSON.stringify(payload));
  return `${markerPrefix}${version}:${encoded}.${checksum(encoded)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

function attribution(evidence: EvidenceQuote): string {
  return evidence.startSeconds === undefined
    ? evidence.speaker
    : `${evidence.speaker}, ${formatTimestamp(evidence.startSeconds)}`;
}

interface Section {
  title: string;
  items: { text: string; quotes: EvidenceQuote[] }[];
}

/** A point whose text is its only quote is shown once, with who said it and when. */
function fromPoint(point: SummaryPoint): Section['items'][number] {
  const [only] = point.evidence;
  if (point.evidence.length === 1 && only && only.quote === point.text) {
    return { text: `“${point.text}” — ${attribution(only)}`, quotes: [] };
  }
  return { text: point.text, quotes: point.evidence };
}

function sectionsOf(summary: CallSummary): Section[] {
  const constraints = (
    [
      ['noticePeriod', 'Notice period'],
      ['compensation', 'Compensation'],
      ['location', 'Location'],
    ] as const
  ).flatMap(([key, label]) => {
    const point = summary.constraints[key];
    if (!point) return [];
    const item = fromPoint(point);
    const labelled = point.text.startsWith(`${label}:`) ? item.text : `${label}: ${item.text}`;
    return [{ ...item, text: labelled }];
  });
  const sections: Section[] = [
    { title: 'Key points', items: summary.keyPoints.map(fromPoint) },
    { title: 'Strengths', items: summary.strengths.map(fromPoint) },
    { title: 'Concerns', items: summary.concerns.map(fromPoint) },
    { title: 'Motivations', items: summary.motivations.map(fromPoint) },
    { title: 'Constraints', items: constraints },
    { title: 'Next steps', items: summary.nextSteps.map(fromPoint) },
    {
      title: 'Topics',
      items: summary.topics.map((topic) => ({ text: topic.topic, quotes: topic.evidence })),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}

function sourceLine(summary: CallSummary): string {
  const by = summary.source === 'llm' ? `LLM summary${summary.model ? ` (${summary.model})` : ''}` : 'Built-in summary';
  return `${by}, ${summary.createdAt}`;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function formatText(input: SummaryNoteInput, payload: ParsedSummaryNote): string {
  const lines = [
    `Call summary — ${input.callTitle}`,
    `Candidate: ${input.candidateName}`,
    '',
    `TL;DR: ${input.summary.tldr}`,
  ];
  for (const section of sectionsOf(input.summary)) {
    lines.push('', section.title);
    for (const item of section.items) {
      lines.push(`- ${item.text}`);
      for (const evidence of item.quotes) lines.push(`  “${evidence.quote}” — ${attribution(evidence)}`);
    }
  }
  if (payload.notes !== undefined) lines.push('', 'Interviewer notes', ...payload.notes.split(/\r\n|\r|\n/));
  lines.push('', sourceLine(input.summary), markerLine(payload));
  return lines.join('\n');
}

/** Ashby's note subset only: p, b, i, ul, ol, li, br. Every piece of text is escaped; none of it is markup. */
function formatHtml(input: SummaryNoteInput, payload: ParsedSummaryNote): string {
  const parts = [
    `<p><b>${escapeHtml(`Call summary — ${input.callTitle}`)}</b></p>`,
    `<p><b>Candidate:</b> ${escapeHtml(input.candidateName)}</p>`,
    `<p><b>TL;DR:</b> ${escapeHtml(input.summary.tldr)}</p>`,
  ];
  for (const section of sectionsOf(input.summary)) {
    parts.push(`<p><b>${escapeHtml(section.title)}</b></p>`);
    const items = section.items.map((item) => {
      const quotes = item.quotes.map(
        (evidence) => `<br><i>${escapeHtml(`“${evidence.quote}”`)}</i> — ${escapeHtml(attribution(evidence))}`,
      );
      return `<li>${escapeHtml(item.text)}${quotes.join('')}</li>`;
    });
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  if (payload.notes !== undefined) {
    parts.push('<p><b>Interviewer notes</b></p>');
    parts.push(
      `<p>${payload.notes
        .split(/\r\n|\r|\n/)
        .map(escapeHtml)
        .join('<br>')}</p>`,
    );
  }
  parts.push(`<p><i>${escapeHtml(sourceLine(input.summary))}</i></p>`, `<p>${markerLine(payload)}</p>`);
  return parts.join('');
}

export function formatSummaryNote(input: SummaryNoteInput): string {
  const payload: ParsedSummaryNote = {
    callTitle: input.callTitle,
    summary: input.summary,
    ...(input.includeNotes && input.notes !== undefined ? { notes: input.notes } : {}),
  };
  return input.format === 'html' ? formatHtml(input, payload) : formatText(input, payload);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading back

/** Any Sidecar summary note, whatever its version, so a newer note can be recognised even if it cannot be read. */
export function isSidecarNote(body: string): boolean {
  return /sidecar:summary:v\d+:/.test(body);
}

/** Notes stored as HTML may have the marker split by tags the ATS inserted; tags are never part of it. */
function markerText(body: string): string {
  return body.replace(/<[^>]*>/g, ' ');
}

/** The marker as written, whitespace the ATS may have inserted removed, to recognise a note already posted. */
export function sidecarMarker(body: string): string | undefined {
  const match = markerPattern.exec(markerText(body));
  if (!match) return undefined;
  return `${markerPrefix}${version}:${(match[1] ?? '').replace(/\s+/g, '')}.${match[2] ?? ''}`;
}

/** Reads a note Sidecar posted back into its summary; null for anything else, damaged, or of another version. */
export function parseSummaryNote(noteBody: string): ParsedSummaryNote | null {
  const match = markerPattern.exec(markerText(noteBody));
  if (!match) return null;
  const encoded = (match[1] ?? '').replace(/\s+/g, '');
  if (checksum(encoded) !== match[2]) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(fromBase64Url(encoded)));
    if (!parsed.success) return null;
    const { callTitle, summary, notes } = parsed.data;
    return { callTitle, summary, ...(notes !== undefined ? { notes } : {}) };
  } catch {
    return null;
  }
}
