import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AtsProvider } from '@/lib/core/page-context';
import type { Job } from '@/lib/core/types';
import { exportQueries } from '@/lib/content/export-queries';
import { ErrorNotice } from '@/components/ui/error-notice';

/** Open jobs of one ATS, searchable, the ones used recently on top. */
export function JobPicker({
  provider,
  recentJobIds,
  value,
  onChange,
}: {
  provider: AtsProvider;
  recentJobIds: string[];
  value: string;
  onChange: (job: Job) => void;
}) {
  const jobs = useQuery(exportQueries.jobs(provider));
  const [query, setQuery] = useState('');
  const sorted = useMemo(() => {
    const rank = (job: Job) => {
      const recent = recentJobIds.indexOf(job.id);
      return recent === -1 ? recentJobIds.length : recent;
    };
    const needle = query.trim().toLowerCase();
    return (jobs.data ?? [])
      .filter((job) =>
        needle
          ? [job.title, job.department, job.location].some((field) => field?.toLowerCase().includes(needle))
          : true,
      )
      .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
  }, [jobs.data, query, recentJobIds]);

  if (jobs.isPending) return <p className="muted small">Loading open jobs…</p>;
  if (!jobs.data) return <ErrorNotice error={jobs.error} onRetry={() => void jobs.refetch()} />;
  return (
    <div className="job-picker">
      <input
        type="search"
        className="transcript-search"
        data-testid="job-search"
        placeholder={`Search ${jobs.data.length} open jobs`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul className="job-list" role="listbox" aria-label="Job">
        {sorted.map((job) => (
          <li key={job.id}>
            <button
              type="button"
              role="option"
              aria-selected={job.id === value}
              className={job.id === value ? 'job-option job-selected' : 'job-option'}
              data-testid="job-option"
              onClick={() => onChange(job)}
            >
              <span className="job-title">
                {job.title}
                {recentJobIds.includes(job.id) ? <span className="badge">Recent</span> : null}
              </span>
              <span className="muted small">{[job.department, job.location].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
        {sorted.length === 0 ? <li className="muted small">No open job matches.</li> : null}
      </ul>
    </div>
  );
}
