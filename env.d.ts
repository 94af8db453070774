/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the e2e build: the panel's shadow root is open so Playwright can reach it. */
  readonly WXT_E2E?: string;
}
