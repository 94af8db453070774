import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { buildSubmission, matchFormFields } from '@/lib/autofill/api-form';
import { defaultCallIds, rankCalls } from '@/lib/autofill/call-choice';
import { toFieldDescriptor, type PageFormField } from '@/lib/autofill/form-model';
import { planOffline, type FieldProposal } from '@/lib/autofill/plan';
import { hasValue } from '@/lib/autofill/generic-reader';
import { fillFields, readBack, type FillOutcome } from '@/lib/autofill/writers';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import type { OutboxRecord } from '@/lib/core/outbox';
import { atsQueries, callQueries, outboxQueries, scorecardQueries } from '@/lib/content/queries';
import type { CandidateIds } from '@/lib/providers/contracts';
import { useFeedbackForm } from '@/lib/content/use-feedback-form';
import { sendOrThrow } from '@/lib/messaging/send';
import { useOutboxRetry } from '@/components/panel/outbox-list';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ScorecardCalls } from './scorecard-calls';
import { ScorecardField } from './scorecard-field';
import { SubmitViaApi } from './submit-via-api';

/** Only these ATSs take feedback through their API; Pinpoint's scorecard is filled on the page. */
const submitsViaApi = new Set<AtsProvider>(['ashby', 'lever']);

/** What the page holds for the field right now (not at the last read), or null when it is empty. */
function pageValue(field: PageFormField): string | string[] | null {
  const value = readBack(field);
  return hasValue(value) ? value : null;
}

/**
 * Fill scorecard: the form read from the page and tied to its candidate and interview, a value per field planned
 * from the chosen calls (with its evidence), reviewed here, then written into the page, or submitted through the
 * ATS's API. Sidecar never presses the form's Submit.
 */
