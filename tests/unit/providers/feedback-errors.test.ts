// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SidecarError } from '@/lib/core/errors';
import { attributeToField } from '@/lib/providers/feedback-errors';

const fields = [
  { id: 'system_design', label: 'System design' },
  { id: 'system_design_notes', label: 'Notes on system design' },
  { id: '_systemfield_feedback', label: 'Overall feedback' },
];
const invalid = (message: string) => new SidecarError({ kind: 'invalid-input', provider: 'ashby', message });

describe('tying ATS validation errors to form fields', () => {
  it('names the field whose path the message quotes, longest path first', () => {
    const error = attributeToField(invalid('system_design_notes: expected string'), fields) as SidecarError;
    expect(error.data.fieldId).toBe('system_design_notes');
  });

  it('falls back to the field title', () => {
    const error = attributeToField(invalid('Overall feedback is required'), fields) as SidecarError;
    expect(error.data.fieldId).toBe('_systemfield_feedback');
  });

  it('leaves errors about no field, and other kinds of failure, as they were', () => {
    const general = invalid('applicationId not found');
    expect(attributeToField(general, fields)).toBe(general);
    const outage = new SidecarError({ kind: 'upstream', message: 'system_design exploded' });
    expect(attributeToField(outage, fields)).toBe(outage);
  });
});
