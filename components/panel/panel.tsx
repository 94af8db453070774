import { siteLabels, type PageContext } from '@/lib/core/page-context';
import { BackgroundStatus } from './background-status';
import { ExportSection } from '@/components/export/export-section';
import { FillScorecard } from '@/components/scorecard/fill-scorecard';
import { CandidateSection, candidateIdsOf } from './candidate-section';
import { PageContextView } from './page-context-view';

export interface PanelProps {
  context: PageContext;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onOpenOptions: () => void;
}

/** The docked panel, or its small tab when collapsed. Later issues fill the body per page kind. */
export function Panel({ context, collapsed, onCollapsedChange, onOpenOptions }: PanelProps) {
  if (collapsed) {
    return (
      <button
        type="button"
        className="tab"
        data-testid="panel-tab"
        aria-label="Open Sidecar"
        aria-expanded="false"
        onClick={() => onCollapsedChange(false)}
      >
        Sidecar
      </button>
    );
  }
  return (
    <aside className="panel" data-testid="panel" data-site={context.site} aria-label="Sidecar">
      <header className="panel-header">
        <span className="brand">Sidecar</span>
        <span className="muted">on {siteLabels[context.site]}</span>
        <button
          type="button"
          className="icon-button"
          data-testid="panel-collapse"
          aria-label="Collapse Sidecar"
          aria-expanded="true"
          onClick={() => onCollapsedChange(true)}
        >
          ›
        </button>
      </header>
      <div className="panel-body">
        <PageContextView context={context} />
        {context.kind === 'candidate' && context.site === 'pinpoint' ? (
          // Pinpoint's scorecard opens in a dialog on the candidate page: Fill scorecard shows while it is open.
          <FillScorecard
            key={`scorecard:${context.url}`}
            site={context.site}
            candidateIds={candidateIdsOf(context)}
            quietWhenAbsent
          />
        ) : null}
        {context.kind === 'candidate' ? (
          // Keyed by page, so moving to another candidate starts from a clean form.
          <CandidateSection key={context.url} context={context} onOpenOptions={onOpenOptions} />
        ) : null}
        {context.kind === 'feedback' ? (
          <FillScorecard
            key={context.url}
            site={context.site}
            {...(context.interviewId ? { interviewId: context.interviewId } : {})}
            {...(context.candidateId ? { candidateIds: { candidateId: context.candidateId } } : {})}
          />
        ) : null}
        {context.kind === 'profile' ? (
          <ExportSection key={context.profileUrl} context={context} onOpenOptions={onOpenOptions} />
        ) : null}
      </div>
      <footer className="panel-footer">
        <BackgroundStatus />
        <button type="button" className="link-button" data-testid="panel-options" onClick={onOpenOptions}>
          Options
        </button>
      </footer>
    </aside>
  );
}
