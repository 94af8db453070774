import type { Transcript, TranscriptSegment } from '@/lib/core/calls';

const turns: Array<[speaker: string, startSeconds: number, text: string]> = [
  ['Hannah Brooks', 0, "Hi Priya, thanks for making the time today. I'm Hannah, I lead the platform team here."],
  ['Priya Raman', 6, 'Hi Hannah, great to meet you. Thanks for having me.'],
  [
    'Hannah Brooks',
    12,
    "To start, could you walk me through what you're working on at the moment and why you're thinking about a move?",
  ],
  [
    'Priya Raman',
    21,
    "Sure. I'm a senior backend engineer at Fintrail, where I own the payments ledger service. Over the last two years I led the migration from a monolith to event-driven services on Kafka.",
  ],
  ['Hannah Brooks', 48, 'That sounds substantial. What made you start looking?'],
  [
    'Priya Raman',
    53,
    "Honestly, I'm looking for a team where platform work is the product, not a side project. I'm excited by the developer tooling you're building.",
  ],
  ['Hannah Brooks', 71, 'Tell me about a hard design decision on the ledger.'],
  [
    'Priya Raman',
    78,
    'We had to keep balances consistent across regions. I designed an outbox pattern with idempotent consumers, which cut reconciliation errors to almost zero and kept p99 latency under 80 milliseconds.',
  ],
  ['Hannah Brooks', 112, 'How did you bring the rest of the team along with that?'],
  [
    'Priya Raman',
    118,
    'I wrote a short design doc, ran two review sessions with the product managers, and mentored two junior engineers through the first consumers.',
  ],
  ['Hannah Brooks', 140, 'Any areas where you feel less experienced?'],
  [
    'Priya Raman',
    146,
    "I haven't run Kubernetes clusters myself; our infrastructure team owned that. I've deployed to it, but not operated it.",
  ],
  ['Hannah Brooks', 165, "That's fair. Let's talk practicalities. What's your notice period?"],
  ['Priya Raman', 171, "It's a three-month notice period, though they might let me go a few weeks early."],
  ['Hannah Brooks', 182, 'And where are you based? The role is hybrid, two days a week in our London office.'],
  ['Priya Raman', 190, "I'm based in London, in Islington, so hybrid works well for me."],
  ['Hannah Brooks', 199, 'What are your salary expectations?'],
  ['Priya Raman', 204, "I'm looking at around £95k base, depending on the overall package."],
  [
    'Hannah Brooks',
    214,
    "Thanks, that's within range. As a next step we'll send you a take-home exercise, about three hours, and then a system design interview with two engineers.",
  ],
  ['Priya Raman', 231, 'Sounds good. I can do the take-home this weekend.'],
  ['Hannah Brooks', 238, "Perfect. I'll email it over today. Thanks Priya!"],
];

export const interviewSegments: TranscriptSegment[] = turns.map(([speaker, startSeconds, text]) => ({
  speaker,
  startSeconds,
  text,
}));

/** A first-round interview between Hannah Brooks (hiring manager) and Priya Raman (candidate). */
export const interviewTranscript: Transcript = { format: 'plain', segments: interviewSegments };

export const interviewNotes = 'Strong on distributed systems. Wants hybrid. Ask about on-call expectations next round.';
