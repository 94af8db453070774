import type { BrowserContext, Page } from '@playwright/test';
import { demo } from '../sandbox/seed';
import { atsCases, connect } from './ats';
import { stopServiceWorker } from './browser';
import { expect, test } from './fixtures';

const elenaUrl = `https://www.linkedin.com/in/${demo.linkedin.slug}/`;
const priyaUrl = `https://www.linkedin.com/in/${demo.linkedin.secondSlug}/`;
const [ashby, lever, pinpoint] = atsCases;

async function openProfile(page: Page, context: BrowserContext, extensionId: string, url: string) {
  await connect(context, extensionId, [ashby!, lever!, pinpoint!]);
  await page.goto(url);
  await expect(page.getByTestId('panel')).toBeVisible();
  // Profiles in the hashed variant load Experience a moment after the page; the form follows them.
  const ready = page.getByTestId('export-read').or(page.getByTestId('known-line'));
  await expect(ready).toBeVisible();
  await expect(ready).not.toContainText(/^0 roles/);
}

/**
 * Export → Confirm. The duplicate check re-runs when LinkedIn's lazy sections change the current company, briefly
 * disabling the button; a click that lands in that moment is repeated.
 */
async function confirmExport(page: Page) {
  await expect(async () => {
    await page.getByTestId('export-submit').click({ timeout: 2000 });
    await expect(page.getByTestId('export-confirm')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('export-confirm-button').click();
}

async function chooseJob(page: Page, site: 'ashby' | 'lever' | 'pinpoint', title = 'Senior Backend Engineer') {
  await page.getByTestId(`export-ats-${site}`).click();
  await page.getByTestId('job-search').fill(title.split(' ')[0]!);
  await page.getByTestId('job-option').filter({ hasText: title }).first().click();
}

const writes = (sandbox: { requests: Array<{ method: string; host: string; path: string; status: number }> }) =>
  sandbox.requests.filter(
    (request) =>
      request.method !== 'GET' &&
      request.status >= 200 &&
      request.status < 300 &&
      /^(\/candidate\.(create|createNote|uploadResume)|\/application\.create|\/v1\/opportunities|\/api\/v1\/(applications|comments))/.test(
        request.path,
      ),
  );

test('export a new person to Ashby: candidate, application, note and resume, then the profile shows the record', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await openProfile(page, context, extensionId, elenaUrl);
  await expect(page.getByTestId('export-name')).not.toHaveValue('');
  // Every field can be corrected before export: here the first role's title.
  await page.getByTestId('roles-editor').locator('summary').click();
  await page.getByTestId('role-row').first().getByLabel('Title').fill('Principal Engineer (corrected)');
  await chooseJob(page, 'ashby');
  await expect(page.getByTestId('export-match')).toHaveCount(0);
  await confirmExport(page);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('export-link')).toHaveAttribute('href', /app\.ashbyhq\.com\/candidates\//);
  const paths = writes(sandbox).map((request) => request.path);
  expect(paths).toEqual([
    '/candidate.create',
    '/application.create',
    '/candidate.createNote',
    '/candidate.uploadResume',
  ]);
  const note = sandbox.requests.find((request) => request.path === '/candidate.createNote')!;
  expect(note.body).toContain('Principal Engineer (corrected)');

  await page.reload();
  await expect(page.getByTestId('known-line')).toContainText('In Ashby');
});

test('a person already in the ATS by LinkedIn URL shows the record, and is never created twice', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await openProfile(page, context, extensionId, priyaUrl);
  await expect(page.getByTestId('known-line')).toContainText(/In (Ashby|Lever|Pinpoint)/);
  await page.getByRole('button', { name: 'Export to another job…' }).click();
  await chooseJob(page, 'lever', 'Data Engineer');
  const match = page.getByTestId('export-match');
  await expect(match).toHaveAttribute('data-match', 'linkedin-url');
  await expect(page.getByTestId('export-create-anyway')).toHaveCount(0);
  await expect(page.getByTestId('export-submit')).toBeDisabled();
  await page.getByTestId('export-add-to-job').click();
  await confirmExport(page);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(
    writes(sandbox).filter((request) => request.path === '/v1/opportunities' && request.method === 'POST').length,
  ).toBeLessThanOrEqual(1);
});

test('Pinpoint needs an email: the panel says so before the click; with the contact info open it exports', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await openProfile(page, context, extensionId, elenaUrl);
  await chooseJob(page, 'pinpoint');
  await expect(page.getByTestId('export-needs-email')).toBeVisible();
  await expect(page.getByTestId('export-submit')).toBeDisabled();

  await page.goto(`${elenaUrl}overlay/contact-info/`);
  await expect(page.getByTestId('export-emails')).not.toHaveValue('');
  await chooseJob(page, 'pinpoint');
  await expect(page.getByTestId('export-needs-email')).toHaveCount(0);
  await confirmExport(page);
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const created = writes(sandbox).filter((request) => request.path === '/api/v1/applications');
  expect(created).toHaveLength(1);
});

test('an export interrupted by a stopped service worker resumes without a second candidate', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await openProfile(page, context, extensionId, elenaUrl);
  await chooseJob(page, 'ashby');
  // The application step hangs, after the candidate was created.
  sandbox.injectFault({ host: 'api.ashbyhq.com', pathPrefix: '/application.create', kind: 'timeout', times: 1 });
  await confirmExport(page);
  await expect.poll(() => sandbox.requests.filter((request) => request.path === '/application.create').length).toBe(1);
  await stopServiceWorker(context);
  sandbox.clearFaults();
  // After the reload the panel shows the export's progress again, and the worker finishes it.
  await page.reload();
  await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('known-line')).toContainText('In Ashby');
  expect(writes(sandbox).filter((request) => request.path === '/candidate.create')).toHaveLength(1);
  expect(writes(sandbox).filter((request) => request.path === '/application.create')).toHaveLength(1);
});
