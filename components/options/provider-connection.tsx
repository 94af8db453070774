import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { siteLabels } from '@/lib/core/page-context';
import type { KeyCheck } from '@/lib/core/types';
import type { ConnectionStatus } from '@/lib/messaging/protocol';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';
import { connectionsKey } from './queries';

/** Where each vendor keeps its API keys, for the hint under the key field. */
const keyHelp = {
  ashby:
    'Ashby: Admin → Integrations → API Keys. Give it read and write on Candidates, Jobs, Interviews and Organization.',
  lever: 'Lever (super admin): Settings → Integrations and API → API Credentials. Permissions cannot be changed later.',
  pinpoint: 'Pinpoint: Settings → API & Webhooks → API Keys. Application, Comment, Job and User permissions.',
} as const;

function KeyCheckResult({ check }: { check: KeyCheck }) {
  if (!check.valid) {
    return (
      <p className="result result-bad" data-testid="key-check" data-valid="false">
        The key was refused. Check that you copied all of it and that it is still active.
      </p>
    );
  }
  return (
    <div className="result" data-testid="key-check" data-valid="true">
      <p className={check.missing.length === 0 ? 'result-good' : 'result-warn'}>
        {check.missing.length === 0
          ? `The key works${check.label ? ` (${check.label})` : ''} and has every permission Sidecar uses.`
          : `The key works${check.label ? ` (${check.label})` : ''}, but it lacks ${check.missing.length === 1 ? 'a permission' : 'permissions'}:`}
      </p>
      {check.missing.length > 0 ? (
        <ul className="missing" data-testid="missing-permissions">
          {check.missing.map((missing) => (
            <li key={missing.permission}>
              <strong>{missing.permission}</strong>: {missing.why}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ProviderConnection({ status }: { status: ConnectionStatus }) {
  const { provider } = status;
  const label = siteLabels[provider];
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [subdomain, setSubdomain] = useState(status.subdomain ?? '');
  const [enabled, setEnabled] = useState(status.enabled || !status.connected);
  const typedKey = key.trim() ? { key: key.trim() } : {};
  const typedSubdomain =
    provider === 'pinpoint' && subdomain.trim() ? { subdomain: subdomain.trim().toLowerCase() } : {};

  const test = useMutation({
    mutationFn: () => sendOrThrow('connections.test', { provider, ...typedKey, ...typedSubdomain }),
  });
  const save = useMutation({
    mutationFn: () => sendOrThrow('connections.save', { provider, enabled, ...typedKey, ...typedSubdomain }),
    onSuccess: async () => {
      setKey('');
      await queryClient.invalidateQueries({ queryKey: connectionsKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => sendOrThrow('connections.disconnect', { provider }),
    onSuccess: async () => {
      setKey('');
      test.reset();
      await queryClient.invalidateQueries({ queryKey: connectionsKey });
    },
  });
  const unsupported = Object.values(status.unsupported);

  return (
    <section className="section" id={provider} data-testid={`options-${provider}`}>
      <header className="section-header">
        <h2>{label}</h2>
        <span className={status.connected ? 'badge badge-good' : 'badge'} data-testid="connection-state">
          {status.connected
            ? `Connected ${status.keyHint ?? ''}`.trim()
            : status.keyHint
              ? 'Turned off'
              : 'Not connected'}
        </span>
      </header>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Use Sidecar with {label}
        </label>
        {provider === 'pinpoint' ? (
          <label className="field">
            <span>Company subdomain</span>
            <span className="input-with-suffix">
              <input
                type="text"
                data-testid="subdomain-input"
                value={subdomain}
                placeholder="acme"
                pattern="[a-z0-9-]+"
                onChange={(event) => setSubdomain(event.target.value)}
              />
              <span className="muted">.pinpointhq.com</span>
            </span>
          </label>
        ) : null}
        <label className="field">
          <span>API key</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            data-testid="key-input"
            value={key}
            placeholder={
              status.keyHint ? `Saved key ${status.keyHint}. Paste a new one to replace it.` : 'Paste the API key'
            }
            onChange={(event) => setKey(event.target.value)}
          />
          <small className="muted">{keyHelp[provider]}</small>
        </label>
        <div className="form-actions">
          <button
            type="button"
            className="button button-quiet"
            data-testid="test-key"
            disabled={test.isPending || (!key.trim() && !status.keyHint)}
            onClick={() => test.mutate()}
          >
            {test.isPending ? 'Testing…' : 'Test key'}
          </button>
          <button type="submit" className="button" data-testid="save-connection" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {status.keyHint ? (
            <button
              type="button"
              className="button button-danger"
              data-testid="disconnect"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Disconnect ${label}? Sidecar forgets the key and what it cached from ${label}.`)) {
                  remove.mutate();
                }
              }}
            >
              Disconnect
            </button>
          ) : null}
        </div>
      </form>
      {test.data ? <KeyCheckResult check={test.data} /> : null}
      {test.isError ? <ErrorNotice error={test.error} /> : null}
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      {status.connected && status.identity ? (
        <p className="muted" data-testid="identity">
          You act as <strong>{status.identity.name}</strong> in {label}.
        </p>
      ) : null}
      {status.connected && status.identityProblem ? (
        <p className="result-warn" data-testid="identity-problem">
          {status.identityProblem}
        </p>
      ) : null}
      {unsupported.length > 0 ? (
        <details className="unsupported">
          <summary>What {label}&apos;s API does not allow</summary>
          <ul>
            {unsupported.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
