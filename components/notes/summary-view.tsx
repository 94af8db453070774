import type { CallSummary, EvidenceQuote, SummaryPoint } from '@/lib/core/calls';
import { formatTimestamp } from '@/lib/notes/timestamp';

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

function citation(evidence: EvidenceQuote): string {
  return evidence.startSeconds !== undefined
    ? `${evidence.speaker}, ${formatTimestamp(evidence.startSeconds)}`
    : evidence.speaker;
}

function Quote({ evidence }: { evidence: EvidenceQuote }) {
  return (
    <blockquote className="quote">
      “{evidence.quote}”<cite>{citation(evidence)}</cite>
    </blockquote>
  );
}

function Points({ title, points, testId }: { title: string; points: SummaryPoint[]; testId: string }) {
  if (points.length === 0) return null;
  return (
    <section className="summary-section" data-testid={testId}>
      <h4>{title}</h4>
      <ul>
        {points.map((point, index) => (
          <li key={index}>
            <span>{point.text}</span>
            {point.evidence.slice(0, 2).map((evidence, quoteIndex) =>
              // An extracted point is its own quote: say who said it and when, without repeating it.
              sameText(evidence.quote, point.text) ? (
                <cite key={quoteIndex} className="quote-source">
                  {citation(evidence)}
                </cite>
              ) : (
                <Quote key={quoteIndex} evidence={evidence} />
              ),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A call summary, whichever summarizer made it; quotes carry speaker and time. All of it is text, never markup. */
export function SummaryView({ summary }: { summary: CallSummary }) {
  const constraints = [
    ['Notice period', summary.constraints.noticePeriod],
    ['Compensation', summary.constraints.compensation],
    ['Location', summary.constraints.location],
  ].flatMap(([label, point]) =>
    point && typeof point !== 'string' ? [{ ...point, text: `${label}: ${point.text}` }] : [],
  );
  return (
    <div className="summary" data-testid="summary" data-source={summary.source}>
      <p className="tldr" data-testid="summary-tldr">
        {summary.tldr}
      </p>
      <Points title="Key points" points={summary.keyPoints} testId="summary-key-points" />
      <Points title="Strengths" points={summary.strengths} testId="summary-strengths" />
      <Points title="Concerns" points={summary.concerns} testId="summary-concerns" />
      <Points title="Motivations" points={summary.motivations} testId="summary-motivations" />
      <Points title="Constraints" points={constraints} testId="summary-constraints" />
      <Points title="Next steps" points={summary.nextSteps} testId="summary-next-steps" />
      {summary.topics.length > 0 ? (
        <section className="summary-section" data-testid="summary-topics">
          <h4>Evidence by topic</h4>
          {summary.topics.map((topic) => (
            <details key={topic.topic}>
              <summary>
                {topic.topic} ({topic.evidence.length})
              </summary>
              {topic.evidence.map((evidence, index) => (
                <Quote key={index} evidence={evidence} />
              ))}
            </details>
          ))}
        </section>
      ) : null}
      <p className="muted small">
        {summary.source === 'llm' ? `Summarized by ${summary.model ?? 'your LLM'}` : 'Built-in summary (offline)'}
      </p>
    </div>
  );
}
