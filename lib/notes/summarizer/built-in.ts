import type {
  CallSummary,
  EvidenceQuote,
  Summarizer,
  SummarizerInput,
  SummaryPoint,
  SummaryTopic,
  TranscriptSegment,
} from '@/lib/core/calls';
import {
  abbreviations,
  competencies,
  concernSignals,
  constraintLabels,
  constraintLexicons,
  experienceSignals,
  fillerOpenings,
  type ConstraintKey,
  type Lexicon,
  motivationSignals,
  nextStepSignals,
  strengthSignals,
  technologies,
} from './topics';

/** The speaker of evidence taken from what the interviewer typed. */
export const notesSpeaker = 'Interviewer notes';
const unknownSpeaker = 'Unknown speaker';

const limits = { keyPoints: 7, strengths: 4, concerns: 4, motivations: 3, nextSteps: 3, topicEvidence: 3 };
// Past this many words a spoken "sentence" is a run-on; it is cut at clause boundaries so quotes stay readable.
const longSentenceWords = 50;
const chunkWords = 40;

type Role = 'candidate' | 'interviewer' | 'notes';

interface Sentence {
  order: number;
  text: string;
  speaker: string;
  startSeconds: number | undefined;
  role: Role;
  turn: number;
  positionInTurn: number;
  words: number;
  isPrompt: boolean;
  /** The interviewer's question or prompt this sentence answers, when it is part of the candidate's answer. */
  question: Sentence | undefined;
  positionInAnswer: number;
  hasNumber: boolean;
  technologyHits: number;
  experienceHits: number;
  topicHits: number[];
  strengthHits: number;
  concernHits: number;
  motivationHits: number;
  nextStepHits: number;
  constraintHits: Record<ConstraintKey, number>;
  score: number;
}

interface CompiledLexicon {
  expression: RegExp;
  patterns: readonly RegExp[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compile(lexicon: Lexicon): CompiledLexicon {
  const alternatives = lexicon.terms.map((term) => {
    const isPrefix = term.endsWith('*');
    const body = escapeRegExp(isPrefix ? term.slice(0, -1) : term).replace(/ /g, '\\s+');
    const leading = /^\w/.test(term) ? '\\b' : '(?<!\\w)';
    const trailing = isPrefix ? '' : /\w$/.test(term) ? '\\b' : '(?!\\w)';
    return `${leading}${body}${trailing}`;
  });
  return { expression: new RegExp(alternatives.join('|'), 'g'), patterns: lexicon.patterns ?? [] };
}

/** Counts term matches in already lower-cased text, plus one for each pattern that matches the original text. */
function countHits(lexicon: CompiledLexicon, lowered: string, original: string): number {
  lexicon.expression.lastIndex = 0;
  let hits = 0;
  while (lexicon.expression.exec(lowered)) hits++;
  for (const pattern of lexicon.patterns) if (pattern.test(original)) hits++;
  return hits;
}

const compiled = {
  competencies: competencies.map((competency) => ({ topic: competency.topic, lexicon: compile(competency) })),
  experience: compile(experienceSignals),
  strength: compile(strengthSignals),
  concern: compile(concernSignals),
  motivation: compile(motivationSignals),
  nextStep: compile(nextStepSignals),
  technology: compile(technologies),
  constraints: {
    noticePeriod: compile(constraintLexicons.noticePeriod),
    compensation: compile(constraintLexicons.compensation),
    location: compile(constraintLexicons.location),
  } satisfies Record<ConstraintKey, CompiledLexicon>,
};
const constraintKeys = Object.keys(constraintLabels) as ConstraintKey[];
const motivationTopic = 'Motivation';

const fillerOpening = new RegExp(
  `^(?:${fillerOpenings.terms.map((term) => escapeRegExp(term).replace(/ /g, '\\s+')).join('|')})\\b`,
  'i',
);
const spelledNumber =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|double)\b/i;
// Interviewers often ask without a question mark ("Tell me about on-call."); candidates' statements never count.
const promptOpening =
  /^(?:so,?\s+|and\s+|okay,?\s+|ok,?\s+)?(?:tell me|tell us|talk me through|talk us through|walk me through|walk us through|describe|give me an example|explain)\b/i;
const concernSaidAloud = /\b(?:concern|worried|red flag)/i;
const abbreviationSet = new Set(abbreviations);

// ---------------------------------------------------------------------------------------------------------------
// Sentences

const sentenceBoundary = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\d£$€])/gu;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceBoundary)) {
    const at = match.index;
    if (match[1] === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 10), at))?.[1]?.toLowerCase();
      // "Dr. Khan", "e.g. Kafka" and initials ("J. O'Connor") do not end a sentence.
      if (before && (abbreviationSet.has(before) || /^\p{L}$/u.test(before))) continue;
    }
    const end = at + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    pushSentence(sentences, text.slice(start, end));
    start = at + match[0].length;
  }
  pushSentence(sentences, text.slice(start));
  return sentences;
}

