import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { html, notFoundPage, renderPage, type Page, type Shell } from '../html.ts';
import { formRoutes } from '../forms/bundle.ts';
import { leverFeedbackConfig, leverFeedbackForm } from '../forms/lever-form.ts';
import { describeApplication, fullName, type AtsData, type SandboxData } from '../store.ts';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const shell: Shell = {
  brand: 'Lever',
  accent: '#1c6e5a',
  navigation: [
    { href: '/candidates', label: 'Candidates' },
    { href: '/jobs', label: 'Jobs' },
  ],
};

function candidatesPage(data: AtsData): Page {
  return {
    title: 'Candidates – Lever',
    main: html`<h1>Candidates</h1>
      <table>
        <tr>
          <th>Name</th>
          <th>Posting</th>
          <th>Stage</th>
        </tr>
        ${data.applications.map((application) => {
          const { candidate, job, stage } = describeApplication(data, application);
          return html`<tr>
            <td><a href="/candidates/${application.candidateId}" data-spa-link>${candidate?.name}</a></td>
            <td>${job?.title}</td>
            <td>${application.status === 'archived' ? 'Archived' : stage?.title}</td>
          </tr>`;
        })}
      </table>`,
  };
}

function opportunityPage(data: AtsData, opportunityId: string): Page {
  const candidate = data.candidates.find((each) => each.id === opportunityId);
  if (!candidate) return { title: 'Candidate not found – Lever', main: html`<h1>Candidate not found</h1>` };
  const application = data.applications.find((each) => each.candidateId === candidate.id);
  const current = application ? describeApplication(data, application) : undefined;
  const links = [...(candidate.linkedInUrl ? [candidate.linkedInUrl] : []), ...candidate.links];
  return {
    title: `${candidate.name} – Lever`,
    main: html`<article data-opportunity-id="${candidate.id}">
        <h1>${candidate.name}</h1>
        <p>${candidate.headline}</p>
        <dl>
          <dt>Email</dt>
          <dd><a href="mailto:${candidate.email}">${candidate.email}</a></dd>
          <dt>Phone</dt>
          <dd>${candidate.phone}</dd>
          <dt>Location</dt>
          <dd>${candidate.location}</dd>
          <dt>Links</dt>
          <dd>${links.map((link) => html`<a href="${link}" rel="noreferrer">${link}</a> `)}</dd>
          <dt>Stage</dt>
          <dd>${current?.application.status === 'archived' ? 'Archived' : current?.stage?.title}</dd>
          <dt>Posting</dt>
          <dd>${current?.job?.title}</dd>
          <dt>Owner</dt>
          <dd>${current?.owner ? fullName(current.owner) : 'Unassigned'}</dd>
          <dt>Source</dt>
          <dd>${current?.application.source}</dd>
        </dl>
      </article>
      <section aria-label="Notes">
        <h2>Notes</h2>
        <ul>
          ${candidate.notes.map((note) => {
            const author = data.users.find((user) => user.id === note.authorId);
            return html`<li>
              <strong>${author ? fullName(author) : 'Unknown'}</strong> · ${note.createdAt.slice(0, 10)}
              <p>${note.body}</p>
            </li>`;
          })}
        </ul>
      </section>`,
  };
}

function interviewPage(store: SandboxData, interviewId: string): Page {
  const data = store.lever;
  const interview = data.interviews.find((each) => each.id === interviewId);
  const application = data.applications.find((each) => each.id === interview?.applicationId);
  const context = application ? describeApplication(data, application) : undefined;
  if (!interview || !context?.candidate)
    return { title: 'Interview not found – Lever', main: html`<h1>Interview not found</h1>` };
  const interviewer = data.users.find((user) => user.id === interview.interviewerId);
  const config = leverFeedbackConfig(store, interview.id);
  return {
    title: `Feedback for ${context.candidate.name} – Lever`,
    main: html`<h1>${interview.title}: ${context.candidate.name}</h1>
      <p>
        <a href="/candidates/${context.candidate.id}" data-spa-link>View profile</a> · ${context.job?.title} ·
        Interviewer: ${interviewer ? fullName(interviewer) : ''}
      </p>
      ${config ? leverFeedbackForm(config) : html`<p>This interview has no feedback form.</p>`}`,
  };
}

function jobsPage(data: AtsData): Page {
  return {
    title: 'Jobs – Lever',
    main: html`<h1>Jobs</h1>
      <table>
        <tr>
          <th>Posting</th>
          <th>Team</th>
          <th>Location</th>
          <th>State</th>
        </tr>
        ${data.jobs.map(
          (job) =>
            html`<tr>
              <td>${job.title}</td>
              <td>${job.department}</td>
              <td>${job.location}</td>
              <td>${job.status === 'open' ? 'Published' : 'Closed'}</td>
            </tr>`,
        )}
      </table>`,
  };
}

export function leverPages(request: SandboxRequest, store: SandboxData): SandboxResponse {
  const sandboxRoute = formRoutes(request, ['lever-feedback']);
  if (sandboxRoute) return sandboxRoute;
  const data = store.lever;
  const path = request.url.pathname.replace(/(.)\/$/, '$1');
  const candidate = new RegExp(`^/candidates/(${uuid})$`).exec(path);
  const interview = new RegExp(`^/interviews/(${uuid})$`).exec(path);
  let page: Page;
  if (path === '/' || path === '/candidates') page = candidatesPage(data);
  else if (candidate?.[1]) page = opportunityPage(data, candidate[1]);
  else if (interview?.[1]) page = interviewPage(store, interview[1]);
  else if (path === '/jobs') page = jobsPage(data);
  else page = notFoundPage('Page not found – Lever');
  return renderPage(request, shell, page);
}
