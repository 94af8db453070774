import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '@/components/ui/error-notice';
import { IdentitySection } from './identity-section';
import { LlmSection } from './llm-section';
import { ProviderConnection } from './provider-connection';
import { optionsQueries } from './queries';

/** Connect the ATSs: a key per provider (tested before it is trusted), and who you are in each. */
export function OptionsApp() {
  const connections = useQuery(optionsQueries.connections());
  return (
    <main className="page" data-testid="options">
      <header className="page-header">
        <h1>Sidecar</h1>
        <p className="muted">
          Connect your ATS accounts. Keys stay in this browser, are only ever sent to their own ATS, and are never shown
          back in full.
        </p>
      </header>
      <IdentitySection />
      {connections.isPending ? <p className="muted">Loading…</p> : null}
      {connections.isError ? (
        <ErrorNotice error={connections.error} onRetry={() => void connections.refetch()} />
      ) : null}
      {connections.data?.map((status) => (
        <ProviderConnection key={status.provider} status={status} />
      ))}
      <LlmSection />
    </main>
  );
}
