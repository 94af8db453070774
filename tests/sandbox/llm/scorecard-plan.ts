/**
 * The sandbox model's answer to a scorecard request (`response_format.json_schema.name` "scorecard_plan"): a value per
 * form field with a reason and verbatim quotes, read from the prompt alone. It relies only on the prompt's layout:
 *
 *   Form fields:
 *   - key "<key>": <Label> (<type>[, required])[ — <description>][ options: <value> | <value>]
 *   Transcript:
 *   [mm:ss] Speaker: words
 *   Interviewer notes:
 *   <free text>
 *
 * Choices come from simple cues (positive or negative words, option names said in the call); text fields take the
 * sentences that share words with the label. Nothing is guessed: no cue, no value.
 */

export const scorecardPlanSchemaName = 'scorecard_plan';

export interface PlanField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  description: string;
  options: string[];
}

export interface PlanQuote {
  quote: string;
  speaker: string;
  startSeconds: number | null;
}

export interface PlanAnswer {
  key: string;
  value: string | null;
  reason: string;
  evidence: PlanQuote[];
}

export interface Plan {
  fields: PlanAnswer[];
}

interface Line {
  speaker: string;
  startSeconds: number | null;
  text: string;
}

interface Sentence {
  line: Line;
  text: string;
}

const choiceTypes = new Set(['score', 'yes-no', 'single-select', 'multi-select']);
const textTypes = new Set(['text', 'long-text', 'rich-text']);
const fieldTypes = [...choiceTypes, ...textTypes, 'date', 'number', 'other'].join('|');
const fieldLine = new RegExp(
  `^- key "([^"]*)": (.+?) \\((${fieldTypes})(, required)?\\)(?: — (.*?))?(?: options: (.*))?$`,
);

/** Sentences exactly as written, so that each is a verbatim substring of its line. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** The lines under `heading` up to the next of `headings` (or the end). */
function section(prompt: string, heading: string, headings: string[]): string[] {
  const lines = prompt.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => headings.includes(line.trim()));
  return end === -1 ? rest : rest.slice(0, end);
}

const headings = ['Form fields:', 'Transcript:', 'Interviewer notes:'];

export function readPlanFields(prompt: string): PlanField[] {
  return section(prompt, 'Form fields:', headings).flatMap((line) => {
    const match = fieldLine.exec(line.trim());
    if (!match) return [];
    const [, key = '', label = '', type = 'other', required, description, options] = match;
    return [
      {
        key,
        label,
        type,
        required: required !== undefined,
        description: description ?? '',
        options: options ? options.split(' | ').map((option) => option.trim()) : [],
      },
    ];
  });
}

function seconds(timestamp: string): number {
  return timestamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function readLines(prompt: string): Line[] {
  const transcript = section(prompt, 'Transcript:', headings).flatMap((line) => {
    const match = /^\[(\d+:\d{2}(?::\d{2})?)\] ([^:]+?): (.+)$/.exec(line.trim());
    if (!match?.[1] || !match[2] || !match[3]) return [];
    return [{ speaker: match[2], startSeconds: seconds(match[1]), text: match[3] }];
  });
  const notes = section(prompt, 'Interviewer notes:', headings)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line !== '(none)')
    .map((text) => ({ speaker: 'Notes', startSeconds: null, text }));
  return [...transcript, ...notes];
}

/** The candidate is whoever talked most; their sentences are the evidence about them. */
function candidateOf(lines: Line[]): string | undefined {
  const talk = new Map<string, number>();
  for (const line of lines) {
    if (line.speaker !== 'Notes') talk.set(line.speaker, (talk.get(line.speaker) ?? 0) + line.text.length);
  }
  return [...talk.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
}

const stopWords = new Set(
  'the and for you your with this that what would like person about their there have has how are was were from any its can all did does into who why when which please rate'.split(
    ' ',
  ),
);

/** Crude stems, enough to match "coding" with "code" and "concerns" with "concerned". */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s|e)$/, '');
}

function keywords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return [...new Set(words.filter((word) => word.length >= 3 && !stopWords.has(word)).map(stem))].filter(
    (word) => word.length >= 3,
  );
}

function mentions(sentence: string, stems: string[]): number {
  const words = new Set((sentence.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).map(stem));
  return stems.filter((each) => words.has(each)).length;
}

// What the candidate says of themselves: "I led…", "I haven't…". Words like "never" alone describe systems as often
// as people ("balances are never stored"), so they are not cues.
const positiveCue =
  /\b((I|I've|we|we've) (have )?(led|built|designed|owned|shipped|mentored|improved|solved|introduced|migrated|wrote|rebuilt|launched)|excit(ed|es|ing)|enjoy(ed)?|love[ds]?|confident|great|proud)\b/i;
