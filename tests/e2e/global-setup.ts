import { missingBrowserPrerequisites, e2eExtensionPath, productionExtensionPath } from './browser';

export default function globalSetup() {
  const missing = missingBrowserPrerequisites([e2eExtensionPath, productionExtensionPath]);
  if (missing.length > 0) throw new Error(`Cannot run the browser tests:\n- ${missing.join('\n- ')}`);
}