function pushSentence(sentences: string[], raw: string): void {
  const sentence = raw.trim();
  if (sentence === '') return;
  if (countWords(sentence) <= longSentenceWords) {
    sentences.push(sentence);
    return;
  }
  // Cut only where a clause ends, so every chunk is still a verbatim stretch of what was said.
  let chunkStart = 0;
  let chunkWordCount = 0;
  const clauses = /[,;:]\s+|\s+[—–-]\s+/g;
  let previousEnd = 0;
  for (const clause of sentence.matchAll(clauses)) {
    const clauseEnd = clause.index + clause[0].length;
    chunkWordCount += countWords(sentence.slice(previousEnd, clauseEnd));
    previousEnd = clauseEnd;
    if (chunkWordCount >= chunkWords) {
      sentences.push(trimClause(sentence.slice(chunkStart, clauseEnd)));
      chunkStart = clauseEnd;
      chunkWordCount = 0;
    }
  }
  const rest = trimClause(sentence.slice(chunkStart));
  if (rest !== '') sentences.push(rest);
}

function trimClause(text: string): string {
  return text.trim().replace(/\s*[,;:—–-]$/, '');
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const isSpace = text.charCodeAt(index) <= 32;
    if (!isSpace && !inWord) words++;
    inWord = !isSpace;
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// Who is who

function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Priya", "priya.raman" and "Priya Raman (she/her)" are all Priya Raman. */
export function isSamePerson(speaker: string, name: string): boolean {
  const speakerWords = normalizeName(speaker).split(' ');
  const nameWords = normalizeName(name).split(' ');
  const speakerFirst = speakerWords[0] ?? '';
  const nameFirst = nameWords[0] ?? '';
  if (speakerFirst === '' || nameFirst === '') return false;
  if (speakerFirst !== nameFirst) return false;
  if (speakerWords.length === 1 || nameWords.length === 1) return true;
  return speakerWords[speakerWords.length - 1] === nameWords[nameWords.length - 1];
}

function isPrompt(sentence: string, role: Role): boolean {
  if (role === 'notes') return false;
  return sentence.endsWith('?') || (role === 'interviewer' && promptOpening.test(sentence));
}

/**
 * The candidate is named by the caller when possible. Otherwise the person who asks the most questions is taken
 * as the interviewer, and the candidate is whoever speaks most straight after those questions.
 */
function findCandidate(turns: TranscriptSegment[], input: SummarizerInput): string | undefined {
  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  const interviewerNames = input.interviewerNames ?? [];
  const isInterviewer = (speaker: string) => interviewerNames.some((name) => isSamePerson(speaker, name));
  const others = speakers.filter((speaker) => !isInterviewer(speaker));

  if (input.candidateName) {
    const named = others.find((speaker) => isSamePerson(speaker, input.candidateName ?? ''));
    if (named) return named;
  }

  const words = new Map<string, number>();
  const questions = new Map<string, number>();
  const answerWords = new Map<string, number>();
  turns.forEach((turn, index) => {
    words.set(turn.speaker, (words.get(turn.speaker) ?? 0) + countWords(turn.text));
    const asked = (turn.text.match(/\?/g) ?? []).length;
    questions.set(turn.speaker, (questions.get(turn.speaker) ?? 0) + asked);
    const next = turns[index + 1];
    if (asked > 0 && next && next.speaker !== turn.speaker) {
      answerWords.set(next.speaker, (answerWords.get(next.speaker) ?? 0) + countWords(next.text));
    }
  });
  const most = (pool: string[], tally: Map<string, number>) =>
    pool.reduce<string | undefined>(
      (best, speaker) => (best === undefined || (tally.get(speaker) ?? 0) > (tally.get(best) ?? 0) ? speaker : best),
      undefined,
    );

  if (others.length === 0) return undefined;
  if (others.length === 1 || interviewerNames.length > 0) return most(others, words);
  const questioner = most(others, questions);
  const answerers = others.filter((speaker) => speaker !== questioner);
  const byAnswers = most(answerers, answerWords);
  return byAnswers !== undefined && (answerWords.get(byAnswers) ?? 0) > 0 ? byAnswers : most(answerers, words);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and scoring

function analyse(
  text: string,
  base: Pick<Sentence, 'order' | 'speaker' | 'startSeconds' | 'role' | 'turn' | 'positionInTurn'>,
): Sentence {
  const lowered = text.toLowerCase().replace(/[’‘]/g, "'");
  const constraintHits = {} as Record<ConstraintKey, number>;
  for (const key of constraintKeys) constraintHits[key] = countHits(compiled.constraints[key], lowered, text);
  return {
    ...base,
    text,
    words: countWords(text),
    isPrompt: isPrompt(text, base.role),
    question: undefined,
    positionInAnswer: 0,
    hasNumber: /\d/.test(text) || spelledNumber.test(text),
    technologyHits: countHits(compiled.technology, lowered, text),
    experienceHits: countHits(compiled.experience, lowered, text),
    topicHits: compiled.competencies.map((competency) => countHits(competency.lexicon, lowered, text)),
    strengthHits: countHits(compiled.strength, lowered, text),
    concernHits: countHits(compiled.concern, lowered, text),
    motivationHits: countHits(compiled.motivation, lowered, text),
    nextStepHits: countHits(compiled.nextStep, lowered, text),
    constraintHits,
    score: 0,
  };
}

/** How much a sentence says on its own: substance, specifics and first-hand experience, not filler. */
function scoreSentence(sentence: Sentence): number {
  if (sentence.words < 4) return -10;
  let score = 0;
  if (sentence.words >= 8 && sentence.words <= 35) score += 1;
  else if (sentence.words > 35 && sentence.words <= longSentenceWords) score += 0.5;
  else if (sentence.words < 6) score -= 0.5;
  if (sentence.hasNumber) score += 1;
  score += Math.min(sentence.technologyHits, 3) * 0.8;
  if (sentence.experienceHits > 0) score += 1.5;
  const topicHits = sentence.topicHits.reduce((sum, hits) => sum + hits, 0);
  score += Math.min(topicHits, 4) * 0.7;
  if (sentence.strengthHits > 0) score += 0.5;
  if (sentence.question) score += sentence.positionInAnswer === 0 ? 0.8 : 0.5;
  if (sentence.positionInTurn === 0) score += 0.2;
  if (fillerOpening.test(sentence.text)) score -= 0.7;
  if (sentence.isPrompt) score -= 2;
  return score;
}

function readSentences(input: SummarizerInput): { sentences: Sentence[]; candidate: string | undefined } {
  const turns = mergeSpeakerTurns(input.transcript?.segments ?? []);
  const candidate = findCandidate(turns, input);
  // Plain "Name: words" transcripts carry no times; quoting 00:00 for every line would mislead.
  const timed = turns.some((turn) => turn.startSeconds > 0 || turn.endSeconds !== undefined);
  const sentences: Sentence[] = [];
  let question: Sentence | undefined;
  let positionInAnswer = 0;

  turns.forEach((turn, turnIndex) => {
    const role: Role = candidate === undefined || turn.speaker === candidate ? 'candidate' : 'interviewer';
    let lastPrompt: Sentence | undefined;
    splitSentences(turn.text).forEach((text, positionInTurn) => {
      const sentence = analyse(text, {
        order: sentences.length,
        speaker: turn.speaker,
        startSeconds: timed ? turn.startSeconds : undefined,
        role,
        turn: turnIndex,
        positionInTurn,
      });
      if (role === 'candidate' && question && question.speaker !== turn.speaker) {
        sentence.question = question;
        sentence.positionInAnswer = positionInAnswer++;
      }
      if (sentence.isPrompt) lastPrompt = sentence;
      sentence.score = scoreSentence(sentence);
      sentences.push(sentence);
    });
    if (role === 'interviewer' && lastPrompt) {
      question = lastPrompt;
      positionInAnswer = 0;
    }
  });

  const noteLines = (input.notes ?? '').split(/\r\n|\r|\n/);
  noteLines.forEach((line, lineIndex) => {
    const cleaned = line.replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, '').trim();
    splitSentences(cleaned).forEach((text, positionInTurn) => {
      const sentence = analyse(text, {
        order: sentences.length,
        speaker: notesSpeaker,
        startSeconds: undefined,
        role: 'notes',
        turn: turns.length + lineIndex,
        positionInTurn,
      });
      // Notes are terse ("Strong on Kafka"); their length says nothing about their weight.
      sentence.score = Math.max(scoreSentence(sentence), sentence.words >= 2 ? 0.5 : -10);
      sentences.push(sentence);
    });
  });
  return { sentences, candidate };
}

function mergeSpeakerTurns(segments: TranscriptSegment[]): TranscriptSegment[] {
  const turns: TranscriptSegment[] = [];
  for (const segment of segments) {
    const text = segment.text.trim();
    if (text === '') continue;
    const previous = turns[turns.length - 1];
    if (previous && previous.speaker === segment.speaker && segment.speaker !== unknownSpeaker) {
      previous.text = `${previous.text} ${text}`;
      continue;
    }
    turns.push({ ...segment, text });
  }
  return turns;
}

// ---------------------------------------------------------------------------------------------------------------
// Picking

function quote(sentence: Sentence): EvidenceQuote {
  return {
    quote: sentence.text,
    speaker: sentence.speaker,
    ...(sentence.startSeconds !== undefined ? { startSeconds: sentence.startSeconds } : {}),
  };
}

function point(sentence: Sentence): SummaryPoint {
  return { text: sentence.text, evidence: [quote(sentence)] };
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
}

function isNearDuplicate(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared || 1) > 0.6;
}

