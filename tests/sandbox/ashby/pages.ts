import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { html, notFoundPage, renderPage, type Page, type Shell } from '../html.ts';
import { ashbyFeedbackForm } from '../forms/ashby-form.ts';
import { formRoutes } from '../forms/bundle.ts';
import { describeApplication, fullName, type AtsData, type SandboxData } from '../store.ts';
import { ashbyState, feedbackFormForEvent } from './state.ts';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function shell(data: AtsData): Shell {
  return {
    brand: 'Ashby',
    accent: '#4b3fc1',
    navigation: [
      { href: '/', label: 'Home' },
      ...data.jobs
        .filter((job) => job.status === 'open')
        .map((job) => ({ href: `/jobs/${job.id}/candidate-pipeline/active`, label: job.title })),
    ],
  };
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

function dashboard(data: AtsData): Page {
  return {
    title: 'Home – Ashby',
    main: html`<h1>Home</h1>
      <section>
        <h2>Recent candidates</h2>
        <table>
          <tr>
            <th>Name</th>
            <th>Job</th>
            <th>Stage</th>
          </tr>
          ${data.applications.map((application) => {
            const { candidate, job, stage } = describeApplication(data, application);
            return html`<tr>
              <td><a href="/candidates/${application.candidateId}" data-spa-link>${candidate?.name}</a></td>
              <td>${job?.title}</td>
              <td>${stage?.title}</td>
            </tr>`;
          })}
        </table>
      </section>`,
  };
}

function candidatePage(data: AtsData, candidateId: string): Page {
  const candidate = data.candidates.find((each) => each.id === candidateId);
  if (!candidate) {
    return {
      title: 'Candidate not found – Ashby',
      main: html`<h1>Candidate not found</h1>
        <p>It may have been merged or deleted.</p>`,
    };
  }
  const application = data.applications.find((each) => each.candidateId === candidate.id);
  const current = application ? describeApplication(data, application) : undefined;
  return {
    title: `${candidate.name} – Ashby`,
    main: html`<article data-candidate-id="${candidate.id}">
        <h1>${candidate.name}</h1>
        <p>${candidate.headline}</p>
        <dl>
          <dt>Email</dt>
          <dd><a href="mailto:${candidate.email}">${candidate.email}</a></dd>
          <dt>Phone</dt>
          <dd>${candidate.phone}</dd>
          <dt>Location</dt>
          <dd>${candidate.location}</dd>
          ${
            candidate.linkedInUrl
              ? html`<dt>LinkedIn</dt>
                  <dd><a href="${candidate.linkedInUrl}" rel="noreferrer">${candidate.linkedInUrl}</a></dd>`
              : ''
          }
        </dl>
      </article>
      ${
        current
          ? html`<section aria-label="Current application">
              <h2>${current.job?.title}</h2>
              <p>Stage: <strong>${current.stage?.title}</strong> · Status: ${current.application.status}</p>
              <p>Source: ${current.application.source} · Credited to ${current.owner ? fullName(current.owner) : ''}</p>
              <p>
                <a href="/jobs/${current.application.jobId}/candidate-pipeline/active" data-spa-link>View pipeline</a>
              </p>
            </section>`
          : ''
      }
      <section aria-label="Activity">
        <h2>Activity</h2>
        <ul>
          ${candidate.notes.map((note) => {
            const author = data.users.find((user) => user.id === note.authorId);
            return html`<li>
              <strong>${author ? fullName(author) : 'Unknown'}</strong> · ${formatDate(note.createdAt)}
              <p>${note.body}</p>
            </li>`;
          })}
        </ul>
      </section>`,
  };
}

/** The page of one interview event; its form is the one the API names for the event's interview. */
function feedbackPage(store: SandboxData, eventId: string): Page {
  const data = store.ashby;
  const interview = data.interviews.find((each) => each.id === eventId);
  const application = data.applications.find((each) => each.id === interview?.applicationId);
  const context = application ? describeApplication(data, application) : undefined;
  if (!interview || !context?.candidate) {
    return { title: 'Interview not found – Ashby', main: html`<h1>Interview not found</h1>` };
  }
  const form = feedbackFormForEvent(ashbyState(store), interview.id);
  return {
    title: `Feedback · ${interview.title} – ${context.candidate.name} – Ashby`,
    main: html`<h1>${interview.title}</h1>
      <p>
        Candidate: <a href="/candidates/${context.candidate.id}" data-spa-link>${context.candidate.name}</a> ·
        ${context.job?.title}
      </p>
      <p>${formatDate(interview.startAt)} – ${formatDate(interview.endAt)}</p>
      ${
        form
          ? ashbyFeedbackForm(
              {
                applicationId: interview.applicationId,
                interviewEventId: interview.id,
                userId: interview.interviewerId,
              },
              form,
            )
          : html`<p>This interview has no feedback form.</p>`
      }`,
  };
}

function pipelinePage(data: AtsData, jobId: string): Page {
  const job = data.jobs.find((each) => each.id === jobId);
  if (!job) return { title: 'Job not found – Ashby', main: html`<h1>Job not found</h1>` };
  const active = data.applications.filter((each) => each.jobId === job.id && each.status === 'active');
  return {
    title: `${job.title} – Pipeline – Ashby`,
    main: html`<h1>${job.title}</h1>
      <p>${job.department} · ${job.location} · ${job.status === 'open' ? 'Open' : 'Closed'}</p>
      <section>
        <h2>Active (${active.length})</h2>
        <table>
          <tr>
            <th>Candidate</th>
            <th>Stage</th>
            <th>Source</th>
          </tr>
          ${active.map((application) => {
            const { candidate, stage } = describeApplication(data, application);
            return html`<tr>
              <td><a href="/candidates/${application.candidateId}" data-spa-link>${candidate?.name}</a></td>
              <td>${stage?.title}</td>
              <td>${application.source}</td>
            </tr>`;
          })}
        </table>
      </section>`,
  };
}

export function ashbyPages(request: SandboxRequest, store: SandboxData): SandboxResponse {
  const sandboxRoute = formRoutes(request, ['ashby-feedback']);
  if (sandboxRoute) return sandboxRoute;
  const data = store.ashby;
  const path = request.url.pathname.replace(/(.)\/$/, '$1');
  const candidate = new RegExp(`^/candidates/(${uuid})$`).exec(path);
  const feedback = new RegExp(`^/interview-briefings/(${uuid})/feedback$`).exec(path);
  const pipeline = new RegExp(`^/jobs/(${uuid})/candidate-pipeline/active$`).exec(path);
  let page: Page;
  if (path === '/') page = dashboard(data);
  else if (candidate?.[1]) page = candidatePage(data, candidate[1]);
  else if (feedback?.[1]) page = feedbackPage(store, feedback[1]);
  else if (pipeline?.[1]) page = pipelinePage(data, pipeline[1]);
  else page = notFoundPage('Page not found – Ashby');
  return renderPage(request, shell(data), page);
}
