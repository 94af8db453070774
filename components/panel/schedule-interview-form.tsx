import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AtsProvider } from '@/lib/core/page-context';
import type { Application, Candidate } from '@/lib/core/types';
import { atsQueries, outboxKeys } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ApplicationSelect, initialApplicationId } from './form-parts';

export interface ScheduleInterviewFormProps {
  provider: AtsProvider;
  candidate: Candidate;
  applications: Application[];
  focusApplicationId?: string;
  /** Where the ATS's API takes no location, the sentence that says so. */
  locationNote?: string;
  onDone: () => void;
}

const durations = [30, 45, 60, 90];

function tomorrow(): string {
  const date = new Date(Date.now() + 24 * 3600_000);
  return date.toISOString().slice(0, 10);
}

/** Date, time and length in the user's time zone; sent as ISO times through the outbox. */
export function ScheduleInterviewForm(props: ScheduleInterviewFormProps) {
  const { provider, candidate, applications, focusApplicationId, locationNote, onDone } = props;
  const queryClient = useQueryClient();
  const active = applications.filter((application) => application.status === 'active');
  const [applicationId, setApplicationId] = useState(() => initialApplicationId(active, focusApplicationId));
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(45);
  const [interviewerEmail, setInterviewerEmail] = useState('');
  const [location, setLocation] = useState('');
  const [title, setTitle] = useState('');
  const [clickId, setClickId] = useState<string | undefined>();
  const users = useQuery(atsQueries.users(provider));
  const start = new Date(`${date}T${time}`);
  const end = new Date(start.getTime() + minutes * 60_000);
  const validTime = !Number.isNaN(start.getTime());
  const interviewer = users.data?.find((user) => user.email === interviewerEmail);

  const schedule = useMutation({
    mutationFn: (id: string) =>
      sendOrThrow('interview.schedule', {
        clickId: id,
        provider,
        candidateId: candidate.id,
        candidateName: candidate.name,
        applicationId,
        start: start.toISOString(),
        end: end.toISOString(),
        interviewerEmail,
        ...(location.trim() ? { location: location.trim() } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outboxKeys.candidate(provider, candidate.id) });
      onDone();
    },
  });

  if (active.length === 0) return <p className="muted">No active application to schedule for.</p>;

  if (clickId) {
    return (
      <ConfirmStep
        testId="schedule-confirm"
        error={schedule.error}
        pending={schedule.isPending}
        confirmLabel="Confirm"
        onConfirm={() => schedule.mutate(clickId)}
        onBack={() => setClickId(undefined)}
      >
        Schedule {title.trim() || 'an interview'} with <strong>{candidate.name}</strong> and{' '}
        <strong>{interviewer?.name ?? interviewerEmail}</strong> on {start.toLocaleString()} ({minutes} min)?
      </ConfirmStep>
    );
  }

  return (
    <form
      className="form"
      data-testid="schedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (validTime && interviewerEmail) setClickId(crypto.randomUUID());
      }}
    >
      <ApplicationSelect applications={active} value={applicationId} onChange={setApplicationId} />
      <div className="field-row">
        <label className="field">
          <span>Date</span>
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
        </label>
        <label className="field">
          <span>Start</span>
          <input type="time" value={time} onChange={(event) => setTime(event.target.value)} required />
        </label>
        <label className="field">
          <span>Length</span>
          <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {durations.map((duration) => (
              <option key={duration} value={duration}>
                {duration} min
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Interviewer</span>
        <select
          data-testid="interviewer-select"
          value={interviewerEmail}
          onChange={(event) => setInterviewerEmail(event.target.value)}
          required
        >
          <option value="">{users.isPending ? 'Loading people…' : 'Choose an interviewer'}</option>
          {users.data
            ?.filter((user) => user.email)
            .map((user) => (
              <option key={user.id} value={user.email}>
                {user.name} ({user.email})
              </option>
            ))}
        </select>
      </label>
      {users.isError ? <ErrorNotice error={users.error} onRetry={() => void users.refetch()} /> : null}
      <label className="field">
        <span>Title (optional)</span>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span>Location (optional)</span>
        <input type="text" value={location} onChange={(event) => setLocation(event.target.value)} />
        {locationNote ? <small className="muted">{locationNote}</small> : null}
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="schedule-submit"
          disabled={!validTime || !interviewerEmail}
        >
          Schedule…
        </button>
      </div>
    </form>
  );
}
