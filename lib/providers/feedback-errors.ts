import { SidecarError } from '@/lib/core/errors';
import type { FeedbackFieldDefinition } from '@/lib/core/types';

function mentions(message: string, text: string): boolean {
  const escaped = text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9_])${escaped}($|[^a-z0-9_])`).test(message);
}

/**
 * Ties an ATS validation error to the form field it names (by the field's id or path first, then its title), so the
 * panel can show it under that field. Longest names first: "system_design_notes" is not "system_design".
 */
export function attributeToField(
  error: unknown,
  fields: Array<Pick<FeedbackFieldDefinition, 'id' | 'label'>>,
): unknown {
  if (!(error instanceof SidecarError) || error.data.kind !== 'invalid-input' || error.data.fieldId) return error;
  const message = error.data.message.toLowerCase();
  const byLength = (names: Array<[string, string]>) => names.sort((a, b) => b[1].length - a[1].length);
  const candidates = [
    ...byLength(fields.map((field) => [field.id, field.id])),
    ...byLength(fields.filter((field) => field.label).map((field) => [field.id, field.label])),
  ];
  const match = candidates.find(([, name]) => mentions(message, name));
  return match ? new SidecarError({ ...error.data, fieldId: match[0] }) : error;
}