/** The best few by weight, at most `perTurn` from one turn and no near-repeats, then back in call order. */
function pick(pool: Sentence[], weight: (sentence: Sentence) => number, limit: number, perTurn = 2): Sentence[] {
  const ranked = pool
    .map((sentence) => ({ sentence, weight: weight(sentence) }))
    .sort((a, b) => b.weight - a.weight || a.sentence.order - b.sentence.order);
  const chosen: { sentence: Sentence; words: Set<string> }[] = [];
  const perTurnCount = new Map<number, number>();
  for (const { sentence } of ranked) {
    if (chosen.length >= limit) break;
    if ((perTurnCount.get(sentence.turn) ?? 0) >= perTurn) continue;
    const words = wordSet(sentence.text);
    if (chosen.some((other) => isNearDuplicate(other.words, words))) continue;
    chosen.push({ sentence, words });
    perTurnCount.set(sentence.turn, (perTurnCount.get(sentence.turn) ?? 0) + 1);
  }
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.order - b.order);
}

function mainTopic(sentence: Sentence): number {
  let best = -1;
  sentence.topicHits.forEach((hits, index) => {
    if (hits > 0 && (best === -1 || hits > (sentence.topicHits[best] ?? 0))) best = index;
  });
  return best;
}

/**
 * Key points should cover the call, not repeat its loudest answer or theme: each pick lowers the worth of further
 * sentences from the same answer, and a little of those on the same topic.
 */
