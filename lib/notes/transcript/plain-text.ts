import type { TranscriptSegment } from '@/lib/core/calls';
import { TranscriptError } from './transcript-error';
import {
  isBlank,
  mergeTurns,
  parseTimestamp,
  speakerNamePattern,
  splitLines,
  splitSpeakerPrefix,
  stripMarkup,
} from './transcript-text';

const clock = '\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?';
// `[00:12:03] Speaker: words`, `(00:12:03) Speaker: words`, `00:12:03 Speaker: words`.
const timestampedLine = new RegExp(`^\\s*[\\[(]?(${clock})[\\])]?\\s+(.*)$`);
const timestampOnlyLine = new RegExp(`^\\s*[\\[(]?${clock}[\\])]?\\s*$`);

/** Otter's speaker line: the name, two or more spaces, then `m:ss` or `h:mm:ss`. */
export const otterHeaderLine = new RegExp(
  `^\\s*(${speakerNamePattern}|Unknown Speaker)\\s{2,}(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*$`,
  'u',
);
// Otter signs its exports; the signature is not speech.
const otterSignature = /^\s*Transcribed by\s+\S*otter\.ai\S*\s*$/i;

export const plainLineExample = 'a line like "Speaker Name: words" or "[00:12:03] Speaker Name: words"';
export const otterHeaderExample = 'a speaker line like "Sofia Martinez  0:12"';

/**
 * Pasted or exported text with one turn per `Speaker: words` line, optionally led by a timestamp. Lines without a
 * speaker continue the turn above. Untimed lines inherit the last time seen (0 before any), since a segment needs
 * a start and guessing one from word counts would be invention.
 */
export function parsePlainText(text: string): TranscriptSegment[] {
  const lines = splitLines(text);
  const segments: TranscriptSegment[] = [];
  let lastSeconds = 0;
  lines.forEach((line, index) => {
    if (isBlank(line) || timestampOnlyLine.test(line)) return;
    let rest = line.trim();
    let seconds: number | undefined;
    const timed = timestampedLine.exec(rest);
    if (timed) {
      seconds = parseTimestamp(timed[1] ?? '');
      if (seconds !== undefined) rest = timed[2] ?? '';
    }
    const prefixed = splitSpeakerPrefix(rest);
    if (prefixed) {
      if (seconds !== undefined) lastSeconds = seconds;
      segments.push({ speaker: prefixed.speaker, startSeconds: lastSeconds, text: stripMarkup(prefixed.text) });
      return;
    }
    const previous = segments[segments.length - 1];
    if (!previous) throw new TranscriptError(index + 1, plainLineExample, line);
    previous.text = [previous.text, stripMarkup(line)].filter((part) => part !== '').join(' ');
  });
  const turns = mergeTurns(segments);
  if (turns.length === 0) throw new TranscriptError(Math.max(lines.length, 1), plainLineExample, undefined);
  return turns;
}

/** Otter exports: `Speaker Name  0:12` on its own line, then that speaker's paragraph. */
export function parseOtter(text: string): TranscriptSegment[] {
  const lines = splitLines(text);
  const segments: TranscriptSegment[] = [];
  lines.forEach((line, index) => {
    if (isBlank(line) || otterSignature.test(line)) return;
    const header = otterHeaderLine.exec(line);
    const seconds = header ? parseTimestamp(header[2] ?? '') : undefined;
    if (header && seconds !== undefined) {
      segments.push({ speaker: (header[1] ?? '').trim(), startSeconds: seconds, text: '' });
      return;
    }
    const previous = segments[segments.length - 1];
    if (!previous) throw new TranscriptError(index + 1, otterHeaderExample, line);
    previous.text = [previous.text, stripMarkup(line)].filter((part) => part !== '').join(' ');
  });
  const turns = mergeTurns(segments);
  if (turns.length === 0) throw new TranscriptError(Math.max(lines.length, 1), otterHeaderExample, undefined);
  return turns;
}
