import { SidecarError } from '@/lib/core/errors';
import type { OutboxRecord } from '@/lib/core/outbox';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import type { ProfileSnapshot } from '@/lib/core/profile';
import type { KnownRecord, MatchView } from '@/lib/messaging/protocol';
import { readExportProgress } from '@/lib/export/export-executor';
import { findExistingCandidates } from '@/lib/matching/profile-match';
import type { AtsClient } from '@/lib/providers/contracts';
import type { SidecarDatabase } from '@/lib/storage/database';
import type { Outbox } from './outbox';
import { cacheKeys, type ReadCache } from './read-cache';

const lookupCacheMilliseconds = 5 * 60_000;

export interface ExportDependencies {
  database: SidecarDatabase;
  outbox: Outbox;
  cache: ReadCache;
  clientFor: (provider: AtsProvider) => Promise<AtsClient>;
  connectedProviders: () => Promise<AtsProvider[]>;
}

/** The candidate an export created or found (Pinpoint and Lever record it with the application step). */
export function exportedCandidateId(entry: OutboxRecord): string | undefined {
  const progress = readExportProgress(entry.completedSteps);
  return progress.application?.candidateId ?? progress.candidateId;
}

export function createExports({ database, outbox, cache, clientFor, connectedProviders }: ExportDependencies) {
  async function stageOf(provider: AtsProvider, candidateId: string): Promise<{ stage?: string; jobTitle?: string }> {
    try {
      const client = await clientFor(provider);
      const context = await cache.remember(
        cacheKeys.candidate(provider, { candidateId }),
        lookupCacheMilliseconds,
        () => client.getCandidateContext({ candidateId }),
      );
      const application = context.applications.find((each) => each.status === 'active') ?? context.applications[0];
      return {
        ...(application?.stage?.name ? { stage: application.stage.name } : {}),
        ...(application?.jobTitle ? { jobTitle: application.jobTitle } : {}),
      };
    } catch {
      // The record is still worth showing when its stage cannot be read right now.
      return {};
    }
  }

  return {
    /** The local map first (exports from this browser), then each connected ATS's search by LinkedIn URL. */
    async lookup(profileUrl: string): Promise<KnownRecord | null> {
      const local = await database.exports.get(profileUrl);
      if (local) {
        return { ...local, ...(await stageOf(local.provider, local.candidateId)), via: 'local' };
      }
      for (const provider of await connectedProviders()) {
        const client = await clientFor(provider);
        const found = await cache.remember(`${provider}:linkedin:${profileUrl}`, lookupCacheMilliseconds, () =>
          client.findCandidates({ linkedinUrl: profileUrl }).catch(() => []),
        );
        const candidate = found[0];
        if (candidate) {
          return {
            provider,
            candidateId: candidate.id,
            name: candidate.name,
            url: candidate.url,
            ...(await stageOf(provider, candidate.id)),
            via: 'search',
          };
        }
      }
      return null;
    },

    async match(input: {
      provider: AtsProvider;
      profileUrl: string;
      emails: string[];
      name: string;
      currentCompany?: string;
    }): Promise<MatchView | null> {
      const client = await clientFor(input.provider);
      return findExistingCandidates(client, input);
    },

    async start(input: {
      clickId: string;
      provider: AtsProvider;
      jobId: string;
      jobTitle: string;
      profile: ProfileSnapshot;
      existingCandidateId?: string;
      createAnyway?: boolean;
    }): Promise<OutboxRecord> {
      if (!(await connectedProviders()).includes(input.provider)) {
        throw new SidecarError({
          kind: 'auth',
          provider: input.provider,
          notConnected: true,
          message: `${siteLabels[input.provider]} is not connected. Add its API key in Sidecar Options.`,
        });
      }
      const { clickId, provider, ...operation } = input;
      return outbox.enqueue({
        id: clickId,
        provider,
        label: `Export ${input.profile.name} to ${siteLabels[provider]} · ${input.jobTitle}`,
        operation: {
          type: 'export',
          candidateId: input.existingCandidateId ?? 'new',
          ...operation,
        },
      });
    },

    /** After an export, the profile maps to its record, so the next visit shows "In Ashby · Stage" at once. */
    async remember(entry: OutboxRecord): Promise<void> {
      if (entry.operation.type !== 'export') return;
      const candidateId = exportedCandidateId(entry);
      if (!candidateId) return;
      await database.exports.put({
        profileUrl: entry.operation.profile.profileUrl,
        provider: entry.provider,
        candidateId,
        name: entry.operation.profile.name,
        url: entry.result?.url ?? '',
        jobTitle: entry.operation.jobTitle,
        exportedAt: new Date().toISOString(),
      });
      await cache.invalidate(`${entry.provider}:linkedin:`);
    },

    /** Disconnecting an ATS forgets which profiles went there. */
    async forgetProvider(provider: AtsProvider): Promise<void> {
      await database.exports.where('provider').equals(provider).delete();
    },
  };
}

export type Exports = ReturnType<typeof createExports>;