function pickKeyPoints(pool: Sentence[], limit: number): Sentence[] {
  const remaining = [...pool];
  const chosen: { sentence: Sentence; words: Set<string> }[] = [];
  const perTopic = new Map<number, number>();
  const perAnswer = new Map<Sentence | number, number>();
  // Sentences of one answer share a key, so do sentences of one turn that answers nothing.
  const answerKey = (sentence: Sentence) => sentence.question ?? sentence.turn;
  while (chosen.length < limit && remaining.length > 0) {
    let bestIndex = -1;
    let bestWeight = -Infinity;
    remaining.forEach((sentence, index) => {
      const topic = mainTopic(sentence);
      const weight =
        sentence.score -
        (perAnswer.get(answerKey(sentence)) ?? 0) * 2 -
        (topic === -1 ? 0 : (perTopic.get(topic) ?? 0) * 0.3);
      if (weight > bestWeight) {
        bestWeight = weight;
        bestIndex = index;
      }
    });
    const [sentence] = remaining.splice(bestIndex, 1);
    if (!sentence) break;
    const words = wordSet(sentence.text);
    if (chosen.some((other) => isNearDuplicate(other.words, words))) continue;
    chosen.push({ sentence, words });
    perAnswer.set(answerKey(sentence), (perAnswer.get(answerKey(sentence)) ?? 0) + 1);
    const topic = mainTopic(sentence);
    if (topic !== -1) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
  }
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.order - b.order);
}

