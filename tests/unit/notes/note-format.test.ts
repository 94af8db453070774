// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CallSummary } from '@/lib/core/calls';
import {
  formatSummaryNote,
  isSidecarNote,
  parseSummaryNote,
  sidecarMarker,
  type SummaryNoteInput,
} from '@/lib/notes/note-format';
import { summarizeCall } from '@/lib/notes/summarizer/built-in';
import { parseTranscript } from '@/lib/notes/transcript/parse-transcript';
import { readTranscriptFixture } from './transcript-fixtures';

const hostile = '<script>alert(1)</script> and <img src=x onerror=alert(1)> & "quotes"';

const summary: CallSummary = {
  source: 'llm',
  model: 'gpt-4.1-mini',
  tldr: `Priya Raman: six years on payments backends; said ${hostile}`,
  keyPoints: [
    {
      text: 'We store the key with a unique constraint in the same transaction as the journal entry.',
      evidence: [
        {
          quote: 'We store the key with a unique constraint in the same transaction as the journal entry.',
          speaker: 'Priya Raman',
          startSeconds: 754.2,
        },
      ],
    },
    {
      text: `Candidate typed ${hostile} in the chat`,
      evidence: [{ quote: hostile, speaker: 'Priya <b>Raman</b>', startSeconds: 3725 }],
    },
  ],
  strengths: [{ text: 'Strong on idempotency — naïve retries explained, 😀', evidence: [] }],
  concerns: [],
  motivations: [],
  constraints: {
    noticePeriod: {
      text: 'Notice period: three months',
      evidence: [
        { quote: "It's three months, unfortunately.", speaker: 'Priya Raman', startSeconds: 571 },
        { quote: "What's your notice period?", speaker: 'Marcus Webb', startSeconds: 566 },
      ],
    },
  },
  nextSteps: [],
  topics: [
    { topic: 'System design', evidence: [{ quote: 'Interviewer saw a clear model.', speaker: 'Interviewer notes' }] },
  ],
  createdAt: '2026-03-12T10:00:00.000Z',
};

function note(format: 'html' | 'text', overrides: Partial<SummaryNoteInput> = {}): string {
  return formatSummaryNote({
    summary,
    callTitle: 'Technical interview <1>',
    candidateName: 'Priya Raman',
    notes: 'Line one\n<i>not markup</i>',
    includeNotes: true,
    format,
    ...overrides,
  });
}

