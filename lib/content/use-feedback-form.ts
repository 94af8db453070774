import { useEffect, useState } from 'react';
import type { PageFormField } from '@/lib/autofill/form-model';
import { peekListboxOptions, readFeedbackForm } from '@/lib/autofill/readers/read-feedback-form';
import type { AtsProvider } from '@/lib/core/page-context';
import { sitePages } from '@/lib/providers/pages';

/** Re-reads wait for the page to settle: React apps mount their forms a moment after the URL changes. */
const settleMilliseconds = 250;

export interface FeedbackPage {
  fields: PageFormField[];
  /** The candidate the page links to, where it does: it ties the form to the candidate's calls and record. */
  linkedCandidateId?: string;
}

/** The first link on the page to one of this ATS's candidate pages, read with the site's own URL detector. */
export function linkedCandidateId(site: AtsProvider, root: ParentNode = document): string | undefined {
  for (const anchor of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    let url: URL;
    try {
      url = new URL(anchor.getAttribute('href') ?? '', document.baseURI);
    } catch {
      continue;
    }
    const context = sitePages[site].detect(url);
    if (context?.kind === 'candidate' && context.candidateId) return context.candidateId;
  }
  return undefined;
}

function readPage(site: AtsProvider): FeedbackPage {
  const candidateId = linkedCandidateId(site);
  // The provider's own reader first, the generic one for whatever it does not know (readers/read-feedback-form.ts).
  const fields = readFeedbackForm(site, document)?.fields ?? [];
  return { fields, ...(candidateId ? { linkedCandidateId: candidateId } : {}) };
}

/**
 * The feedback form on the page, read from the page itself and read again as the app renders or changes it. Sidecar's
 * own panel lives in a shadow root, which this never reads.
 */
export function useFeedbackForm(site: AtsProvider): FeedbackPage {
  const [page, setPage] = useState<FeedbackPage>(() => readPage(site));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const read = readPage(site);
        setPage(read);
        // Custom selects render their options only when opened: each is peeked once, and the re-read it causes
        // (through the observer) picks the options up.
        void peekListboxOptions(read.fields);
      }, settleMilliseconds);
    };
    const observer = new MutationObserver(reread);
    // Typing and clicking change what a field holds without touching the DOM tree (React sets `value`), so the
    // page's own input events count too: "already filled" must follow what the interviewer does.
    const events = ['input', 'change', 'click'] as const;
    for (const type of events) document.addEventListener(type, reread, { capture: true, passive: true });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden', 'open', 'aria-hidden'],
    });
    reread();
    return () => {
      for (const type of events) document.removeEventListener(type, reread, { capture: true });
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [site]);
  return page;
}
