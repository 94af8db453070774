import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import type { ProfileEducation, ProfileExperience, ProfileSnapshot } from '@/lib/core/profile';
import type { Job } from '@/lib/core/types';
import { exportQueries } from '@/lib/content/export-queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { rememberExportChoice } from '@/lib/storage/export-preferences';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ExportProgress } from './export-progress';
import { RolesEditor, SchoolsEditor } from './history-editor';
import { JobPicker } from './job-picker';

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

const matchLabels = {
  'linkedin-url': 'same LinkedIn URL',
  email: 'same email',
  'name-and-company': 'same name and company',
} as const;

type Decision = 'add-to-job' | 'create-anyway' | undefined;

interface Edits {
  name: string;
  headline: string;
  location: string;
  emails: string;
  phones: string;
  roles: ProfileExperience[];
  schools: ProfileEducation[];
}

/** The profile as read, every field editable; then ATS, job, the duplicate check, and Export. */
export function ExportForm({ snapshot, connected }: { snapshot: ProfileSnapshot; connected: AtsProvider[] }) {
  const queryClient = useQueryClient();
  const preferences = useQuery(exportQueries.preferences());
  // Only what the user changed is state: everything else follows the page, so sections LinkedIn loads later
  // (on scroll) still arrive in the form until the user edits that field.
  const [edits, setEdits] = useState<Partial<Edits>>({});
  const edit =
    <Field extends keyof Edits>(field: Field) =>
    (value: Edits[Field]) =>
      setEdits((current) => ({ ...current, [field]: value }));
  const name = edits.name ?? snapshot.name;
  const headline = edits.headline ?? snapshot.headline ?? '';
  const location = edits.location ?? snapshot.location ?? '';
  const emails = edits.emails ?? snapshot.emails.join(', ');
  const phones = edits.phones ?? snapshot.phones.join(', ');
  const roles = edits.roles ?? snapshot.experience;
  const schools = edits.schools ?? snapshot.education;
  const [setName, setHeadline, setLocation, setEmails, setPhones, setRoles, setSchools] = [
    edit('name'),
    edit('headline'),
    edit('location'),
    edit('emails'),
    edit('phones'),
    edit('roles'),
    edit('schools'),
  ];
  const company = roles.find((role) => role.current)?.company ?? '';
  const [chosenProvider, setProvider] = useState<AtsProvider | undefined>();
  const [job, setJob] = useState<Job | undefined>();
  const [decision, setDecision] = useState<Decision>();
  const [clickId, setClickId] = useState<string | undefined>();
  const [entryId, setEntryId] = useState<string | undefined>();

  const lastUsed = preferences.data?.lastProvider;
  const provider = chosenProvider ?? (lastUsed && connected.includes(lastUsed) ? lastUsed : connected[0]);
  const emailList = list(emails);
  const matchInput = provider
    ? {
        provider,
        profileUrl: snapshot.profileUrl,
        emails: emailList.filter((email) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)),
        name: name.trim() || snapshot.name,
        ...(company.trim() ? { currentCompany: company.trim() } : {}),
      }
    : undefined;
  const match = useQuery({
    ...exportQueries.match(matchInput ?? { provider: 'ashby', profileUrl: '', emails: [], name: '' }),
    enabled: matchInput !== undefined,
  });

  const exportProfile = useMutation({
    mutationFn: async (id: string) => {
      if (!provider || !job) throw new Error('Choose an ATS and a job first.');
      const [firstName = name.trim(), ...rest] = name.trim().split(/\s+/);
      const profile: ProfileSnapshot = {
        ...snapshot,
        name: name.trim(),
        firstName,
        lastName: rest.join(' '),
        ...(headline.trim() ? { headline: headline.trim() } : {}),
        ...(location.trim() ? { location: location.trim() } : {}),
        emails: emailList,
        phones: list(phones),
        experience: roles.filter((role) => role.title.trim() || role.company.trim()),
        education: schools.filter((school) => school.school.trim()),
      };
      const entry = await sendOrThrow('export.start', {
        clickId: id,
        provider,
        jobId: job.id,
        jobTitle: job.title,
        profile,
        ...(decision === 'add-to-job' && match.data ? { existingCandidateId: match.data.candidate.id } : {}),
        ...(decision === 'create-anyway' ? { createAnyway: true } : {}),
      });
      await rememberExportChoice(provider, job.id);
      return entry;
    },
    onSuccess: async (entry) => {
      setEntryId(entry.id);
      await queryClient.invalidateQueries({ queryKey: exportQueries.preferences().queryKey });
    },
  });

  if (connected.length === 0 || !provider) {
    return <p className="muted">Connect an ATS in Sidecar Options to export profiles.</p>;
  }
  if (entryId) return <ExportProgress entryId={entryId} provider={provider} />;

  const found = match.data;
  const blockedByMatch = found ? (found.exact ? decision !== 'add-to-job' : decision === undefined) : false;
  const pinpointWithoutEmail = provider === 'pinpoint' && emailList.length === 0;
  const ready = Boolean(job) && !match.isPending && !blockedByMatch && !pinpointWithoutEmail && name.trim() !== '';

  return (
    <div className="export-form" data-testid="export-form">
      <section className="card" aria-label="Profile">
        <label className="field">
          <span>Name</span>
          <input data-testid="export-name" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span>Headline</span>
          <input data-testid="export-headline" value={headline} onChange={(event) => setHeadline(event.target.value)} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Location</span>
            <input
              data-testid="export-location"
              value={location}
              onChange={(event) => setLocation(event.target.value)}
            />
          </label>
        </div>
        <label className="field">
          <span>Emails</span>
          <input
            data-testid="export-emails"
            value={emails}
            placeholder="Only if the profile shows one: open its contact info"
            onChange={(event) => setEmails(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Phones</span>
          <input data-testid="export-phones" value={phones} onChange={(event) => setPhones(event.target.value)} />
        </label>
        <RolesEditor roles={roles} onChange={setRoles} />
        <SchoolsEditor schools={schools} onChange={setSchools} />
        <p className="muted small" data-testid="export-read">
          {snapshot.experience.length} roles, {snapshot.education.length} schools, {snapshot.skills.length} skills read
          from the page.
          {snapshot.missing.length > 0 ? ` Not on the page: ${snapshot.missing.join(', ')}.` : ''}
        </p>
      </section>

      <section className="card" aria-label="Destination">
        <div className="tabs" role="tablist" aria-label="ATS">
          {connected.map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              aria-selected={candidate === provider}
              className={candidate === provider ? 'tab-button tab-selected' : 'tab-button'}
              data-testid={`export-ats-${candidate}`}
              onClick={() => {
                setProvider(candidate);
                setJob(undefined);
                setDecision(undefined);
              }}
            >
              {siteLabels[candidate]}
            </button>
          ))}
        </div>
        <JobPicker
          key={provider}
          provider={provider}
          recentJobIds={preferences.data?.recentJobs[provider] ?? []}
          value={job?.id ?? ''}
          onChange={setJob}
        />
      </section>

      {match.isPending ? <p className="muted small">Looking for this person in {siteLabels[provider]}…</p> : null}
      {match.isError ? <ErrorNotice error={match.error} onRetry={() => void match.refetch()} /> : null}
      {found ? (
        <section className="notice notice-warn" data-testid="export-match" data-match={found.by}>
          <p>
            {found.exact ? 'Already in' : 'Possibly already in'} {siteLabels[provider]}:{' '}
            <strong>{found.candidate.name}</strong> ({matchLabels[found.by]}).
          </p>
          <div className="form-actions">
            <a className="button button-small button-quiet" href={found.candidate.url} target="_blank" rel="noreferrer">
              Open in {siteLabels[provider]} ↗
            </a>
            <button
              type="button"
              className={decision === 'add-to-job' ? 'button button-small' : 'button button-small button-quiet'}
              data-testid="export-add-to-job"
              onClick={() => setDecision('add-to-job')}
            >
              Add to this job
            </button>
            {found.exact ? null : (
              <button
                type="button"
                className={decision === 'create-anyway' ? 'button button-small' : 'button button-small button-quiet'}
                data-testid="export-create-anyway"
                onClick={() => setDecision('create-anyway')}
              >
                Create anyway
              </button>
            )}
          </div>
          {found.exact ? (
            <p className="muted small">An exact match is never created twice: add them to the job instead.</p>
          ) : null}
        </section>
      ) : null}
      {pinpointWithoutEmail ? (
        <p className="result-warn" data-testid="export-needs-email">
          Pinpoint needs an email to create an application. Open the profile&apos;s contact info, or type one above.
        </p>
      ) : null}

      {clickId ? (
        <ConfirmStep
          testId="export-confirm"
          error={exportProfile.error}
          pending={exportProfile.isPending}
          confirmLabel="Export"
          onConfirm={() => exportProfile.mutate(clickId)}
          onBack={() => setClickId(undefined)}
        >
          {decision === 'add-to-job' ? 'Add' : 'Create'} <strong>{name}</strong> in {siteLabels[provider]} for{' '}
          <strong>{job?.title}</strong>, with a profile note and a resume PDF?
        </ConfirmStep>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            data-testid="export-submit"
            disabled={!ready}
            onClick={() => setClickId(crypto.randomUUID())}
          >
            Export to {siteLabels[provider]}…
          </button>
        </div>
      )}
    </div>
  );
}