const negativeCue =
  /\b(I haven't|I have not|I've never|I have never|I never|not sure|no experience|less experience|not much experience|limited experience|struggled?|I don't know)\b/i;

type Direction = 'positive' | 'negative' | 'mixed';

/** Labels that ask for the whole picture rather than one topic. */
const overallLabel = /overall|recommend|rating|hire|summary|feedback|score|work with|impression/i;
const concernLabel = /concern|risk|weakness|gap|red flag/i;
const strengthLabel = /strength|highlight/i;

const quoteOf = (sentence: Sentence): PlanQuote => ({
  quote: sentence.text,
  speaker: sentence.line.speaker,
  startSeconds: sentence.line.startSeconds,
});

const answer = (key: string, value: string | null, reason: string, evidence: Sentence[] = []): PlanAnswer => ({
  key,
  value,
  reason,
  evidence: evidence.map(quoteOf),
});

/** How far up a scale an option sits: its number if it has one, else the polarity of its words. */
function rank(option: string): number {
  const number = /-?\d+(\.\d+)?/.exec(option)?.[0];
  if (number !== undefined) return Number(number);
  const words = option.toLowerCase().split(/[^a-z]+/);
  const sign = words.some((word) => ['no', 'not', 'below', 'reject', 'weak', 'low'].includes(word))
    ? -1
    : words.some((word) => ['yes', 'hire', 'above', 'good', 'high', 'exceeds', 'strong'].includes(word))
      ? 1
      : 0;
  return words.some((word) => ['strong', 'strongly', 'very', 'definitely'].includes(word)) ? sign * 2 : sign;
}

function pickOnScale(options: string[], direction: Direction): string | undefined {
  const ranked = options.map((option, index) => ({ option, index, rank: rank(option) }));
  if (new Set(ranked.map((each) => each.rank)).size < 2) return undefined;
  const sorted = [...ranked].sort((left, right) => left.rank - right.rank || left.index - right.index);
  if (direction === 'positive') return sorted.at(-1)?.option;
  if (direction === 'negative') return sorted[0]?.option;
  return sorted[Math.floor((sorted.length - 1) / 2)]?.option;
}

export function planScorecard(prompt: string): Plan {
  const lines = readLines(prompt);
  const candidate = candidateOf(lines);
  const sentences: Sentence[] = lines.flatMap((line) => sentencesOf(line.text).map((text) => ({ line, text })));
  // Questions show what was asked, not what is true of the candidate.
  const statements = sentences.filter((sentence) => !sentence.text.endsWith('?'));
  const fromCandidate = statements.filter(
    (sentence) => sentence.line.speaker === candidate || sentence.line.speaker === 'Notes',
  );

  const about = (label: string): Sentence[] => {
    const stems = keywords(label);
    if (stems.length === 0) return [];
    return [...fromCandidate, ...statements.filter((sentence) => !fromCandidate.includes(sentence))]
      .map((sentence, order) => ({ sentence, order, score: mentions(sentence.text, stems) }))
      .filter((each) => each.score > 0)
      .sort((left, right) => right.score - left.score || left.order - right.order)
      .map((each) => each.sentence);
  };

  const sentiment = (pool: Sentence[]) => {
    const positive = pool.filter((sentence) => positiveCue.test(sentence.text) && !negativeCue.test(sentence.text));
    const negative = pool.filter((sentence) => negativeCue.test(sentence.text));
    if (positive.length === 0 && negative.length === 0) return undefined;
    const direction: Direction =
      positive.length > negative.length ? 'positive' : negative.length > positive.length ? 'negative' : 'mixed';
    const evidence = direction === 'negative' ? negative : direction === 'positive' ? positive : [positive[0]!];
    return { direction, evidence: evidence.slice(0, 2) };
  };

  const planText = (field: PlanField): PlanAnswer => {
    let found = about(field.label);
    if (found.length === 0 && concernLabel.test(field.label)) {
      found = fromCandidate.filter((sentence) => negativeCue.test(sentence.text));
    }
    if (found.length === 0 && strengthLabel.test(field.label)) {
      found = fromCandidate.filter((sentence) => positiveCue.test(sentence.text));
    }
    if (found.length === 0 && overallLabel.test(field.label)) {
      found = [...fromCandidate].sort((left, right) => right.text.length - left.text.length);
    }
    const chosen = found.slice(0, field.type === 'text' ? 1 : 2);
    if (chosen.length === 0) return answer(field.key, null, `The call says nothing about ${field.label}.`);
    return answer(
      field.key,
      chosen.map((sentence) => sentence.text).join(' '),
      `What the call said about ${field.label.toLowerCase()}.`,
      chosen,
    );
  };

  /** Options the candidate (or the notes) named, with the sentences that name them. */
  const optionsSaid = (field: PlanField) =>
    field.options
      .map((option) => ({
        option,
        said:
          keywords(option).length > 0 ? fromCandidate.filter((each) => mentions(each.text, keywords(option)) > 0) : [],
      }))
      .filter((each) => each.said.length > 0);

  const planChoice = (field: PlanField): PlanAnswer => {
    const isScale = field.type === 'score' || field.type === 'yes-no' || new Set(field.options.map(rank)).size > 1;
    if (!isScale) {
      const said = optionsSaid(field);
      if (said.length === 0) return answer(field.key, null, `None of the options for ${field.label} came up.`);
      if (field.type === 'multi-select') {
        const evidence = [...new Set(said.map((each) => each.said[0]!))];
        return answer(
          field.key,
          said.map((each) => each.option).join('|'),
          'Topics that came up in the call.',
          evidence,
        );
      }
      const best = [...said].sort((left, right) => right.said.length - left.said.length)[0]!;
      return answer(field.key, best.option, `The call dwelt most on ${best.option}.`, best.said.slice(0, 1));
    }
    // A question about the whole person is answered from everything the candidate said, not the sentences that
    // happen to share a word with it.
    const signal = sentiment(overallLabel.test(field.label) ? fromCandidate : about(field.label));
    if (!signal) return answer(field.key, null, `No clear signal on ${field.label} in the call.`);
    const reason = `${{ positive: 'Positive', negative: 'Negative', mixed: 'Mixed' }[signal.direction]} signals on ${field.label} in the call.`;
    if (field.type === 'yes-no') {
      if (signal.direction === 'mixed') return answer(field.key, null, reason);
      const wanted = signal.direction === 'positive' ? /^(yes|true)$/i : /^(no|false)$/i;
      const value = (field.options.length > 0 ? field.options : ['yes', 'no']).find((option) => wanted.test(option));
      return answer(field.key, value ?? null, reason, value ? signal.evidence : []);
    }
    const value = pickOnScale(field.options, signal.direction);
    return answer(field.key, value ?? null, reason, value ? signal.evidence : []);
  };

  return {
    fields: readPlanFields(prompt).map((field) =>
      textTypes.has(field.type)
        ? planText(field)
        : choiceTypes.has(field.type)
          ? planChoice(field)
          : answer(field.key, null, `The sandbox model does not propose ${field.type} values.`),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Broken variants, so the extension's checks can be tested end to end.

/** Every field answered with quotes that are in neither the transcript nor the notes. */
export function withInventedQuotes(plan: Plan, prompt: string): Plan {
  const fields = readPlanFields(prompt);
  const speaker = candidateOf(readLines(prompt)) ?? 'Candidate';
  return {
    fields: plan.fields.map((each, index) => {
      const field = fields.find((candidate) => candidate.key === each.key);
      const invented = {
        quote: `I single-handedly rebuilt the whole platform in a weekend (${index + 1}).`,
        speaker,
        startSeconds: 42 + index,
      };
      const value =
        each.value ??
        (field && choiceTypes.has(field.type)
          ? (field.options[0] ?? 'yes')
          : 'Rebuilt the whole platform single-handedly.');
      return { ...each, value, reason: 'The candidate said so.', evidence: [invented] };
    }),
  };
}

/** Choice fields answered with a value that is not one of their options, backed by real quotes. */
export function withValuesOffTheOptions(plan: Plan, prompt: string): Plan {
  const fields = readPlanFields(prompt);
  const lines = readLines(prompt);
  const line = lines.find((each) => each.speaker === candidateOf(lines)) ?? lines[0];
  const realQuote = line ? [quoteOf({ line, text: sentencesOf(line.text)[0] ?? line.text })] : [];
  return {
    fields: plan.fields.map((each) => {
      const field = fields.find((candidate) => candidate.key === each.key);
      if (!field || !choiceTypes.has(field.type)) return each;
      const offTheList =
        field.type === 'score'
          ? String(Math.max(0, ...field.options.map(rank)) + 1)
          : field.type === 'yes-no'
            ? 'maybe'
            : field.type === 'multi-select'
              ? [field.options[0], 'Not an option'].filter(Boolean).join('|')
              : 'Not an option';
      const evidence = each.evidence.length > 0 ? each.evidence : realQuote;
      return { ...each, value: offTheList, reason: 'The call supports this.', evidence };
    }),
  };
}

/** The right words, the wrong shape: no reasons and no evidence. */
export function withoutReasons(plan: Plan): unknown {
  return { fields: plan.fields.map(({ key, value }) => ({ key, value })) };
}
