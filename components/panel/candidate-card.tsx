import { siteLabels } from '@/lib/core/page-context';
import type { Application, Candidate } from '@/lib/core/types';

const statusLabels: Record<Application['status'], string> = {
  active: 'Active',
  archived: 'Archived',
  hired: 'Hired',
  rejected: 'Rejected',
  other: '',
};

export interface CandidateCardProps {
  candidate: Candidate;
  applications: Application[];
  focusApplicationId?: string;
}

/** Who this is: identity, contact, owner, and every application with its stage. All text is rendered as text. */
export function CandidateCard({ candidate, applications, focusApplicationId }: CandidateCardProps) {
  // "Engineer at Kestrel" already names the company; only add it when the headline does not.
  const headline =
    candidate.company && !candidate.headline?.includes(candidate.company)
      ? [candidate.headline, candidate.company].filter(Boolean).join(' · ')
      : candidate.headline;
  return (
    <section className="card" aria-label="Candidate" data-testid="candidate-card">
      <h2 className="candidate-name">
        <a href={candidate.url} target="_blank" rel="noreferrer noopener" data-testid="candidate-name">
          {candidate.name}
        </a>
      </h2>
      {headline ? (
        <p className="muted" data-testid="candidate-headline">
          {headline}
        </p>
      ) : null}
      <dl className="facts">
        {candidate.emails.length > 0 ? (
          <div className="fact">
            <dt>Email</dt>
            <dd data-testid="candidate-email">{candidate.emails.join(', ')}</dd>
          </div>
        ) : null}
        {candidate.phones.length > 0 ? (
          <div className="fact">
            <dt>Phone</dt>
            <dd>{candidate.phones.join(', ')}</dd>
          </div>
        ) : null}
        {candidate.location ? (
          <div className="fact">
            <dt>Location</dt>
            <dd data-testid="candidate-location">{candidate.location}</dd>
          </div>
        ) : null}
        {candidate.linkedinUrl ? (
          <div className="fact">
            <dt>LinkedIn</dt>
            <dd>
              <a
                href={candidate.linkedinUrl}
                target="_blank"
                rel="noreferrer noopener"
                data-testid="candidate-linkedin"
              >
                {candidate.linkedinUrl.replace(/^https?:\/\/(www\.)?/, '')}
              </a>
            </dd>
          </div>
        ) : null}
        {candidate.owner ? (
          <div className="fact">
            <dt>Owner</dt>
            <dd data-testid="candidate-owner">{candidate.owner.name}</dd>
          </div>
        ) : null}
      </dl>
      <h3 className="subheading">Applications</h3>
      {applications.length === 0 ? (
        <p className="muted">No applications.</p>
      ) : (
        <ul className="applications" data-testid="applications">
          {applications.map((application) => (
            <li
              key={application.id}
              className={application.id === focusApplicationId ? 'application application-focus' : 'application'}
              data-testid="application"
              data-application-id={application.id}
            >
              <span className="application-job">{application.jobTitle ?? 'Unknown job'}</span>
              <span className="application-stage" data-testid="application-stage">
                {application.stage?.name ?? 'No stage'}
                {application.status !== 'active' && statusLabels[application.status]
                  ? ` · ${statusLabels[application.status]}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="record-link">
        <a href={candidate.url} target="_blank" rel="noreferrer noopener">
          Open in {siteLabels[candidate.provider]} ↗
        </a>
      </p>
    </section>
  );
}
