import type { FormName, SandboxFeedback } from '../definitions.ts';

/** Publishes the page's own state for tests; `current` reads whatever the app holds at the moment it is called. */
export function exposeFeedback<Payload>(current: () => Payload): SandboxFeedback<Payload> {
  const feedback: SandboxFeedback<Payload> = { submitted: null, current };
  window.sandboxFeedback = feedback as SandboxFeedback;
  return feedback;
}

/** What Submit does: record the payload, then send it to the sandbox so it also lands in the request log. */
export async function submitFeedback<Payload>(feedback: SandboxFeedback<Payload>, payload: Payload): Promise<boolean> {
  feedback.submitted = payload;
  const response = await fetch('/__feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return response.ok;
}

/** Registers and runs a mount function; mounting twice on one root is a no-op. */
export function registerForm(name: FormName, mount: (root: HTMLElement) => void): void {
  const mountAll = () => {
    for (const root of document.querySelectorAll<HTMLElement>(`[data-sandbox-form="${name}"]`)) {
      if (root.dataset.mounted) continue;
      root.dataset.mounted = 'true';
      mount(root);
    }
  };
  window.sandboxForms = { ...window.sandboxForms, [name]: mountAll };
  mountAll();
}

export function readConfig<Config>(root: HTMLElement): Config {
  return JSON.parse(root.dataset.form ?? '{}') as Config;
}
