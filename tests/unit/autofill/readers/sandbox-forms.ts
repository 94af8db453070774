import { vi } from 'vitest';
import type { PageFormField } from '@/lib/autofill/form-model';
import { pinpointScorecardSection } from '../../../sandbox/forms/pinpoint-form.ts';

/**
 * Renders the sandbox's feedback form apps (the same React/TipTap and server-rendered code the e2e pages load) into
 * happy-dom. Each app registers a mount function on first import; later renders in the same test file reuse it.
 */

type FormName = 'ashby-feedback' | 'lever-feedback' | 'pinpoint-scorecard';

const loaders: Record<FormName, () => Promise<unknown>> = {
  'ashby-feedback': () => import('../../../sandbox/forms/browser/ashby-feedback.tsx'),
  'lever-feedback': () => import('../../../sandbox/forms/browser/lever-feedback.tsx'),
  'pinpoint-scorecard': () => import('../../../sandbox/forms/browser/pinpoint-scorecard.ts'),
};

async function mount(name: FormName, ready: (root: Element) => boolean): Promise<HTMLElement> {
  const root = document.querySelector<HTMLElement>(`[data-sandbox-form="${name}"]`);
  if (!root) throw new Error(`no ${name} root on the page`);
  const mountAll = window.sandboxForms?.[name];
  if (mountAll) mountAll();
  else await loaders[name]();
  await vi.waitFor(() => {
    if (!ready(root)) throw new Error(`${name} has not rendered yet`);
  });
  return root;
}

/** Server markup without its `<script>` and loader image: the test mounts the app itself. */
function place(markup: string): void {
  const template = document.createElement('template');
  template.innerHTML = markup;
  template.content.querySelectorAll('script, img, noscript').forEach((node) => node.remove());
  const main = document.createElement('main');
  main.append(template.content);
  document.body.replaceChildren(main);
}

function appRoot(name: FormName, config: unknown): string {
  const root = document.createElement('div');
  root.dataset.sandboxForm = name;
  root.dataset.form = JSON.stringify(config);
  return `<h1>Technical interview</h1>${root.outerHTML}`;
}

export async function renderAshbyForm(config: unknown): Promise<HTMLElement> {
  place(appRoot('ashby-feedback', config));
  return mount('ashby-feedback', (root) => root.querySelector('.tiptap') !== null);
}

export async function renderLeverForm(config: unknown): Promise<HTMLElement> {
  place(appRoot('lever-feedback', config));
  return mount('lever-feedback', (root) => root.querySelector('form') !== null);
}

/** The candidate page's Scorecards section with its (closed) scorecard dialog. */
export async function renderPinpointScorecard(): Promise<HTMLElement> {
  place(
    `<h1>Priya Raman</h1><input type="search" aria-label="Search candidates" />` +
      pinpointScorecardSection('application-1').trustedHtml,
  );
  return mount('pinpoint-scorecard', () => true);
}

/** What the page's own app would submit now (its state, not the DOM). */
export function pageState(): unknown {
  return window.sandboxFeedback?.current();
}

export function summary(fields: PageFormField[]) {
  return fields.map(({ key, label, type, required, filled }) => ({ key, label, type, required, filled }));
}

export function optionLabels(field: PageFormField | undefined): string[] {
  return (field?.options ?? []).map((option) => option.label);
}

export function byLabel(fields: PageFormField[], label: string): PageFormField {
  const field = fields.find((each) => each.label === label);
  if (!field) throw new Error(`no field "${label}" among ${fields.map((each) => each.label).join(', ')}`);
  return field;
}

/**
 * Takes away what a provider reader recognises (classes, data attributes, render-order ids) as a redesign would,
 * keeping what the generic reader relies on: labels, ARIA roles and names, form semantics.
 */
export function stripProviderStructure(root: Element): void {
  const renamed = new Map<string, string>();
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    element.removeAttribute('class');
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name.startsWith('data-') && attribute.name !== 'data-sandbox-form') {
        element.removeAttribute(attribute.name);
      }
    }
    if (element.id.startsWith('labeled-radio-input-')) {
      const id = `option-${renamed.size}`;
      renamed.set(element.id, id);
      element.id = id;
    }
  }
  for (const label of Array.from(root.querySelectorAll('label[for]'))) {
    const id = renamed.get(label.getAttribute('for') ?? '');
    if (id) label.setAttribute('for', id);
  }
}
