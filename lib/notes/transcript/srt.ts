import type { TranscriptSegment } from '@/lib/core/calls';
import { TranscriptError } from './transcript-error';
import {
  isBlank,
  mergeTurns,
  parseTimingLine,
  requireCueTiming,
  splitLines,
  splitSpeakerPrefix,
  stripMarkup,
  unknownSpeaker,
} from './transcript-text';

export const srtTimingExample = 'a timestamp line "00:00:01,000 --> 00:00:04,000"';

// SRT proper uses a comma before the milliseconds; some tools write a dot, which costs nothing to accept.
const timingLine = /^\s*(\d+:\d{2}:\d{2}(?:[,.]\d{1,3})?)\s*-->\s*(\d+:\d{2}:\d{2}(?:[,.]\d{1,3})?)(?:\s+.*)?$/;
const cueNumber = /^\s*\d+\s*$/;

export function parseSrtTiming(line: string): { start: number; end: number } | undefined {
  return parseTimingLine(line, timingLine);
}

/** SubRip: numbered blocks, a timing line, then text; the speaker comes from a `Name: text` prefix when present. */
export function parseSrt(text: string): TranscriptSegment[] {
  const lines = splitLines(text);
  const cues: TranscriptSegment[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (isBlank(line)) {
      index++;
      continue;
    }

    let timingIndex = index;
    if (cueNumber.test(line)) {
      timingIndex = index + 1;
    } else if (!line.includes('-->')) {
      throw new TranscriptError(index + 1, 'a cue number such as "1"', line);
    }
    const timing = requireCueTiming(lines[timingIndex], timingIndex + 1, parseSrtTiming, srtTimingExample);

    index = timingIndex + 1;
    const payload: string[] = [];
    while (index < lines.length && !isBlank(lines[index] ?? '')) {
      const payloadLine = lines[index] ?? '';
      const following = lines[index + 1];
      if (
        parseSrtTiming(payloadLine) ||
        (cueNumber.test(payloadLine) && following !== undefined && parseSrtTiming(following))
      ) {
        throw new TranscriptError(index + 1, 'a blank line before the next cue', payloadLine);
      }
      payload.push(payloadLine);
      index++;
    }

    const cueText = stripMarkup(payload.join('\n').replace(/^\s*-\s+/, ''));
    if (cueText === '') continue;
    const prefixed = splitSpeakerPrefix(cueText);
    cues.push({
      speaker: prefixed?.speaker ?? unknownSpeaker,
      startSeconds: timing.start,
      endSeconds: timing.end,
      text: prefixed?.text ?? cueText,
    });
  }

  const turns = mergeTurns(cues);
  if (turns.length === 0) throw new TranscriptError(Math.max(lines.length, 1), 'at least one cue with text', undefined);
  return turns;
}
