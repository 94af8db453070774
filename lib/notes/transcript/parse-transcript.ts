import type { Transcript, TranscriptFormat, TranscriptSegment } from '@/lib/core/calls';
import { detectTranscriptFormat } from './detect-format';
import { parseOtter, parsePlainText } from './plain-text';
import { parseSrt } from './srt';
import { parseWebVtt } from './webvtt';

export { TranscriptError } from './transcript-error';
export { detectTranscriptFormat } from './detect-format';

const parsers: Record<TranscriptFormat, (text: string) => TranscriptSegment[]> = {
  webvtt: parseWebVtt,
  srt: parseSrt,
  plain: parsePlainText,
  otter: parseOtter,
};

/**
 * Reads a dropped transcript file. Throws `TranscriptError` naming the line and what was expected; never returns
 * part of a file, because a summary of half a call reads as a summary of the whole call.
 */
export function parseTranscript(text: string, fileName?: string): Transcript {
  const format = detectTranscriptFormat(text, fileName);
  return { format, segments: parsers[format](text) };
}
