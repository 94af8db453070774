import type {
  ScorecardEntry,
  FeedbackFieldDefinition,
  FeedbackFieldOption,
  FeedbackFieldValue,
  FeedbackFormDefinition,
} from '@/lib/core/types';
import { cleanLabel, leadingNumber } from './generic-reader';

/** The page's view of a field, enough to find its twin in the ATS's form definition. */
export interface PageFieldForApi {
  key: string;
  label: string;
  type: FeedbackFieldDefinition['type'];
  options: FeedbackFieldOption[];
}

/**
 * How labels compare: as the form reader cleans them (spacing, required markers), and neither case, "(optional)" nor
 * trailing punctuation counts.
 */
export function labelKey(label: string): string {
  return cleanLabel(label)
    .toLowerCase()
    .replace(/\s*\(optional\)\s*$/, '')
    .replace(/[\s:?.]+$/, '');
}

/**
 * Pairs each page field with the ATS form field of the same title, in order, so two fields titled alike pair up one
 * to one. The page renders the form the API defines, so titles are what both sides share; ids the page does not show.
 */
export function matchFormFields(
  pageFields: PageFieldForApi[],
  form: FeedbackFormDefinition,
): Map<string, FeedbackFieldDefinition> {
  const unused = [...form.fields];
  const matches = new Map<string, FeedbackFieldDefinition>();
  for (const field of pageFields) {
    const index = unused.findIndex((candidate) => labelKey(candidate.label) === labelKey(field.label));
    if (index < 0) continue;
    matches.set(field.key, unused[index]!);
    unused.splice(index, 1);
  }
  return matches;
}

/** A scorecard's skill on the page: its score and its comment, as two fields titled "<skill>" and "<skill> comment". */
function scorecardParts<Field extends PageFieldForApi>(pageFields: Field[], api: FeedbackFieldDefinition) {
  return (api.parts ?? []).map((skill) => ({
    skill,
    score: pageFields.find((field) => labelKey(field.label) === labelKey(skill)),
    comment: pageFields.find((field) => labelKey(field.label) === labelKey(`${skill} comment`)),
  }));
}

/** The ATS option meaning the same as what the page shows: same label, same value, or the same leading score number. */
function apiOptionFor(pageText: string, page: PageFieldForApi, api: FeedbackFieldDefinition) {
  const pageOption = page.options.find((option) => option.value === pageText || option.label === pageText);
  const wanted = [pageOption?.label, pageOption?.value, pageText].filter((text): text is string => !!text);
  for (const text of wanted) {
    const option = api.options.find(
      (candidate) => labelKey(candidate.label) === labelKey(text) || candidate.value === text,
    );
    if (option) return option;
  }
  for (const text of wanted) {
    const number = leadingNumber(text);
    const option =
      number !== null ? api.options.find((candidate) => leadingNumber(candidate.label) === number) : undefined;
    if (option) return option;
  }
  return undefined;
}

export type ApiValue = { ok: true; value: FeedbackFieldValue } | { ok: false; reason: string };

/** Turns what the page holds (or the reviewed plan proposes) for a field into the value the ATS's API takes. */
export function toApiValue(page: PageFieldForApi, api: FeedbackFieldDefinition, value: string | string[]): ApiValue {
  const texts = (Array.isArray(value) ? value : value.split('|')).map((text) => text.trim()).filter(Boolean);
  switch (api.type) {
    case 'yes-no': {
      const answer = apiOptionFor(texts[0] ?? '', page, api)?.value ?? texts[0] ?? '';
      if (/^(yes|true|1)$/i.test(answer)) return { ok: true, value: true };
      if (/^(no|false|0)$/i.test(answer)) return { ok: true, value: false };
      return { ok: false, reason: `“${texts[0] ?? ''}” is not yes or no.` };
    }
    case 'score':
    case 'single-select':
    case 'multi-select': {
      if (api.options.length === 0) return { ok: true, value: texts[0] ?? '' };
      const chosen = (api.type === 'multi-select' ? texts : texts.slice(0, 1)).map((text) => ({
        text,
        option: apiOptionFor(text, page, api),
      }));
      const missing = chosen.find((each) => !each.option);
      if (missing) return { ok: false, reason: `“${missing.text}” is not one of ${api.label}’s options.` };
      const values = chosen.map((each) => each.option!.value);
      return { ok: true, value: api.type === 'multi-select' ? values : (values[0] ?? '') };
    }
    case 'other':
      return { ok: false, reason: 'Sidecar cannot send this kind of field through the API; fill it on the page.' };
    default:
      return { ok: true, value: Array.isArray(value) ? value.join('\n') : value };
  }
}

export interface ApiSubmission {
  values: Array<{ fieldId: string; value: FeedbackFieldValue }>;
  /** Sentences saying what would not go through, shown before the click. */
  warnings: string[];
  /** Required fields of the ATS's form with no value yet: Submit waits for them. */
  missingRequired: FeedbackFieldDefinition[];
}

/**
 * The reviewed form as the ATS's API takes it: each page field paired with its API field, values in API shape. A
 * scorecard (Lever) gathers its skills' scores and comments into one value, a skill left alone scoring 0.
 */
export function buildSubmission<Field extends PageFieldForApi>(
  atsLabel: string,
  form: FeedbackFormDefinition,
  fields: Field[],
  matches: Map<string, FeedbackFieldDefinition>,
  valueFor: (field: Field) => string | string[] | null,
): ApiSubmission {
  const values: ApiSubmission['values'] = [];
  const warnings: string[] = [];
  const text = (field: Field | undefined) => {
    const value = field ? valueFor(field) : null;
    return Array.isArray(value) ? value.join('\n') : (value ?? '');
  };
  const partsOfScorecards = new Set<string>();
  for (const api of form.fields.filter((field) => field.parts?.length)) {
    const parts = scorecardParts(fields, api);
    for (const part of parts) {
      for (const field of [part.score, part.comment]) if (field) partsOfScorecards.add(field.key);
    }
    const entries: ScorecardEntry[] = parts.map((part) => ({
      score: leadingNumber(text(part.score)) ?? 0,
      comment: text(part.comment),
    }));
    if (entries.some((entry) => entry.score > 0 || entry.comment)) values.push({ fieldId: api.id, value: entries });
  }
  for (const field of fields) {
    const value = valueFor(field);
    if (value === null || value.length === 0 || partsOfScorecards.has(field.key)) continue;
    const api = matches.get(field.key);
    if (!api) {
      warnings.push(`“${field.label}” is not in the form ${atsLabel}'s API knows, so it would not be sent.`);
      continue;
    }
    const converted = toApiValue(field, api, value);
    if (converted.ok) values.push({ fieldId: api.id, value: converted.value });
    else warnings.push(`${field.label}: ${converted.reason}`);
  }
  const answered = new Set(values.map((each) => each.fieldId));
  const missingRequired = form.fields.filter((field) => field.required && !answered.has(field.id));
  return { values, warnings, missingRequired };
}
