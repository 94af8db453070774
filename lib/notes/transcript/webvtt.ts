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

export const webVttTimingExample = 'a timestamp line "00:00:01.000 --> 00:00:04.000"';

// Cue settings (`align:start position:10%`) may follow the end time; Sidecar has no use for them.
const timingLine = /^\s*(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;
const blockKeyword = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
// `<v Speaker>` and `<v.loud Speaker>`; the annotation after the classes is the speaker's name.
const voiceTag = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/gi;

export function parseWebVttTiming(line: string): { start: number; end: number } | undefined {
  return parseTimingLine(line, timingLine);
}

/**
 * WebVTT as Zoom, Teams and Meet write it: voice spans (`<v Priya Raman>…</v>`) or Zoom's `Priya Raman: …`
 * prefix, numeric or opaque cue ids (`a1b2/12-0`), NOTE/STYLE/REGION blocks, multi-line cues.
 * Consecutive cues of one speaker are merged into turns.
 */
export function parseWebVtt(text: string): TranscriptSegment[] {
  const lines = splitLines(text);
  const header = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t]|$)/.test(header)) throw new TranscriptError(1, 'the "WEBVTT" header', header);

  let index = 1;
  // The header block may carry metadata lines ("Kind: captions") until the first blank line.
  while (index < lines.length && !isBlank(lines[index] ?? '')) index++;

  const cues: TranscriptSegment[] = [];
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (isBlank(line)) {
      index++;
      continue;
    }
    if (blockKeyword.test(line)) {
      while (index < lines.length && !isBlank(lines[index] ?? '')) index++;
      continue;
    }

    let timingIndex = index;
    if (!line.includes('-->')) {
      // Anything before the timing line is the cue's identifier.
      timingIndex = index + 1;
      const next = lines[timingIndex];
      if (next === undefined || isBlank(next) || !next.includes('-->')) {
        throw new TranscriptError(timingIndex + 1, webVttTimingExample, next);
      }
    }
    const timing = requireCueTiming(lines[timingIndex] ?? '', timingIndex + 1, parseWebVttTiming, webVttTimingExample);

    index = timingIndex + 1;
    const payload: string[] = [];
    while (index < lines.length && !isBlank(lines[index] ?? '')) {
      const payloadLine = lines[index] ?? '';
      if (payloadLine.includes('-->') && parseWebVttTiming(payloadLine)) {
        throw new TranscriptError(index + 1, 'a blank line before the next cue', payloadLine);
      }
      payload.push(payloadLine);
      index++;
    }
    cues.push(...cueSegments(payload.join('\n'), timing.start, timing.end));
  }

  const turns = mergeTurns(cues);
  if (turns.length === 0) throw new TranscriptError(lines.length, 'at least one cue with text', undefined);
  return turns;
}

/** One cue usually holds one speaker, but a cue may switch voices mid-way: each voice span becomes a segment. */
function cueSegments(payload: string, start: number, end: number): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  const voices = [...payload.matchAll(voiceTag)];
  const firstVoice = voices[0];
  const leading = firstVoice ? payload.slice(0, firstVoice.index) : payload;
  const leadingText = stripMarkup(leading);
  if (leadingText !== '') {
    const prefixed = splitSpeakerPrefix(leadingText);
    segments.push({
      speaker: prefixed?.speaker ?? unknownSpeaker,
      startSeconds: start,
      endSeconds: end,
      text: prefixed?.text ?? leadingText,
    });
  }
  voices.forEach((voice, position) => {
    const next = voices[position + 1];
    const body = payload.slice((voice.index ?? 0) + voice[0].length, next ? next.index : undefined);
    const text = stripMarkup(body);
    const speaker = stripMarkup(voice[1] ?? '') || unknownSpeaker;
    if (text !== '') segments.push({ speaker, startSeconds: start, endSeconds: end, text });
  });
  return segments;
}