const fromCandidateOrNotes = (sentence: Sentence) =>
  (sentence.role === 'candidate' || sentence.role === 'notes') && !sentence.isPrompt;

// ---------------------------------------------------------------------------------------------------------------
// Facts for the TL;DR and the constraints, always cut from the sentence that states them

const countWord =
  '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a|a couple of|a few)';
const yearsWord = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
const clauseEnd = '(?=\\s*(?:[,.;!?]|$)|\\s+(?:and|where|before|so|but|which|mostly|now|at)\\b)';
// "six years on payments backends", "eight years of experience in data engineering".
const yearsThenField = new RegExp(
  `\\b(${yearsWord}\\+?\\s+(?:or so\\s+)?years?)(?!\\s+(?:ago|old)\\b)(?:\\s+of\\s+experience)?(?:\\s+(?:now\\s+)?((?:in|on|doing|building|working on|working in|as)\\s+[^,.;!?]{3,40}?))?${clauseEnd}`,
  'i',
);
// "I've been a frontend engineer for about seven years", "I've been at Brightpath for almost six years".
const fieldThenYears = new RegExp(
  `\\bI(?:'ve| have) been\\s+(?:an?\\s+)?([^,.;!?]{3,40}?\\s+for\\s+(?:about\\s+|around\\s+|almost\\s+|nearly\\s+|over\\s+)?${yearsWord}\\+?\\s+years?)\\b`,
  'i',
);
const noticePattern = new RegExp(`\\b(${countWord}\\s+(?:weeks?|months?))(?:['’]s?\\s+notice)?`, 'i');
const moneyPattern =
  /(?:(?:around|about|roughly|circa|approximately|at least|upwards of|north of)\s+)?(?:[£$€]\s?\d[\d,.]*\s?(?:k|m)?\b(?:\s?(?:-|–|to)\s?[£$€]?\d[\d,.]*\s?(?:k|m)?\b)?|\b\d{2,3}\s?k\b)/i;
