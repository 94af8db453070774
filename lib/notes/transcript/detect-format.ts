import type { TranscriptFormat } from '@/lib/core/calls';
import { otterHeaderLine } from './plain-text';
import { isBlank, splitLines } from './transcript-text';

const sampledLines = 40;
const timingArrow = /^\s*\d[\d:.,]*\s*-->\s*\d[\d:.,]*/;

/**
 * What the content says wins; the file extension only decides when the content is silent, so a renamed SRT still
 * reads and a `.vtt` without its header gets an error about the header rather than about speaker lines.
 */
export function detectTranscriptFormat(text: string, fileName?: string): TranscriptFormat {
  const lines = splitLines(text);
  if (/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) return 'webvtt';

  const sample: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    sample.push(line);
    if (sample.length >= sampledLines) break;
  }
  const [first = '', second = ''] = sample;
  if (timingArrow.test(first) || (/^\s*\d+\s*$/.test(first) && timingArrow.test(second))) return 'srt';

  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'vtt') return 'webvtt';
  if (extension === 'srt') return 'srt';

  const otterHeaders = sample.filter((line) => otterHeaderLine.test(line)).length;
  if (otterHeaderLine.test(first) || otterHeaders >= 2) return 'otter';
  return 'plain';
}
