// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelStore } from '@/lib/content/store';
import { detectAnyPage } from '@/lib/providers/pages';
import { answerMessages } from '../../fake-runtime';

const pinpointUrl = 'https://acme.pinpointhq.com/admin/jobs/4821/stages/311/applications/99123';

function renderPanel(store = createPanelStore({ context: detectAnyPage(pinpointUrl), collapsed: false })) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PanelApp useStore={store} />
    </QueryClientProvider>,
  );
  return store;
}

describe('panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    answerMessages(() => ({ ok: true, data: { version: '0.1.0', receivedAt: 1, sender: 'content', context: null } }));
  });
  afterEach(cleanup);

  it('shows the provider, page kind and every id read from the URL', async () => {
    renderPanel();
    expect(screen.getByTestId('page-site').textContent).toBe('Pinpoint');
    expect(screen.getByTestId('page-kind').textContent).toBe('Candidate');
    expect(screen.getByTestId('page-id-application').textContent).toContain('99123');
    expect(screen.getByTestId('page-id-job').textContent).toContain('4821');
    expect(screen.getByTestId('page-id-stage').textContent).toContain('311');
    expect(screen.queryByTestId('page-id-candidate')).toBeNull();
  });

  it('shows that the background answered', async () => {
    renderPanel();
    const status = await screen.findByText(/Sidecar 0\.1\.0 connected/);
    expect(status.getAttribute('data-state')).toBe('connected');
  });

  it('says so in words when the background is unreachable', async () => {
    answerMessages(() => {
      throw new Error('Extension context invalidated.');
    });
    renderPanel();
    const status = await screen.findByRole('alert');
    expect(status.textContent).toContain('Reload the page');
  });

  it('collapses to a tab and opens again', () => {
    const store = renderPanel();
    fireEvent.click(screen.getByTestId('panel-collapse'));
    expect(store.getState().collapsed).toBe(true);
    expect(screen.queryByTestId('panel')).toBeNull();
    fireEvent.click(screen.getByTestId('panel-tab'));
    expect(screen.getByTestId('panel')).toBeTruthy();
  });

  it('renders nothing on a page that is nothing, and follows the context when it changes', () => {
    const store = renderPanel(createPanelStore({ context: null, collapsed: false }));
    expect(screen.queryByTestId('panel')).toBeNull();
    act(() => store.getState().setContext(detectAnyPage('https://www.linkedin.com/in/ada-lovelace-1815/')));
    expect(screen.getByTestId('page-site').textContent).toBe('LinkedIn');
    expect(screen.getByTestId('page-id-profile').textContent).toContain('ada-lovelace-1815');
  });

  it('shows page text as text, never as markup', () => {
    renderPanel(
      createPanelStore({
        context: detectAnyPage('https://www.linkedin.com/in/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/'),
        collapsed: false,
      }),
    );
    expect(screen.getByTestId('page-id-profile').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