const placePattern =
  /\b(?:based in|live in|living in|(?:(?:willing|happy|open|able) to )?relocat\w* to|(?:I'm|I am) in)\s+\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?/u;
const workModePattern =
  /\b(?:(?:open to|prefer(?:ring)?|fully|happy with|start|work|working|stay|staying)\s+)?(?:remote|hybrid|on-?site)\b/i;

const refusesToMove = /\b(?:wouldn't|would not|won't|will not|can't|cannot|not able to)\s+relocate\b/i;

function locationParts(text: string): string[] {
  const place = placePattern.exec(text)?.[0];
  const mode = workModePattern.exec(text)?.[0];
  const refusal = refusesToMove.exec(text)?.[0];
  return [place?.replace(/^(?:I'm|I am)\s+/i, ''), mode, refusal].filter((part): part is string => part !== undefined);
}

function constraintFact(key: ConstraintKey, text: string): string | undefined {
  if (key === 'noticePeriod') {
    const match = noticePattern.exec(text);
    if (match?.[1]) return match[1].toLowerCase();
    return /\bimmediately\b/i.test(text) ? 'immediately' : undefined;
  }
  if (key === 'compensation') return moneyPattern.exec(text)?.[0].trim();
  const parts = locationParts(text);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

interface FoundConstraint {
  point: SummaryPoint;
  fact?: string;
  sentences: Sentence[];
}

function pickConstraint(sentences: Sentence[], key: ConstraintKey): FoundConstraint | undefined {
  let best: { sentence: Sentence; weight: number; fact: string | undefined } | undefined;
  const answersIt = (sentence: Sentence) =>
    sentence.question !== undefined && sentence.question.constraintHits[key] > 0 && sentence.positionInAnswer < 3;
  for (const sentence of sentences) {
    if (!fromCandidateOrNotes(sentence)) continue;
    const hits = sentence.constraintHits[key];
    if (hits === 0 && !answersIt(sentence)) continue;
    const fact = constraintFact(key, sentence.text);
    // A passing "office" or "notice" is not a constraint; a stated figure, or an answer to the question, is.
    if (fact === undefined && !answersIt(sentence) && hits < 2) continue;
    const weight =
      (fact ? 3 : 0) +
      Math.min(hits, 3) +
      (answersIt(sentence) ? 1 : 0) +
      (sentence.role === 'notes' ? 0.5 : 0) +
      sentence.score * 0.1;
    if (!best || weight > best.weight) best = { sentence, weight, fact };
  }
  if (!best) return undefined;
  const used = [best.sentence];
  let fact = best.fact;
  // Where someone lives and how they want to work often come in neighbouring sentences of one answer.
  if (key === 'location' && best.sentence.question) {
    for (const sentence of sentences) {
      if (
        sentence === best.sentence ||
        sentence.question !== best.sentence.question ||
        !fromCandidateOrNotes(sentence)
      ) {
        continue;
      }
      if (locationParts(sentence.text).length > 0) used.push(sentence);
    }
    used.sort((a, b) => a.order - b.order);
    const parts: string[] = [];
    for (const sentence of used) {
      for (const part of locationParts(sentence.text))
        if (!parts.some((known) => known.includes(part))) parts.push(part);
    }
    fact = parts.length > 0 ? parts.join(', ') : undefined;
  }
  const evidence = used.map(quote);
  const asked = best.sentence.question;
  // An answer such as "Three months, sadly." needs its question beside it to be understood.
  if (asked && best.sentence.constraintHits[key] === 0) evidence.push(quote(asked));
  const text = fact ? `${constraintLabels[key]}: ${fact}` : best.sentence.text;
  return { point: { text, evidence }, ...(fact ? { fact } : {}), sentences: used };
}

function experienceFact(sentences: Sentence[]): string | undefined {
  for (const sentence of sentences) {
    if (sentence.role !== 'candidate' || sentence.isPrompt) continue;
    const fieldFirst = fieldThenYears.exec(sentence.text);
    if (fieldFirst?.[1]) return fieldFirst[1];
    const yearsFirst = yearsThenField.exec(sentence.text);
    if (yearsFirst?.[1]) return [yearsFirst[1], yearsFirst[2]?.trim()].filter(Boolean).join(' ');
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

/** The built-in summary, with `createdAt` passed in so the same input always gives the same summary. */
export function summarizeCall(input: SummarizerInput, createdAt: string): CallSummary {
  const { sentences, candidate } = readSentences(input);
  const hasTranscript = sentences.some((sentence) => sentence.role !== 'notes');
  const callLength = sentences.length || 1;

  const keyPointPool = sentences.filter(
    (sentence) => (hasTranscript ? sentence.role === 'candidate' : sentence.role === 'notes') && !sentence.isPrompt,
  );
  const keyPoints = pickKeyPoints(
    keyPointPool.filter((sentence) => sentence.words >= 6 && sentence.score >= 1),
    limits.keyPoints,
  );

  const strengths = pick(
    sentences.filter(
      (sentence) =>
        fromCandidateOrNotes(sentence) &&
        sentence.strengthHits + sentence.experienceHits > 0 &&
        sentence.concernHits === 0,
    ),
    (sentence) => Math.min(sentence.strengthHits, 2) + sentence.score + (sentence.role === 'notes' ? 1 : 0),
    limits.strengths,
    1,
  );

  const concerns = pick(
    sentences.filter(
      (sentence) =>
        (fromCandidateOrNotes(sentence) &&
          sentence.concernHits > 0 &&
          (sentence.words >= 5 || sentence.role === 'notes')) ||
        (sentence.role === 'interviewer' && !sentence.isPrompt && concernSaidAloud.test(sentence.text)),
    ),
    (sentence) => Math.min(sentence.concernHits, 2) + sentence.score * 0.5 + (sentence.role === 'notes' ? 1.5 : 0),
    limits.concerns,
  );

  const constraints: CallSummary['constraints'] = {};
  const facts: Partial<Record<ConstraintKey, string>> = {};
  const constraintSentences = new Set<Sentence>();
  for (const key of constraintKeys) {
    const found = pickConstraint(sentences, key);
    if (!found) continue;
    for (const used of found.sentences) constraintSentences.add(used);
    constraints[key] = found.point;
    if (found.fact) facts[key] = found.fact;
  }

  const motivationIndex = compiled.competencies.findIndex((competency) => competency.topic === motivationTopic);
  const motivations = pick(
    sentences.filter(
      (sentence) =>
        fromCandidateOrNotes(sentence) &&
        sentence.words >= 5 &&
        sentence.concernHits === 0 &&
        !constraintSentences.has(sentence) &&
        (sentence.motivationHits > 0 ||
          (sentence.question !== undefined &&
            sentence.positionInAnswer < 2 &&
            ((sentence.question.topicHits[motivationIndex] ?? 0) > 0 || sentence.question.motivationHits > 0))),
    ),
    (sentence) => Math.min(sentence.motivationHits, 2) + sentence.score * 0.5,
    limits.motivations,
  );

  const nextSteps = pick(
    sentences.filter((sentence) => sentence.nextStepHits > 0 && sentence.words >= 5),
    (sentence) =>
      Math.min(sentence.nextStepHits, 2) +
      (sentence.order / callLength > 0.66 ? 1 : 0) +
      (sentence.role === 'candidate' ? 0 : 0.5) -
      (sentence.text.endsWith('?') ? 1 : 0) +
      sentence.score * 0.3,
    limits.nextSteps,
    3,
  );

  const topics: { topic: SummaryTopic; weight: number }[] = [];
  compiled.competencies.forEach(({ topic }, topicIndex) => {
    const weightOf = (sentence: Sentence): number => {
      if (!fromCandidateOrNotes(sentence) || sentence.words < 5) return 0;
      const hits = sentence.topicHits[topicIndex] ?? 0;
      if (hits > 0) return Math.min(hits, 3) * 1.5 + sentence.score * 0.2;
      const inherited =
        sentence.question !== undefined &&
        (sentence.question.topicHits[topicIndex] ?? 0) > 0 &&
        sentence.positionInAnswer < 3 &&
        (sentence.hasNumber || sentence.technologyHits > 0 || sentence.experienceHits > 0);
      return inherited ? 0.5 + sentence.score * 0.3 : 0;
    };
    const evidence = pick(
      sentences.filter((sentence) => weightOf(sentence) > 0),
      weightOf,
      limits.topicEvidence,
      1,
    );
    if (evidence.length === 0) return;
    topics.push({
      topic: { topic, evidence: evidence.map(quote) },
      weight: evidence.reduce((sum, sentence) => sum + weightOf(sentence), 0),
    });
  });
  topics.sort((a, b) => b.weight - a.weight);

  const name = input.candidateName ?? (candidate && candidate !== unknownSpeaker ? candidate : undefined);
  const tldrFacts: string[] = [];
  const experience = hasTranscript ? experienceFact(sentences) : undefined;
  if (experience) tldrFacts.push(experience);
  const leadingTopics = topics
    .map((entry) => entry.topic.topic)
    .filter((topic) => topic !== motivationTopic)
    .slice(0, 2);
  if (leadingTopics.length > 0) tldrFacts.push(`most evidence on ${leadingTopics.join(' and ')}`);
  if (facts.noticePeriod) tldrFacts.push(`notice period ${facts.noticePeriod}`);
  if (facts.compensation) tldrFacts.push(`compensation ${facts.compensation}`);
  if (facts.location) tldrFacts.push(facts.location);

  return {
    source: 'built-in',
    tldr: composeTldr(name, tldrFacts, keyPoints),
    keyPoints: keyPoints.map(point),
    strengths: strengths.map(point),
    concerns: concerns.map(point),
    motivations: motivations.map(point),
    constraints,
    nextSteps: nextSteps.map(point),
    topics: topics.map((entry) => entry.topic),
    createdAt,
  };
}

function composeTldr(name: string | undefined, facts: string[], keyPoints: Sentence[]): string {
  const strongest = [...keyPoints].sort((a, b) => b.score - a.score || a.order - b.order)[0];
  if (facts.length === 0) return strongest?.text ?? 'Nothing in the transcript or notes to summarise.';
  const joined = facts.join('; ');
  const composed = name ? `${name}: ${joined}.` : `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
  // A single fact is thin; the strongest quote fills in what the candidate actually said.
  return facts.length < 2 && strongest ? `${composed} ${strongest.text}` : composed;
}

export const builtInSummarizer: Summarizer = {
  summarize: (input) => Promise.resolve(summarizeCall(input, new Date().toISOString())),
};
