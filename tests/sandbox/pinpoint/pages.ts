import type { SandboxRequest, SandboxResponse } from '../http.ts';
import { html, notFoundPage, renderPage, type Page, type Shell } from '../html.ts';
import { formRoutes } from '../forms/bundle.ts';
import { pinpointScorecardSection } from '../forms/pinpoint-form.ts';
import { describeApplication, fullName, type Application, type AtsData, type Job, type SandboxData } from '../store.ts';

const shell: Shell = {
  brand: 'Pinpoint',
  accent: '#0b5cad',
  navigation: [{ href: '/admin', label: 'Dashboard' }],
};

function applicationRows(data: AtsData, applications: Application[]) {
  return applications.map((application) => {
    const { candidate, stage } = describeApplication(data, application);
    return html`<tr>
      <td>
        <a href="/admin/jobs/${application.jobId}/applications/${application.id}" data-spa-link>${candidate?.name}</a>
      </td>
      <td>${stage?.title}</td>
      <td>${application.status}</td>
    </tr>`;
  });
}

function dashboard(data: AtsData): Page {
  return {
    title: 'Dashboard – Pinpoint',
    main: html`<h1>Dashboard</h1>
      <section>
        <h2>Jobs</h2>
        <table>
          <tr>
            <th>Job</th>
            <th>Department</th>
            <th>Location</th>
            <th>Status</th>
          </tr>
          ${data.jobs.map(
            (job) =>
              html`<tr>
                <td><a href="/admin/jobs/${job.id}" data-spa-link>${job.title}</a></td>
                <td>${job.department}</td>
                <td>${job.location}</td>
                <td>${job.status}</td>
              </tr>`,
          )}
        </table>
      </section>`,
  };
}

function jobOverview(data: AtsData, job: Job): Page {
  const applications = data.applications.filter((each) => each.jobId === job.id);
  return {
    title: `${job.title} – Pinpoint`,
    main: html`<h1>${job.title}</h1>
      <p>${job.department} · ${job.location} · ${job.status === 'open' ? 'Open' : 'Closed'}</p>
      <p><a href="/admin/jobs/${job.id}/applications" data-spa-link>All applications (${applications.length})</a></p>
      ${data.stages.map(
        (stage) =>
          html`<section aria-label="${stage.title}">
            <h2>${stage.title}</h2>
            <ul>
              ${applications
                .filter((application) => application.stageId === stage.id)
                .map((application) => {
                  const { candidate } = describeApplication(data, application);
                  return html`<li>
                    <a href="/admin/jobs/${job.id}/stages/${stage.id}/applications/${application.id}" data-spa-link
                      >${candidate?.name}</a
                    >
                  </li>`;
                })}
            </ul>
          </section>`,
      )}`,
  };
}

function applicationsPage(data: AtsData, job: Job): Page {
  const applications = data.applications.filter((each) => each.jobId === job.id);
  return {
    title: `Applications · ${job.title} – Pinpoint`,
    main: html`<h1>Applications</h1>
      <p><a href="/admin/jobs/${job.id}" data-spa-link>${job.title}</a></p>
      <table>
        <tr>
          <th>Candidate</th>
          <th>Stage</th>
          <th>Status</th>
        </tr>
        ${applicationRows(data, applications)}
      </table>`,
  };
}

function applicationPage(data: AtsData, job: Job, application: Application): Page {
  const { candidate, stage, owner } = describeApplication(data, application);
  if (!candidate) return notFoundPage('Application not found – Pinpoint', 'Application not found');
  return {
    title: `${candidate.name} – ${job.title} – Pinpoint`,
    main: html`<article data-application-id="${application.id}">
        <h1>${candidate.name}</h1>
        <p><a href="mailto:${candidate.email}">${candidate.email}</a> · ${candidate.phone}</p>
        <p>
          Job: <a href="/admin/jobs/${job.id}" data-spa-link>${job.title}</a> · Stage: <strong>${stage?.title}</strong>
        </p>
      </article>
      <section>
        <h2>Details</h2>
        <dl>
          <dt>Location</dt>
          <dd>${candidate.location}</dd>
          <dt>Source</dt>
          <dd>${application.source}</dd>
          ${
            candidate.linkedInUrl
              ? html`<dt>LinkedIn</dt>
                  <dd><a href="${candidate.linkedInUrl}" rel="noreferrer">${candidate.linkedInUrl}</a></dd>`
              : ''
          }
          <dt>Recruiter</dt>
          <dd>${owner ? fullName(owner) : ''}</dd>
        </dl>
      </section>
      <section>
        <h2>Comments</h2>
        <ul>
          ${candidate.notes.map((note) => {
            const author = data.users.find((user) => user.id === note.authorId);
            return html`<li>
              <strong>${author ? fullName(author) : 'Unknown'}</strong>
              <p>${note.body}</p>
            </li>`;
          })}
        </ul>
      </section>
      ${pinpointScorecardSection(application.id)}`,
  };
}

function route(data: AtsData, path: string): Page {
  if (path === '/admin') return dashboard(data);
  const match = /^\/admin\/jobs\/(\d+)(?:\/(applications)|(?:\/stages\/(\d+))?\/applications\/(\d+))?$/.exec(path);
  const job = data.jobs.find((each) => each.id === match?.[1]);
  if (!match || !job) return notFoundPage('Page not found – Pinpoint');
  if (match[2]) return applicationsPage(data, job);
  const [, , , stageId, applicationId] = match;
  if (!applicationId) return jobOverview(data, job);
  const application = data.applications.find((each) => each.id === applicationId && each.jobId === job.id);
  const stageKnown = !stageId || data.stages.some((stage) => stage.id === stageId);
  if (!application || !stageKnown) return notFoundPage('Application not found – Pinpoint', 'Application not found');
  return applicationPage(data, job, application);
}

export function pinpointPages(request: SandboxRequest, store: SandboxData, subdomain: string): SandboxResponse {
  const sandboxRoute = formRoutes(request, ['pinpoint-scorecard']);
  if (sandboxRoute) return sandboxRoute;
  if (subdomain !== store.pinpoint.subdomain) {
    const page = notFoundPage('Company not found – Pinpoint', `There is no company at ${subdomain}.pinpointhq.com`);
    return renderPage(request, { ...shell, navigation: [] }, page);
  }
  return renderPage(request, shell, route(store.pinpoint, request.url.pathname.replace(/(.)\/$/, '$1')));
}