describe('plain-text note (Lever, Pinpoint)', () => {
  it('reads as a note: heading, TL;DR, sections, quotes with speaker and time', () => {
    const body = note('text');
    const lines = body.split('\n');
    expect(lines[0]).toBe('Call summary — Technical interview <1>');
    expect(body).toContain(`TL;DR: Priya Raman: six years on payments backends; said ${hostile}`);
    expect(body).toContain(
      '- “We store the key with a unique constraint in the same transaction as the journal entry.” — Priya Raman, 12:34',
    );
    expect(body).toContain(`  “${hostile}” — Priya <b>Raman</b>, 1:02:05`);
    expect(body).toContain("- Notice period: three months\n  “It's three months, unfortunately.” — Priya Raman, 09:31");
    expect(body).toContain('- System design\n  “Interviewer saw a clear model.” — Interviewer notes');
    expect(body).toContain('Interviewer notes\nLine one\n<i>not markup</i>');
    expect(lines.at(-1)).toMatch(/^sidecar:summary:v1:[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  });

  it('reads back exactly what was written', () => {
    expect(parseSummaryNote(note('text'))).toEqual({
      summary,
      callTitle: 'Technical interview <1>',
      notes: 'Line one\n<i>not markup</i>',
    });
  });

  it('leaves the notes out of both the text and the marker when asked to', () => {
    const body = note('text', { includeNotes: false });
    expect(body).not.toContain('Line one');
    expect(parseSummaryNote(body)).toEqual({ summary, callTitle: 'Technical interview <1>' });
  });
});

describe('HTML note (Ashby)', () => {
  it("uses only Ashby's note tags", () => {
    const tags = [...note('html').matchAll(/<\/?([a-z0-9]+)[^>]*>/gi)].map((match) => match[1]?.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['p', 'b', 'i', 'ul', 'li', 'br']));
    expect(note('html')).not.toMatch(/<[a-z]+\s[^>]*>/i);
  });

  it('escapes every piece of text, so transcript content can never become markup', () => {
    const body = note('html');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<1>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&amp; &quot;quotes&quot;');
    expect(body).toContain('Priya &lt;b&gt;Raman&lt;/b&gt;, 1:02:05');
    expect(body).toContain('<p><b>Call summary — Technical interview &lt;1&gt;</b></p>');
    expect(body).toContain('<p>Line one<br>&lt;i&gt;not markup&lt;/i&gt;</p>');
  });

  it('reads back exactly what was written', () => {
    expect(parseSummaryNote(note('html'))).toEqual({
      summary,
      callTitle: 'Technical interview <1>',
      notes: 'Line one\n<i>not markup</i>',
    });
  });
});

describe('reading notes back after an ATS has stored them', () => {
  const expected = { summary, callTitle: 'Technical interview <1>', notes: 'Line one\n<i>not markup</i>' };

  it('survives HTML converted to text', () => {
    const asText = note('html')
      .replace(/<br>|<\/p>|<\/li>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(parseSummaryNote(asText)).toEqual(expected);
  });

  it('survives collapsed or added whitespace, wrapped marker lines and text appended after the marker', () => {
    const body = note('text');
    expect(parseSummaryNote(body.replace(/\s+/g, ' '))).toEqual(expected);
    expect(parseSummaryNote(`\n\n  ${body.replace(/\n/g, '\r\n')}  \n\n`)).toEqual(expected);
    const marker = body.split('\n').at(-1) ?? '';
    const wrapped = marker.replace(/(.{76})/g, '$1\n');
    expect(parseSummaryNote(body.replace(marker, wrapped))).toEqual(expected);
    expect(parseSummaryNote(`${body}\nPosted from Sidecar by Hannah Brooks`)).toEqual(expected);
    const html = note('html');
    const htmlMarker = /sidecar:summary:v1:[^<]+/.exec(html)?.[0] ?? '';
    expect(parseSummaryNote(html.replace(htmlMarker, htmlMarker.replace(/(.{60})/g, '$1<br>')))).toEqual(expected);
  });

  it('round-trips a real built-in summary of the Priya Raman call', () => {
    const transcript = parseTranscript(readTranscriptFixture('priya-raman-technical.vtt'));
    const real = summarizeCall({ transcript, candidateName: 'Priya Raman' }, '2026-03-12T10:00:00.000Z');
    for (const format of ['html', 'text'] as const) {
      const body = formatSummaryNote({
        summary: real,
        callTitle: 'Technical',
        candidateName: 'Priya Raman',
        includeNotes: false,
        format,
      });
      expect(parseSummaryNote(body)).toEqual({ summary: real, callTitle: 'Technical' });
    }
  });

  it('returns null for tampered, truncated, foreign or other-version markers, and never throws', () => {
    const body = note('text');
    const marker = body.split('\n').at(-1) ?? '';
    const payloadStart = 'sidecar:summary:v1:'.length;
    const flipped =
      marker.slice(0, payloadStart + 10) +
      (marker[payloadStart + 10] === 'A' ? 'B' : 'A') +
      marker.slice(payloadStart + 11);
    expect(parseSummaryNote(body.replace(marker, flipped))).toBeNull();
    expect(parseSummaryNote(body.replace(marker, marker.slice(0, 60)))).toBeNull();
    expect(parseSummaryNote(body.replace(marker, marker.replace(/\.[0-9a-f]{8}$/, '.00000000')))).toBeNull();
    expect(parseSummaryNote(body.replace('sidecar:summary:v1:', 'sidecar:summary:v2:'))).toBeNull();
    expect(parseSummaryNote('A note someone typed by hand.')).toBeNull();
    expect(parseSummaryNote('')).toBeNull();
  });

  it('returns null when a well-formed marker carries JSON of the wrong shape', () => {
    const encode = (value: unknown) => {
      const bytes = new TextEncoder().encode(JSON.stringify(value));
      const encoded = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      let hash = 0x811c9dc5;
      for (let index = 0; index < encoded.length; index++) {
        hash ^= encoded.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193);
      }
      return `sidecar:summary:v1:${encoded}.${(hash >>> 0).toString(16).padStart(8, '0')}`;
    };
    expect(parseSummaryNote(encode({ callTitle: 'x', summary: { ...summary, source: 'oracle' } }))).toBeNull();
    expect(parseSummaryNote(encode({ callTitle: 'x', summary: { ...summary, keyPoints: 'none' } }))).toBeNull();
    expect(parseSummaryNote(encode('not an object'))).toBeNull();
    expect(parseSummaryNote(encode({ callTitle: 'x', summary }))).toEqual({ callTitle: 'x', summary });
  });
});

describe('recognising Sidecar notes', () => {
  it('tells Sidecar notes of any version from other notes', () => {
    expect(isSidecarNote(note('text'))).toBe(true);
    expect(isSidecarNote(note('html'))).toBe(true);
    expect(isSidecarNote('sidecar:summary:v2:abc.12345678')).toBe(true);
    expect(isSidecarNote('Great call, moving to onsite.')).toBe(false);
  });

  it('gives the same marker for the text and HTML flavours, and for the ATS copy', () => {
    const marker = sidecarMarker(note('text'));
    expect(marker).toMatch(/^sidecar:summary:v1:/);
    expect(sidecarMarker(note('html'))).toBe(marker);
    expect(sidecarMarker(note('html').replace(/<[^>]+>/g, '\n'))).toBe(marker);
    expect(sidecarMarker('no marker here')).toBeUndefined();
  });
});
