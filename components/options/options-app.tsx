import { atsProviders, siteLabels } from '@/lib/core/page-context';

/** The options page shell: one section per ATS. Keys, Test key and identity arrive with the ATS connections. */
export function OptionsApp() {
  return (
    <main className="page" data-testid="options">
      <header className="page-header">
        <h1>Sidecar</h1>
        <p className="muted">Connect your ATS accounts. Keys stay in this browser and are only sent to their ATS.</p>
      </header>
      {atsProviders.map((provider) => (
        <section key={provider} className="section" id={provider} data-testid={`options-${provider}`}>
          <h2>{siteLabels[provider]}</h2>
          <p className="muted">Not connected.</p>
        </section>
      ))}
    </main>
  );
}
