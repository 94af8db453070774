import type { CandidateIds } from '@/lib/providers/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CandidatePageContext } from '@/lib/core/page-context';
import { atsQueries } from '@/lib/content/queries';
import { ErrorNotice } from '@/components/ui/error-notice';
import { CallsTab } from '@/components/notes/calls-tab';
import { CandidateCard } from './candidate-card';
import { MoveToStageForm } from './move-to-stage-form';
import { OutboxList } from './outbox-list';
import { ScheduleInterviewForm } from './schedule-interview-form';

type Action = 'move' | 'schedule' | undefined;
type Tab = 'candidate' | 'calls';

/** The candidate page: who this is, what can be done, and what was done. */
/** The ids a candidate page carries in its URL, as the candidate query takes them. */
export function candidateIdsOf(context: CandidatePageContext): CandidateIds {
  return {
    ...(context.candidateId ? { candidateId: context.candidateId } : {}),
    ...(context.applicationId ? { applicationId: context.applicationId } : {}),
    ...(context.jobId ? { jobId: context.jobId } : {}),
  };
}

export function CandidateSection({
  context,
  onOpenOptions,
}: {
  context: CandidatePageContext;
  onOpenOptions: () => void;
}) {
  const ids = candidateIdsOf(context);
  const view = useQuery(atsQueries.candidate(context.site, ids));
  const [action, setAction] = useState<Action>();
  const [tab, setTab] = useState<Tab>('candidate');

  if (view.isPending) {
    return (
      <p className="muted" data-testid="candidate-loading" aria-busy="true">
        Loading candidate…
      </p>
    );
  }
  if (!view.data) {
    return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} onOpenOptions={onOpenOptions} />;
  }
  const { candidate, applications, focusApplicationId, unsupported, fetchedAt } = view.data;
  const props = {
    provider: context.site,
    candidate,
    applications,
    focusApplicationId,
    onDone: () => setAction(undefined),
  };
  const tabs = (
    <div className="tabs" role="tablist">
      {(['candidate', 'calls'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={tab === name}
          className={tab === name ? 'tab-button tab-selected' : 'tab-button'}
          data-testid={`tab-${name}`}
          onClick={() => setTab(name)}
        >
          {name === 'candidate' ? 'Candidate' : 'Calls'}
        </button>
      ))}
    </div>
  );
  if (tab === 'calls') {
    return (
      <>
        {tabs}
        <CallsTab
          provider={context.site}
          candidateId={candidate.id}
          candidateName={candidate.name}
          {...(focusApplicationId ? { applicationId: focusApplicationId } : {})}
        />
      </>
    );
  }
  return (
    <>
      {tabs}
      {/* A failed refresh keeps what was shown and says why beside it. */}
      {view.isError ? <ErrorNotice error={view.error} onRetry={() => void view.refetch()} /> : null}
      <CandidateCard candidate={candidate} applications={applications} focusApplicationId={focusApplicationId} />
      <section className="card" aria-label="Actions">
        <div className="action-bar">
          <button
            type="button"
            className={action === 'move' ? 'button' : 'button button-quiet'}
            data-testid="action-move"
            aria-pressed={action === 'move'}
            onClick={() => setAction(action === 'move' ? undefined : 'move')}
          >
            Move to stage
          </button>
          <button
            type="button"
            className={action === 'schedule' ? 'button' : 'button button-quiet'}
            data-testid="action-schedule"
            aria-pressed={action === 'schedule'}
            onClick={() => setAction(action === 'schedule' ? undefined : 'schedule')}
          >
            Schedule interview
          </button>
        </div>
        {action === 'move' ? (
          unsupported.moveToStage ? (
            <p className="muted" data-testid="unsupported">
              {unsupported.moveToStage}
            </p>
          ) : (
            <MoveToStageForm {...props} />
          )
        ) : null}
        {action === 'schedule' ? (
          unsupported.scheduleInterview ? (
            <p className="muted" data-testid="unsupported">
              {unsupported.scheduleInterview}
            </p>
          ) : (
            <ScheduleInterviewForm
              {...props}
              locationNote={
                context.site === 'ashby' ? "Ashby's API takes no location: add it to the invite." : undefined
              }
            />
          )
        ) : null}
      </section>
      <OutboxList provider={context.site} candidateId={candidate.id} candidateFetchedAt={fetchedAt} />
    </>
  );
}
