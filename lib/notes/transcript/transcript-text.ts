import type { TranscriptSegment } from '@/lib/core/calls';
import { TranscriptError } from './transcript-error';

/** Speaker of a cue that names nobody. Such cues are never merged: each keeps its own timestamp. */
export const unknownSpeaker = 'Unknown speaker';

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * `hh:mm:ss.ttt`, `mm:ss.ttt`, `h:mm:ss`, `m:ss`, with `.` or `,` before the fraction. Callers enforce their own
 * format's stricter shape where it matters; here the point is to turn any of them into seconds.
 */
const timestampPattern = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

export function parseTimestamp(value: string): number | undefined {
  const match = timestampPattern.exec(value.trim());
  if (!match) return undefined;
  const [, hours, minutes, seconds, fraction] = match;
  const minuteValue = Number(minutes);
  const secondValue = Number(seconds);
  if (secondValue >= 60 || (hours !== undefined && minuteValue >= 60)) return undefined;
  const fractionValue = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0')) / 1000;
  return Number(hours ?? 0) * 3600 + minuteValue * 60 + secondValue + fractionValue;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, body: string) => {
    if (body.startsWith('#')) {
      const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : entity;
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });
}

/** A cue's timing, or the error naming its line: unreadable, or ending before it starts. */
export function requireCueTiming(
  line: string | undefined,
  lineNumber: number,
  parse: (line: string) => { start: number; end: number } | undefined,
  example: string,
): { start: number; end: number } {
  const timing = line === undefined ? undefined : parse(line);
  if (!timing) throw new TranscriptError(lineNumber, example, line);
  if (timing.end < timing.start) {
    throw new TranscriptError(lineNumber, 'an end time that is not before the start time', line);
  }
  return timing;
}

/** Reads a cue timing line (`start --> end`) with the format's own pattern; both ends must be valid timestamps. */
export function parseTimingLine(line: string, pattern: RegExp): { start: number; end: number } | undefined {
  const match = pattern.exec(line);
  if (!match) return undefined;
  const start = parseTimestamp(match[1] ?? '');
  const end = parseTimestamp(match[2] ?? '');
  if (start === undefined || end === undefined) return undefined;
  return { start, end };
}

/**
 * Cue text is data, never HTML: formatting tags (`<i>`, `<c.yellow>`, `<00:00:01.000>`, `<font>`, `{\an8}`) go,
 * entities become the characters they stand for, and whitespace collapses. Whatever text remains, angle brackets
 * included, is kept as text for whoever renders it to escape.
 */
export function stripMarkup(text: string): string {
  const withoutTags = text.replace(/<\/?(?:[a-z][^<>]*|\d[\d:.]*)>/gi, ' ').replace(/\{\\[^{}]*\}/g, ' ');
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}

/**
 * A speaker label at the start of a line: one to five name words ("Priya Raman", "James O'Connor",
 * "Speaker 2", "Maria de la Cruz"), optionally followed by pronouns in brackets as Zoom shows them, then a colon.
 * Sentences such as "So the answer: yes" do not qualify because their later words are not capitalised.
 */
const nameWord = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const nameParticle = '(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|el|ibn|\\d{1,2})';
export const speakerNamePattern = `${nameWord}(?:\\s+(?:${nameWord}|${nameParticle})){0,4}`;
const speakerPrefix = new RegExp(`^(${speakerNamePattern})(?:\\s*\\([^()]{1,24}\\))?\\s*:(?:\\s+|$)(.*)$`, 'u');

// Labels that look like names but introduce a remark, so "Note: the call dropped" is not a speaker called Note.
const notSpeakers = new Set(['note', 'notes', 'edit', 'update', 'example', 'warning', 'ps', 're', 'fyi', 'todo']);

export function splitSpeakerPrefix(text: string): { speaker: string; text: string } | undefined {
  const match = speakerPrefix.exec(text);
  if (!match) return undefined;
  const [, speaker = '', rest = ''] = match;
  if (notSpeakers.has(speaker.toLowerCase()) || speaker.length > 60) return undefined;
  return { speaker, text: rest.trim() };
}

/**
 * Meeting tools cut speech into short cues; a summary reads turns. Consecutive cues of one named speaker become a
 * turn that starts with the first cue and ends with the last.
 */
export function mergeTurns(segments: TranscriptSegment[]): TranscriptSegment[] {
  const turns: TranscriptSegment[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const previous = turns[turns.length - 1];
    if (previous && previous.speaker === segment.speaker && segment.speaker !== unknownSpeaker) {
      previous.text = `${previous.text} ${segment.text}`;
      if (segment.endSeconds !== undefined) previous.endSeconds = segment.endSeconds;
      continue;
    }
    turns.push({ ...segment });
  }
  return turns;
}
