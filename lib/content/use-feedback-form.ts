import { useEffect, useState } from 'react';
import type { PageFormField } from '@/lib/autofill/form-model';
import { readFormGeneric } from '@/lib/autofill/generic-reader';

/** Re-reads wait for the page to settle: React apps mount their forms a moment after the URL changes. */
const settleMilliseconds = 250;

function formRoot(): Element {
  return document.querySelector('main') ?? document.body;
}

/**
 * The feedback form on the page, read from the page itself (labels, roles, form semantics) and read again as the
 * app renders or changes it. Sidecar's own panel lives in a shadow root, which this never reads.
 */
export function useFeedbackForm(): PageFormField[] {
  const [fields, setFields] = useState<PageFormField[]>(() => readFormGeneric(formRoot()).fields);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setFields(readFormGeneric(formRoot()).fields), settleMilliseconds);
    };
    const observer = new MutationObserver(reread);
    observer.observe(document.body, { childList: true, subtree: true });
    reread();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, []);
  return fields;
}
