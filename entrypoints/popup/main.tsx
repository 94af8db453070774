import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';
import { detectAnyPage } from '@/lib/providers/pages';
import '@/components/ui/page.css';

async function start(container: HTMLElement) {
  // Our host permissions reveal the URL of tabs on the ATS and LinkedIn hosts only; elsewhere it is undefined.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const context = detectAnyPage(tab?.url);
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <PopupApp
          context={context}
          onOpenOptions={() => {
            void browser.runtime.openOptionsPage();
            window.close();
          }}
        />
      </QueryClientProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
