import { pageKindLabels, siteLabels, type PageContext } from '@/lib/core/page-context';

export interface PopupAppProps {
  context: PageContext | null;
  onOpenOptions: () => void;
}

export function PopupApp({ context, onOpenOptions }: PopupAppProps) {
  return (
    <main className="popup" data-testid="popup">
      <h1>Sidecar</h1>
      {context ? (
        <p data-testid="popup-context">
          Active on this {siteLabels[context.site]} {pageKindLabels[context.kind].toLowerCase()} page.
        </p>
      ) : (
        <p className="muted" data-testid="popup-context">
          Open a candidate in Ashby, Lever or Pinpoint, or a LinkedIn profile, and Sidecar appears on the right.
        </p>
      )}
      <button type="button" className="button" onClick={onOpenOptions}>
        Options
      </button>
    </main>
  );
}
