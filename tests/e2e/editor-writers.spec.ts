import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import type { FillOutcome } from '@/lib/autofill/writers';
import { chromiumPath } from './browser';
import type { EditorKind } from './editors/editors-page';

/*
 * The writers against the real TipTap, Quill, Lexical and Draft.js editors in Chromium. Needs no extension build:
 * the page is set from a string, the editors run in its main world, and the writers run in an isolated world made
 * over CDP, which is where a content script runs — they share the DOM but not the editors' JavaScript objects.
 */

test.use({ launchOptions: { executablePath: chromiumPath } });

const bundles = new Map<string, string>();

function bundle(entry: string): string {
  const cached = bundles.get(entry);
  if (cached !== undefined) return cached;
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    legalComments: 'none',
    // Draft.js still reads Node's `global` in places.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  bundles.set(entry, code);
  return code;
}

const kinds: Array<{ kind: EditorKind; label: string }> = [
  { kind: 'tiptap', label: 'TipTap' },
  { kind: 'quill', label: 'Quill' },
  { kind: 'lexical', label: 'Lexical' },
  { kind: 'draft', label: 'Draft.js' },
];

const review = [
  'Strong systems thinker: walked through the queue design unprompted.',
  'Asked good questions about failure modes & retries.',
  'Would hire — 4/4.',
];

interface Fixture {
  paragraphs: (name: string) => Promise<string[]>;
  setEditable: (name: string, editable: boolean) => Promise<void>;
  /** Uncaught errors on the page so far: editors that crash on an input show it here. */
  errors: () => string[];
  fill: (label: string, value: string, options?: { overwrite?: boolean }) => Promise<FillOutcome>;
  readBack: (label: string) => Promise<unknown>;
  fieldList: string[];
}

async function openFixture(page: Page): Promise<Fixture> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent('<!doctype html><html><head><title>Editors</title></head><body></body></html>');
  // Quill's own stylesheet, as pages that use it load it (it sets how the editor lays out its lines).
  await page.addStyleTag({ path: createRequire(import.meta.url).resolve('quill/dist/quill.snow.css') });
  await page.addScriptTag({ content: bundle('./editors/editors-page.tsx') });
  await page.waitForFunction(() => window.editorFixture !== undefined);

  const session: CDPSession = await page.context().newCDPSession(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'sidecar-content-script',
  });
  const inWriterWorld = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(`in the writer world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value as T;
  };
  await inWriterWorld(bundle('./editors/writer-world.ts'));
  const fieldList = await inWriterWorld<string[]>('sidecarWriters.read()');

  return {
    paragraphs: (name) => page.evaluate((editor) => window.editorFixture?.paragraphs(editor) ?? [], name),
    setEditable: (name, editable) =>
      page.evaluate(([editor, value]) => window.editorFixture?.setEditable(editor, value), [name, editable] as const),
    errors: () => errors,
    fill: (label, value, options = {}) =>
      inWriterWorld<FillOutcome>(
        `sidecarWriters.fill(${JSON.stringify(label)}, ${JSON.stringify(value)}, ${options.overwrite === true})`,
      ),
    readBack: (label) => inWriterWorld(`sidecarWriters.readBack(${JSON.stringify(label)})`),
    fieldList,
  };
}

test('the fixture page shows every editor as a rich-text field, and no toolbar as a field', async ({ page }) => {
  const fixture = await openFixture(page);
  // Quill's Snow toolbar is on, with format buttons that carry aria-pressed.
  await expect(page.locator('.ql-toolbar button[aria-pressed]').first()).toBeVisible();
  expect(fixture.fieldList).toEqual(
    kinds.flatMap(({ label }) =>
      ['notes', 'summary', 'locked', 'refusing'].map((variant) => `${label} ${variant}: rich-text`),
    ),
  );
});

for (const { kind, label } of kinds) {
  test.describe(label, () => {
    test('a multi-line value lands in the editor state exactly, and read-back reports it', async ({ page }) => {
      const fixture = await openFixture(page);
      const outcome = await fixture.fill(`${label} notes`, review.join('\n'));
      expect(outcome).toEqual({ key: expect.any(String), result: { ok: true }, skipped: false });
      expect(await fixture.paragraphs(`${kind}-notes`)).toEqual(review);
      // The reader's value for the field, which decides "already filled" next time, is the text line for line.
      expect(await fixture.readBack(`${label} notes`)).toBe(review.join('\n'));
      expect(fixture.errors()).toEqual([]);
    });

    test("overwriting replaces the interviewer's text instead of adding to it", async ({ page }) => {
      const fixture = await openFixture(page);
      const kept = await fixture.fill(`${label} summary`, review.join('\n'));
      expect(kept).toMatchObject({ result: { ok: false, reason: 'the field already has a value' }, skipped: true });
      expect(await fixture.paragraphs(`${kind}-summary`)).toEqual([
        'Typed by the interviewer.',
        'Second line they typed.',
      ]);

      const replaced = await fixture.fill(`${label} summary`, review.join('\n'), { overwrite: true });
      expect(replaced).toMatchObject({ result: { ok: true }, skipped: false });
      expect(await fixture.paragraphs(`${kind}-summary`)).toEqual(review);
      expect(fixture.errors()).toEqual([]);
    });

    test('an editor that turned read-only after the form was read is reported as not taken', async ({ page }) => {
      const fixture = await openFixture(page);
      await fixture.setEditable(`${kind}-locked`, false);
      const outcome = await fixture.fill(`${label} locked`, review.join('\n'));
      expect(outcome).toMatchObject({ result: { ok: false, reason: 'the editor is read-only' }, skipped: false });
      expect((await fixture.paragraphs(`${kind}-locked`)).join('')).toBe('');
      expect(fixture.errors()).toEqual([]);
    });

    test('an editor whose page refuses the change is reported as not taken', async ({ page }) => {
      const fixture = await openFixture(page);
      const outcome = await fixture.fill(`${label} refusing`, review.join('\n'));
      expect(outcome).toMatchObject({ result: { ok: false, reason: 'the editor kept its old text' }, skipped: false });
      expect((await fixture.paragraphs(`${kind}-refusing`)).join('')).toBe('');
      expect(fixture.errors()).toEqual([]);
    });
  });
}