export function FillScorecard({
  site,
  interviewId,
  candidateIds,
  quietWhenAbsent = false,
}: {
  site: AtsProvider;
  /** From the feedback page's URL (Ashby, Lever). */
  interviewId?: string;
  /** From the candidate page's URL (Pinpoint's scorecard dialog opens there); the candidate is read through them. */
  candidateIds?: CandidateIds;
  /** On a candidate page the form comes and goes with its dialog: say nothing while it is closed. */
  quietWhenAbsent?: boolean;
}) {
  const queryClient = useQueryClient();
  const { fields, linkedCandidateId } = useFeedbackForm(site);
  const apiContext = useQuery({
    ...scorecardQueries.context(site, interviewId ?? '', linkedCandidateId),
    enabled: submitsViaApi.has(site) && interviewId !== undefined && fields.length > 0,
  });
  // On a candidate page the panel already reads the candidate (same query, so no second call).
  const candidate = useQuery({
    ...atsQueries.candidate(site, candidateIds ?? {}),
    enabled: candidateIds !== undefined,
  });
  const candidateId = apiContext.data?.candidateId ?? candidate.data?.candidate.id ?? linkedCandidateId;
  const candidateCalls = useQuery({ ...callQueries.list(site, candidateId ?? ''), enabled: !!candidateId });
  const forCandidate = (candidateCalls.data?.length ?? 0) > 0;
  const recent = useQuery({
    ...callQueries.recent(site),
    enabled: !candidateId || (candidateCalls.isSuccess && !forCandidate),
  });
  const calls = useMemo(
    () => rankCalls(forCandidate ? candidateCalls.data! : (recent.data ?? []), apiContext.data?.interview.start),
    [forCandidate, candidateCalls.data, recent.data, apiContext.data],
  );
  const [chosenCallIds, setChosenCallIds] = useState<string[]>();
  const callIds = useMemo(() => chosenCallIds ?? defaultCallIds(calls), [chosenCallIds, calls]);
  const callKey = callIds.join();
  const chosenCalls = useMemo(() => calls.filter((call) => callIds.includes(call.id)), [calls, callIds]);
  const llm = useQuery(callQueries.llm());
  const [llmPlan, setLlmPlan] = useState<{ callIds: string; plan: FieldProposal[] }>();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [include, setInclude] = useState<Record<string, boolean>>({});
  const [outcomes, setOutcomes] = useState<FillOutcome[]>();
  const [submissionId, setSubmissionId] = useState<string>();

  const offlinePlan = useMemo(
    () =>
      planOffline(
        fields.map(toFieldDescriptor),
        chosenCalls.flatMap((call) => (call.summary ? [{ title: call.title, summary: call.summary }] : [])),
      ),
    [fields, chosenCalls],
  );
  // An LLM plan belongs to the calls it was asked about; choosing other calls goes back to the offline plan.
  // Where the LLM found nothing for a text field, the built-in plan's quotes still stand.
  const plan = useMemo(() => {
    if (llmPlan?.callIds !== callKey) return offlinePlan;
    const offlineByKey = new Map(offlinePlan.map((proposal) => [proposal.key, proposal]));
    return llmPlan.plan.map((proposal) =>
      proposal.status !== 'proposed' && offlineByKey.get(proposal.key)?.status === 'proposed'
        ? offlineByKey.get(proposal.key)!
        : proposal,
    );
  }, [llmPlan, callKey, offlinePlan]);
  const planByKey = new Map(plan.map((proposal) => [proposal.key, proposal]));
  const valueOf = (field: PageFormField) => edits[field.key] ?? planByKey.get(field.key)?.value ?? '';
  // Default: only empty fields; what the interviewer typed is replaced only when they tick it.
  const isIncluded = (field: PageFormField, filled = field.filled) =>
    include[field.key] ?? (planByKey.get(field.key)?.status === 'proposed' && !filled);

  const askLlm = useMutation({
    mutationFn: () =>
      sendOrThrow('scorecard.planLlm', {
        callIds,
        fields: fields.map(({ element: _element, currentValue: _value, ...descriptor }) => descriptor),
      }),
    onSuccess: (answer) => setLlmPlan({ callIds: callKey, plan: answer }),
  });
  const fill = useMutation({
    mutationFn: async () => {
      const chosen = fields.flatMap((field) =>
        isIncluded(field) && valueOf(field) ? [{ field, value: valueOf(field) }] : [],
      );
      const overwrite = chosen.filter(({ field }) => field.filled);
      const rest = chosen.filter(({ field }) => !field.filled);
      return [...(await fillFields(rest)), ...(await fillFields(overwrite, { overwrite: true }))];
    },
    onSuccess: setOutcomes,
  });

  const outbox = useQuery({
    ...outboxQueries.candidate(site, apiContext.data?.candidateId ?? ''),
    enabled: submissionId !== undefined && apiContext.data !== undefined,
  });
  const submissionEntry = outbox.data?.find((entry) => entry.id === submissionId);
  // Retrying reads the outbox again: the entry is waiting once more and its polling must resume.
  const retry = useOutboxRetry(site, apiContext.data?.candidateId ?? '');

  const matches = useMemo(
    () => (apiContext.data ? matchFormFields(fields, apiContext.data.form) : new Map()),
    [fields, apiContext.data],
  );
  const outcomeByKey = new Map((outcomes ?? []).map((outcome) => [outcome.key, outcome]));
  // What the API would receive is what the form would hold: once Sidecar has written a field, the page's value (the
  // interviewer may have changed it since); before that, the accepted proposal; otherwise the interviewer's own answer.
  const submission = () =>
    buildSubmission(siteLabels[site], apiContext.data!.form, fields, matches, (field) => {
      const now = pageValue(field);
      const proposal = !outcomeByKey.get(field.key)?.result.ok && isIncluded(field, now !== null) && valueOf(field);
      return proposal || now;
    });
  const fieldError = (field: PageFormField): string | undefined => {
    const error = submissionEntry?.state === 'failed' ? submissionEntry.error : undefined;
    return error?.fieldId && matches.get(field.key)?.id === error.fieldId ? error.message : undefined;
  };

  if (fields.length === 0) {
    if (quietWhenAbsent) return null;
    return (
      <p className="muted" data-testid="scorecard-waiting">
        Looking for the feedback form on this page…
      </p>
    );
  }

  return (
    <section className="scorecard" data-testid="fill-scorecard">
      {apiContext.data ? (
        <p className="small" data-testid="scorecard-linked">
          {apiContext.data.candidateName}
          {apiContext.data.interview.title ? ` · ${apiContext.data.interview.title}` : ''}
          {apiContext.data.interview.start
            ? ` · ${new Date(apiContext.data.interview.start).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`
            : ''}
        </p>
      ) : null}
      {apiContext.isError ? <ErrorNotice error={apiContext.error} /> : null}

      {calls.length === 0 ? (
        <p className="muted" data-testid="scorecard-no-calls">
          No calls in this browser for {siteLabels[site]} yet. Add notes or import a transcript on the candidate page
          first.
        </p>
      ) : (
        <ScorecardCalls
          calls={calls}
          chosen={callIds}
          forCandidate={forCandidate}
          onChange={(ids) => setChosenCallIds(ids)}
        />
      )}
      {chosenCalls.length > 0 && chosenCalls.every((call) => !call.summary) ? (
        <p className="muted small">These calls have no summary yet: summarize them in the Calls tab first.</p>
      ) : null}
      <div className="form-actions">
        {llm.data?.configured ? (
          <button
            type="button"
            className="button button-quiet button-small"
            data-testid="scorecard-llm"
            disabled={askLlm.isPending || callIds.length === 0}
            onClick={() => askLlm.mutate()}
          >
            {askLlm.isPending ? 'Asking your LLM…' : `Plan with ${llm.data.model} (scores too)`}
          </button>
        ) : (
          <p className="muted small">
            Scores and choices are left to you; with your LLM set up, Sidecar proposes them too.
          </p>
        )}
      </div>
      {askLlm.isError ? <ErrorNotice error={askLlm.error} /> : null}

      <ol className="scorecard-fields">
        {fields.map((field) => (
          <ScorecardField
            key={field.key}
            field={field}
            proposal={planByKey.get(field.key)}
            value={valueOf(field)}
            checked={isIncluded(field)}
            outcome={outcomeByKey.get(field.key)}
            apiError={fieldError(field)}
            onCheckedChange={(checked) => setInclude({ ...include, [field.key]: checked })}
            onEdit={(value) => {
              setEdits({ ...edits, [field.key]: value });
              // Writing a value into an empty field is accepting it; the interviewer's own text stays theirs.
              if (include[field.key] === undefined && !field.filled) setInclude({ ...include, [field.key]: true });
            }}
          />
        ))}
      </ol>
      {fill.isError ? <ErrorNotice error={fill.error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="scorecard-fill"
          disabled={fill.isPending || !fields.some((field) => isIncluded(field) && valueOf(field))}
          onClick={() => fill.mutate()}
        >
          {fill.isPending ? 'Filling…' : 'Fill the form'}
        </button>
      </div>
      <p className="muted small">
        Sidecar never presses Submit: review the form, then submit it in {siteLabels[site]}.
      </p>
      {submitsViaApi.has(site) && apiContext.data ? (
        <SubmitViaApi
          site={site}
          context={apiContext.data}
          submission={submission}
          entry={submissionEntry}
          onQueued={(entry: OutboxRecord) => {
            setSubmissionId(entry.id);
            void queryClient.invalidateQueries({ queryKey: outboxQueries.candidate(site, entry.candidateId).queryKey });
          }}
          onRetry={(id) => retry.mutate(id)}
          onChange={() => setSubmissionId(undefined)}
        />
      ) : null}
      {site === 'pinpoint' ? (
        <p className="muted small" data-testid="scorecard-no-api">
          Pinpoint has no API for scorecards: fill the form here, then press Submit scorecard in Pinpoint.
        </p>
      ) : null}
    </section>
  );
}
