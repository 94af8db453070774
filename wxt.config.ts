import { defineConfig } from 'wxt';

// The e2e build is the production build with an open shadow root, so Playwright locators can reach the panel.
const e2e = process.env.WXT_E2E === '1';

export default defineConfig({
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  zip: {
    excludeSources: [
      'tests/**',
      'scripts/**',
      '.ci/**',
      '.sandbox/**',
      '**/*.pem',
      '*.log',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Sidecar for recruiting teams',
    description:
      'Fill ATS scorecards from call notes, export LinkedIn profiles to Ashby, Lever or Pinpoint, and read call summaries inline.',
    // storage: settings; scripting: inject the panel only on recognised pages; alarms: wake the outbox for retries.
    permissions: ['storage', 'scripting', 'alarms'],
    // Only the background calls the ATS APIs. Pinpoint is per-tenant, so its wildcard also covers the app pages.
    host_permissions: ['https://api.ashbyhq.com/*', 'https://api.lever.co/*', 'https://*.pinpointhq.com/*'],
    // The user's own LLM endpoint: access to its one origin is asked for when they save it in Options.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'sidecar@sidecar.example',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
