import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callQueries } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { requestOriginAccess } from '@/lib/permissions/origin-access';
import { ErrorNotice } from '@/components/ui/error-notice';

/** The user's own OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM…). Without it, summaries stay offline. */
export function LlmSection() {
  const queryClient = useQueryClient();
  const status = useQuery(callQueries.llm());
  const [baseUrl, setBaseUrl] = useState<string | undefined>();
  const [model, setModel] = useState<string | undefined>();
  const [apiKey, setApiKey] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [access, setAccess] = useState<boolean | undefined>();
  const currentBaseUrl = baseUrl ?? status.data?.baseUrl ?? '';
  const currentModel = model ?? status.data?.model ?? '';

  const save = useMutation({
    mutationFn: async () => {
      return sendOrThrow('llm.save', {
        baseUrl: currentBaseUrl.trim(),
        model: currentModel.trim(),
        enabled,
        ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      });
    },
    onSuccess: async () => {
      setApiKey('');
      await queryClient.invalidateQueries({ queryKey: callQueries.llm().queryKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => sendOrThrow('llm.disconnect', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: callQueries.llm().queryKey }),
  });

  return (
    <section className="section" data-testid="options-llm">
      <header className="section-header">
        <h2>Summaries with your LLM (optional)</h2>
        <span className={status.data?.configured ? 'badge badge-good' : 'badge'} data-testid="llm-state">
          {status.data?.configured ? `Using ${status.data.model}` : 'Built-in summaries'}
        </span>
      </header>
      <p className="muted">
        Sidecar summarizes calls offline by default. To use a model, give an OpenAI-compatible endpoint: call notes are
        then sent to it, and nowhere else.
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          // Asked right here, in the click: browsers only prompt during a user gesture. Saving does not wait for
          // the answer, which may take the user a while.
          void requestOriginAccess(currentBaseUrl).then(setAccess);
          save.mutate();
        }}
      >
        <label className="field">
          <span>Base URL</span>
          <input
            type="url"
            required
            data-testid="llm-base-url"
            placeholder="https://api.openai.com/v1"
            value={currentBaseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Model</span>
          <input
            type="text"
            required
            data-testid="llm-model"
            placeholder="gpt-4o-mini"
            value={currentModel}
            onChange={(event) => setModel(event.target.value)}
          />
        </label>
        <label className="field">
          <span>API key (optional for local models)</span>
          <input
            type="password"
            autoComplete="off"
            data-testid="llm-key"
            placeholder={status.data?.keyHint ? `Saved key ${status.data.keyHint}` : 'sk-…'}
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Offer LLM summaries in the panel
        </label>
        <div className="form-actions">
          <button type="submit" className="button" data-testid="llm-save" disabled={save.isPending}>
            Save
          </button>
          {status.data?.configured ? (
            <button type="button" className="button button-danger" onClick={() => remove.mutate()}>
              Remove
            </button>
          ) : null}
        </div>
      </form>
      {access === false ? (
        <p className="result-warn" data-testid="llm-access">
          The browser did not grant access to {currentBaseUrl}. Summaries work only if that endpoint allows cross-origin
          calls (CORS).
        </p>
      ) : null}
      {save.isError ? <ErrorNotice error={save.error} /> : null}
    </section>
  );
}
