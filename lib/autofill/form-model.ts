import type { FeedbackFieldOption, FeedbackFieldType } from '@/lib/core/types';

/** One feedback-form field as read from the page. Lives in the content script only. */
export interface PageFormField {
  /** Stable within the page: derived from the label and, for repeated labels, their order. */
  key: string;
  label: string;
  description?: string;
  type: FeedbackFieldType;
  required: boolean;
  options: FeedbackFieldOption[];
  currentValue: string | string[] | null;
  filled: boolean;
  /** The field's container: the largest ancestor holding this field's controls and no other field's. */
  element: Element;
}

export interface ReadForm {
  fields: PageFormField[];
  root: Element;
}

/** What may cross a message boundary: DOM nodes cannot be cloned into a message. */
export type PageFieldDescriptor = Omit<PageFormField, 'element'>;

export function toFieldDescriptor(field: PageFormField): PageFieldDescriptor {
  const descriptor: PageFieldDescriptor = {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    options: field.options.map((option) => ({ value: option.value, label: option.label })),
    currentValue: Array.isArray(field.currentValue) ? [...field.currentValue] : field.currentValue,
    filled: field.filled,
  };
  if (field.description !== undefined) descriptor.description = field.description;
  return descriptor;
}

/** Lowercase, dash-separated slug used for field keys. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Collapses whitespace the way a reader sees the text. */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Field keys for labels in page order, derived as the generic reader derives them: the label's slug, and for a
 * repeated label its position among the repeats (`comments`, `comments-2`).
 */
export function fieldKeys(labels: string[]): string[] {
  const counts = new Map<string, number>();
  return labels.map((label) => {
    const base = slugify(label) || 'field';
    const seen = (counts.get(base) ?? 0) + 1;
    counts.set(base, seen);
    return seen === 1 ? base : `${base}-${seen}`;
  });
}
