import { z } from 'zod';
import type { CallRecord, SummarizerInput } from '@/lib/core/calls';
import type { ChatClient } from '@/lib/llm/chat-client';
import { evidenceSchema, evidenceSource, renderTranscript, verifyQuote } from '@/lib/notes/summarizer/llm';
import type { FieldDescriptor, FieldProposal } from './plan';

const choiceTypes = new Set(['score', 'yes-no', 'single-select', 'multi-select']);

/** What the model answers per field; `value` null means "the call does not say". */
export const llmPlanSchema = z.object({
  fields: z.array(
    z.object({
      key: z.string(),
      value: z
        .string()
        .nullable()
        .describe('For choices: exactly one option value (multi-select: values joined by "|")'),
      reason: z.string().describe('One line: why this value, from the call'),
      evidence: z.array(evidenceSchema),
    }),
  ),
});
export type LlmPlan = z.infer<typeof llmPlanSchema>;

const { $schema: _dialect, ...llmPlanJsonSchema } = z.toJSONSchema(llmPlanSchema) as Record<string, unknown>;
export { llmPlanJsonSchema };

const system = [
  'You fill an interviewer feedback form from the call transcript and notes.',
  'For each field, propose a value only if the call supports it, with one short reason and verbatim quotes',
  '(words copied exactly from one transcript line, with its speaker and start time in seconds).',
  'For fields with options, the value must be exactly one of the option values given (multi-select: values joined by "|").',
  'If the call does not support a value, answer null. Never invent facts, scores or quotes.',
].join(' ');

/**
 * Several calls as one input: their turns one after the other (each keeps its own times, so a quote is found in the
 * call it came from) and their notes under each call's title.
 */
export function mergeCalls(calls: Array<Pick<CallRecord, 'title' | 'transcript' | 'notes'>>): SummarizerInput {
  const segments = calls.flatMap((call) => call.transcript?.segments ?? []);
  const notes = calls
    .filter((call) => call.notes.trim())
    .map((call) => (calls.length > 1 ? `${call.title}:\n${call.notes.trim()}` : call.notes.trim()))
    .join('\n\n');
  const format = calls.find((call) => call.transcript)?.transcript?.format;
  return {
    ...(format ? { transcript: { format, segments } } : {}),
    ...(notes ? { notes } : {}),
  };
}

function describeField(field: FieldDescriptor): string {
  const options =
    field.options.length > 0 ? ` options: ${field.options.map((option) => option.value).join(' | ')}` : '';
  return `- key "${field.key}": ${field.label} (${field.type}${field.required ? ', required' : ''})${
    field.description ? ` — ${field.description}` : ''
  }${options}`;
}

function isAnOption(field: FieldDescriptor, value: string): boolean {
  // A yes/no field may come without options (an API definition, a toggle read without labels).
  if (field.type === 'yes-no' && field.options.length === 0) return /^(yes|no|true|false)$/i.test(value);
  const values = field.type === 'multi-select' ? value.split('|').map((each) => each.trim()) : [value];
  return values.every((each) => field.options.some((option) => option.value === each));
}

/**
 * The LLM plan: the model may propose scores and choices too, each with its reason, but only from the field's own
 * options and only with quotes that are really in the call (checked here, as models invent).
 */
export async function planWithLlm(
  chat: ChatClient,
  fields: FieldDescriptor[],
  call: SummarizerInput,
): Promise<FieldProposal[]> {
  const transcript = call.transcript ? renderTranscript(call.transcript.segments, 120_000, undefined).text : '';
  const answer = await chat.completeJson({
    system,
    user: [
      'Form fields:',
      ...fields.map(describeField),
      '',
      'Transcript:',
      transcript || '(none)',
      '',
      'Interviewer notes:',
      call.notes?.trim() || '(none)',
    ].join('\n'),
    schemaName: 'scorecard_plan',
    jsonSchema: llmPlanJsonSchema,
    schema: llmPlanSchema,
  });
  const source = evidenceSource(call);
  return fields.map((field): FieldProposal => {
    const proposed = answer.fields.find((candidate) => candidate.key === field.key);
    const value = proposed?.value?.trim();
    if (!proposed || !value) {
      return { key: field.key, status: 'no-evidence', value: null, evidence: [], reason: 'No evidence in the call.' };
    }
    const evidence = proposed.evidence.flatMap((quote) => verifyQuote(quote, source) ?? []);
    if (evidence.length === 0) {
      return {
        key: field.key,
        status: 'no-evidence',
        value: null,
        evidence: [],
        reason: 'The model gave no quote that is in the call, so nothing is proposed.',
      };
    }
    if (choiceTypes.has(field.type) && !isAnOption(field, value)) {
      return {
        key: field.key,
        status: 'no-evidence',
        value: null,
        evidence,
        reason: `The model proposed "${value}", which is not one of this field's options.`,
      };
    }
    return { key: field.key, status: 'proposed', value, evidence, reason: proposed.reason.trim() };
  });
}
