import type { CallSummary, EvidenceQuote, SummaryPoint } from '@/lib/core/calls';
import type { FeedbackFieldOption, FeedbackFieldType } from '@/lib/core/types';
import { formatTimestamp } from '@/lib/notes/timestamp';
import { competencies, type Lexicon } from '@/lib/notes/summarizer/topics';

/** A form field as the planner sees it: what the page shows, never the DOM itself. */
export interface FieldDescriptor {
  key: string;
  label: string;
  description?: string;
  type: FeedbackFieldType;
  required: boolean;
  options: FeedbackFieldOption[];
  filled: boolean;
}

export type ProposalStatus = 'proposed' | 'no-evidence' | 'needs-llm';

/** What Sidecar proposes for one field, and why. A field with no evidence stays empty. */
export interface FieldProposal {
  key: string;
  status: ProposalStatus;
  value: string | null;
  evidence: EvidenceQuote[];
  /** One line the reviewer reads next to the proposal. */
  reason: string;
}

export interface CallForPlan {
  title: string;
  summary: CallSummary;
}

const textTypes = new Set<FeedbackFieldType>(['text', 'long-text', 'rich-text']);

/** Where a field's heading points in a summary. Order matters: the first that matches the heading wins. */
const sections: Array<{ pattern: RegExp; pick: (summary: CallSummary) => SummaryPoint[]; what: string }> = [
  { pattern: /strength|positive|highlight/, pick: (summary) => summary.strengths, what: 'strengths' },
  { pattern: /concern|weakness|risk|red flag|gap|improve/, pick: (summary) => summary.concerns, what: 'concerns' },
  { pattern: /motivat|why (are|is|do)|interest in/, pick: (summary) => summary.motivations, what: 'motivations' },
  { pattern: /next step|follow.?up/, pick: (summary) => summary.nextSteps, what: 'next steps' },
  {
    pattern: /notice|start date|availability/,
    pick: (summary) => (summary.constraints.noticePeriod ? [summary.constraints.noticePeriod] : []),
    what: 'the notice period',
  },
  {
    pattern: /compensation|salary|pay|expectation/,
    pick: (summary) => (summary.constraints.compensation ? [summary.constraints.compensation] : []),
    what: 'compensation',
  },
  {
    pattern: /location|relocat|remote|hybrid|office/,
    pick: (summary) => (summary.constraints.location ? [summary.constraints.location] : []),
    what: 'location',
  },
  {
    pattern: /summary|overall|feedback|notes|comments|general|impression/,
    pick: (summary) => summary.keyPoints,
    what: 'key points',
  },
];

function lexiconMatches(lexicon: Lexicon, text: string): boolean {
  return lexicon.terms.some((term) => {
    const stem = term.endsWith('*') ? term.slice(0, -1) : term;
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\b${escaped}${term.endsWith('*') ? '' : '\\b'}`, 'i').test(text);
  });
}

function quoteLine(evidence: EvidenceQuote): string {
  const when = evidence.startSeconds !== undefined ? `, ${formatTimestamp(evidence.startSeconds)}` : '';
  return `“${evidence.quote}” (${evidence.speaker}${when})`;
}

/** Prose for a text field: short for a one-line input, a few lines for a long one; only the summary's own words. */
function prose(points: SummaryPoint[], type: FeedbackFieldType): string {
  const chosen = points.slice(0, type === 'text' ? 1 : 4);
  if (type === 'text') return chosen[0]?.text ?? '';
  return chosen.map((point) => `- ${point.text}`).join('\n');
}

function planTextField(field: FieldDescriptor, calls: CallForPlan[]): FieldProposal {
  const heading = `${field.label} ${field.description ?? ''}`.toLowerCase();
  const competency = competencies.find(
    (candidate) => heading.includes(candidate.topic.toLowerCase()) || lexiconMatches(candidate, field.label),
  );
  if (competency) {
    const evidence = calls.flatMap(
      ({ summary }) => summary.topics.find((topic) => topic.topic === competency.topic)?.evidence ?? [],
    );
    if (evidence.length > 0) {
      const lines = evidence.slice(0, field.type === 'text' ? 1 : 3).map(quoteLine);
      return {
        key: field.key,
        status: 'proposed',
        value: field.type === 'text' ? (evidence[0]?.quote ?? '') : lines.map((line) => `- ${line}`).join('\n'),
        evidence: evidence.slice(0, 3),
        reason: `What the call showed on ${competency.topic.toLowerCase()}.`,
      };
    }
  }
  const section = sections.find((candidate) => candidate.pattern.test(heading));
  if (section) {
    const points = calls.flatMap(({ summary }) => section.pick(summary));
    if (points.length > 0) {
      return {
        key: field.key,
        status: 'proposed',
        value: prose(points, field.type),
        evidence: points.slice(0, 4).flatMap((point) => point.evidence.slice(0, 1)),
        reason: `From the call's ${section.what}.`,
      };
    }
  }
  return { key: field.key, status: 'no-evidence', value: null, evidence: [], reason: 'No evidence in the call.' };
}

/**
 * The offline plan: text fields get the summary's own sentences and quotes, written for the field's heading; scores,
 * yes/no and choices are left to the human (only the LLM planner proposes them, each with a reason). Nothing is
 * invented: a field the calls say nothing about stays empty.
 */
export function planOffline(fields: FieldDescriptor[], calls: CallForPlan[]): FieldProposal[] {
  return fields.map((field) =>
    textTypes.has(field.type)
      ? planTextField(field, calls)
      : {
          key: field.key,
          status: 'needs-llm',
          value: null,
          evidence: [],
          reason: 'Scores and choices are proposed only with your LLM; the built-in summary leaves them to you.',
        },
  );
}
