// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelStore } from '@/lib/content/store';
import { detectAnyPage } from '@/lib/providers/pages';
import { answerMessages } from '../../fake-runtime';

const candidateView = {
  candidate: {
    provider: 'pinpoint',
    id: '55101',
    name: 'Priya <b>Raman</b>',
    emails: ['priya.raman@example.org'],
    phones: [],
    linkedinUrl: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
    location: 'London, United Kingdom',
    owner: { id: '7001', name: 'Hannah Brooks' },
    url: 'https://acme.pinpointhq.com/admin/jobs/4821/applications/99123',
    applicationIds: ['99123'],
  },
  applications: [
    {
      provider: 'pinpoint',
      id: '99123',
      candidateId: '55101',
      jobTitle: 'Senior Backend Engineer',
      stage: { id: '311', name: 'Technical Interview' },
      status: 'active',
    },
  ],
  focusApplicationId: '99123',
  fetchedAt: 1,
  unsupported: { scheduleInterview: "Pinpoint's API cannot schedule interviews." },
};

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
    answerMessages((message) => {
      const { type } = message as { type: string };
      if (type === 'ping')
        return { ok: true, data: { version: '0.1.0', receivedAt: 1, sender: 'content', context: null } };
      if (type === 'candidate.context') return { ok: true, data: candidateView };
      if (type === 'outbox.list') return { ok: true, data: [] };
      return { ok: false, error: { kind: 'internal', message: `unexpected ${type}` } };
    });
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

  it('shows the candidate from the ATS, as text, with each application and its stage', async () => {
    renderPanel();
    expect((await screen.findByTestId('candidate-name')).textContent).toBe('Priya <b>Raman</b>');
    expect(screen.getByTestId('candidate-email').textContent).toBe('priya.raman@example.org');
    expect(screen.getByTestId('candidate-owner').textContent).toBe('Hannah Brooks');
    expect(screen.getByTestId('application-stage').textContent).toBe('Technical Interview');
    expect(document.querySelector('b')).toBeNull();
  });

  it('says what the ATS API cannot do instead of offering the action', async () => {
    renderPanel();
    fireEvent.click(await screen.findByTestId('action-schedule'));
    expect(screen.getByTestId('unsupported').textContent).toContain('cannot schedule interviews');
  });

  it('links an unconnected ATS to Options', async () => {
    answerMessages((message) =>
      (message as { type: string }).type === 'candidate.context'
        ? {
            ok: false,
            error: { kind: 'auth', provider: 'pinpoint', notConnected: true, message: 'Pinpoint is not connected.' },
          }
        : { ok: true, data: [] },
    );
    renderPanel();
    const notice = await screen.findByTestId('error-notice');
    expect(notice.textContent).toContain('Pinpoint is not connected.');
    expect(screen.getByRole('button', { name: 'Open Options' })).toBeTruthy();
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
