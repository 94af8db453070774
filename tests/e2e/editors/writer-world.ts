import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';
import { fillFields, readBack, type FillOutcome } from '@/lib/autofill/writers';

/**
 * The content-script side of the editor fixture, evaluated in an isolated world of its own: like the extension's
 * content script it shares the page's DOM but none of its JavaScript, so the editors' instances are out of reach and
 * the writers must work through focus, selection and events alone.
 */

export interface WriterWorld {
  /** Reads the form and keeps its fields, as the panel does before the interviewer reviews the plan. */
  read: () => string[];
  fill: (label: string, value: string, overwrite: boolean) => Promise<FillOutcome>;
  readBack: (label: string) => string | string[] | null;
}

declare global {
  var sidecarWriters: WriterWorld | undefined;
}

let fields: PageFormField[] = [];

function field(label: string): PageFormField {
  const found = fields.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no field "${label}" among ${fields.map((candidate) => candidate.label).join(', ')}`);
  return found;
}

globalThis.sidecarWriters = {
  read: () => {
    fields = readFormGeneric(document.body).fields;
    return fields.map((candidate) => `${candidate.label}: ${candidate.type}`);
  },
  fill: async (label, value, overwrite) => {
    const [outcome] = await fillFields([{ field: field(label), value }], { overwrite, pauseMs: 0 });
    if (!outcome) throw new Error('fillFields returned no outcome');
    return outcome;
  },
  readBack: (label) => readBack(field(label)),
};
