import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../sandbox/server';
import { demo, sandboxCredentials, sandboxLimitedCredentials } from '../sandbox/seed';
import { siteCases } from './sites';

export type AtsSite = 'ashby' | 'lever' | 'pinpoint';

export interface AtsCase {
  site: AtsSite;
  label: string;
  candidateUrl: string;
  candidateName: string;
  currentStage: string;
  targetStage: string;
  key: string;
  readOnlyKey: string;
  subdomain?: string;
  /** The API request that moves an application to a stage. */
  isStageMove: (request: { host: string; method: string; path: string }) => boolean;
}

export const atsCases: AtsCase[] = [
  {
    site: 'ashby',
    label: 'Ashby',
    candidateUrl: siteCases[0]!.page.url,
    candidateName: 'Priya Raman',
    currentStage: 'Technical Interview',
    targetStage: 'Onsite',
    key: sandboxCredentials.ashby.key,
    readOnlyKey: sandboxLimitedCredentials.ashby.key,
    isStageMove: (request) => request.host === 'api.ashbyhq.com' && request.path === '/application.changeStage',
  },
  {
    site: 'lever',
    label: 'Lever',
    candidateUrl: siteCases[1]!.page.url,
    candidateName: 'Priya Raman',
    currentStage: 'Technical interview',
    targetStage: 'On-site interview',
    key: sandboxCredentials.lever.key,
    readOnlyKey: sandboxLimitedCredentials.lever.key,
    isStageMove: (request) =>
      request.host === 'api.lever.co' &&
      request.method === 'PUT' &&
      request.path.startsWith(`/v1/opportunities/${demo.lever.candidateId}/stage`),
  },
  {
    site: 'pinpoint',
    label: 'Pinpoint',
    candidateUrl: siteCases[2]!.page.url,
    candidateName: 'Priya Raman',
    currentStage: 'Technical Interview',
    targetStage: 'Final Interview',
    key: sandboxCredentials.pinpoint.key,
    readOnlyKey: sandboxLimitedCredentials.pinpoint.key,
    subdomain: sandboxCredentials.pinpoint.subdomain,
    isStageMove: (request) =>
      request.host === `${demo.pinpoint.subdomain}.pinpointhq.com` &&
      request.method === 'PUT' &&
      request.path.startsWith(`/api/v1/applications/${demo.pinpoint.applicationId}`),
  },
];

/** The user every test acts as: in all three seeded ATSs. */
export const userEmail = 'hannah.brooks@example.com';

/** Sends one Sidecar message from the options page, as the options UI would. */
export async function sendFromExtensionPage(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([messageType, messagePayload]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ channel: 'sidecar', type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}

/** Connects ATSs the quick way (the options page's own messages); the options tests go through its UI. */
export async function connect(
  context: BrowserContext,
  extensionId: string,
  cases: AtsCase[] = atsCases,
  key: (atsCase: AtsCase) => string = (atsCase) => atsCase.key,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  for (const atsCase of cases) {
    const result = (await sendFromExtensionPage(page, 'connections.save', {
      provider: atsCase.site,
      enabled: true,
      key: key(atsCase),
      ...(atsCase.subdomain ? { subdomain: atsCase.subdomain } : {}),
    })) as { ok: boolean };
    if (!result.ok) throw new Error(`could not connect ${atsCase.site}: ${JSON.stringify(result)}`);
  }
  await sendFromExtensionPage(page, 'identity.save', { email: userEmail });
  await page.close();
}

export function apiRequests(sandbox: Sandbox, atsCase: AtsCase) {
  const host = atsCase.site === 'ashby' ? 'api.ashbyhq.com' : atsCase.site === 'lever' ? 'api.lever.co' : null;
  return sandbox.requests.filter((request) =>
    host ? request.host === host : request.host.endsWith('.pinpointhq.com') && request.path.startsWith('/api/'),
  );
}
