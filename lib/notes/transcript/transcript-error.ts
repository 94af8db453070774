/**
 * A transcript file Sidecar cannot read. The message names the line and what should have been there, so the
 * recruiter can fix the file (or tell us which tool produced it) instead of guessing.
 */
export class TranscriptError extends Error {
  readonly line: number;
  readonly expected: string;
  /** The offending line as found, or undefined when the file ended too early. */
  readonly found: string | undefined;

  constructor(line: number, expected: string, found: string | undefined) {
    super(`Line ${line}: expected ${expected}, found ${describeFound(found)}`);
    this.name = 'TranscriptError';
    this.line = line;
    this.expected = expected;
    this.found = found;
  }
}

const maxFoundLength = 60;

function describeFound(found: string | undefined): string {
  if (found === undefined) return 'the end of the file';
  const trimmed = found.trim();
  if (trimmed === '') return 'an empty line';
  const shortened = trimmed.length > maxFoundLength ? `${trimmed.slice(0, maxFoundLength)}…` : trimmed;
  return `"${shortened}"`;
}
