import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('../../fixtures/transcripts/', import.meta.url));

export function readTranscriptFixture(name: string): string {
  return readFileSync(`${directory}${name}`, 'utf8');
}

const vocabulary = (
  'so the ledger service writes every posting in one transaction and we keep an idempotency key for each request ' +
  'which means retries from the payment provider never double count and I led the migration to Kafka last year ' +
  'we reduced pages by forty percent after cleaning up the alerts and I mentored two junior engineers on the team ' +
  'my notice period is three months and I am based in London open to hybrid working two days a week in the office'
).split(' ');

/**
 * A three-hour Zoom-style call of about 30,000 words: the size Sidecar promises to handle quickly, built here so
 * the repository does not carry a large file.
 */
export function generateLongCall(words = 30_000): { vtt: string; plain: string } {
  const speakers = ['Marcus Webb', 'Priya Raman', 'Aisha Khan', 'Priya Raman'];
  const cues: string[] = ['WEBVTT', ''];
  const lines: string[] = [];
  const secondsPerWord = (3 * 3600) / words;
  let written = 0;
  let cue = 0;
  while (written < words) {
    const speaker = speakers[Math.floor(cue / 6) % speakers.length] ?? 'Priya Raman';
    const count = Math.min(12 + (cue % 7), words - written);
    const text: string[] = [];
    for (let index = 0; index < count; index++) text.push(vocabulary[(written + index) % vocabulary.length] ?? 'and');
    const sentence = `${text.join(' ')}${cue % 6 === 5 && speaker !== 'Priya Raman' ? '?' : '.'}`;
    const start = written * secondsPerWord;
    const end = (written + count) * secondsPerWord;
    cues.push(String(cue + 1), `${clock(start)} --> ${clock(end)}`, `${speaker}: ${sentence}`, '');
    lines.push(`[${clock(start).slice(0, 8)}] ${speaker}: ${sentence}`);
    written += count;
    cue++;
  }
  return { vtt: cues.join('\n'), plain: lines.join('\n') };
}

function clock(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(milliseconds / 3_600_000))}:${pad(Math.floor(milliseconds / 60_000) % 60)}:${pad(
    Math.floor(milliseconds / 1000) % 60,
  )}.${pad(milliseconds % 1000, 3)}`;
}
