// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const page = (host: string, path: string, headers: Record<string, string> = {}) =>
  call(sandbox, { host, path, headers });
const titleOf = (body: string) => /<title>(.*?)<\/title>/.exec(body)?.[1];

describe('Ashby pages', () => {
  it('renders the candidate profile with the application, source and notes', async () => {
    const reply = await page('app.ashbyhq.com', `/candidates/${demo.ashby.candidateId}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/html');
    expect(titleOf(reply.body)).toBe('Priya Raman – Ashby');
    expect(reply.body).toContain('<h1>Priya Raman</h1>');
    expect(reply.body).toContain('Senior Backend Engineer');
    expect(reply.body).toContain('Technical Interview');
    expect(reply.body).toContain('https://www.linkedin.com/in/priya-raman-4b1a2c');
    expect(reply.body).toContain('<main id="app">');
  });

  it('escapes names and note text', async () => {
    const reply = await page('app.ashbyhq.com', `/candidates/${demo.ashby.secondCandidateId}`);
    expect(reply.body).toContain('<h1>James O&#39;Connor</h1>');
    expect(titleOf(reply.body)).toBe('James O&#39;Connor – Ashby');
    expect(reply.body).toContain('Wants &lt;20% on-call &amp; asked');
    expect(reply.body).not.toContain('<20%');
  });

  it('shows "Candidate not found" for an unknown candidate id', async () => {
    const reply = await page('app.ashbyhq.com', '/candidates/00000000-0000-4000-8000-000000000000');
    expect(reply.body).toContain('Candidate not found');
  });

  it('renders the interview feedback page with candidate and interview', async () => {
    const reply = await page('app.ashbyhq.com', `/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Technical Interview');
    expect(reply.body).toContain('Priya Raman');
    expect(reply.body).toMatch(/<textarea[^>]*>/);
    expect(reply.body).toContain('<button type="submit">Submit</button>');
  });

  it('lists active applications on the job pipeline with SPA links to candidates', async () => {
    const reply = await page('app.ashbyhq.com', `/jobs/${demo.ashby.jobId}/candidate-pipeline/active`);
    expect(reply.body).toContain(`<a href="/candidates/${demo.ashby.candidateId}" data-spa-link>Priya Raman</a>`);
    expect(reply.body).toContain('James O&#39;Connor');
  });

  it('links every candidate from the dashboard with data-spa-link', async () => {
    const reply = await page('app.ashbyhq.com', '/');
    expect(reply.body.match(/href="\/candidates\/[0-9a-f-]{36}" data-spa-link/g)).toHaveLength(6);
  });

  it('answers unknown paths with a 404 page inside the app shell', async () => {
    const reply = await page('app.ashbyhq.com', '/settings/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('<main id="app"><h1>Page not found</h1>');
  });
});

describe('single-page navigation', () => {
  it('ships the client router in full pages', async () => {
    const reply = await page('hire.lever.co', '/candidates');
    expect(reply.body).toContain("history.pushState({}, '', link.href)");
    expect(reply.body).toContain("'X-Sandbox-Partial': '1'");
    expect(reply.body).toContain("addEventListener('popstate'");
  });

  it('returns only the main content and the encoded title for a partial request', async () => {
    const reply = await page('www.linkedin.com', `/in/${demo.linkedin.slug}/`, { 'X-Sandbox-Partial': '1' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/^<div class="[a-z0-9]+" data-sandbox-variant="hashed">/);
    expect(reply.body).toMatch(/<h1 class="[a-z0-9]+">Elena Petrova<\/h1>/);
    expect(reply.body).not.toContain('<html');
    expect(reply.body).not.toContain('<main');
    expect(decodeURIComponent(String(reply.headers['x-sandbox-title']))).toBe('Elena Petrova | LinkedIn');
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});

describe('Lever pages', () => {
  it('renders the opportunity with emails, stage, posting, owner and notes', async () => {
    const reply = await page('hire.lever.co', `/candidates/${demo.lever.candidateId}`);
    expect(titleOf(reply.body)).toBe('Priya Raman – Lever');
    for (const text of [
      'priya.raman@example.org',
      'Technical interview',
      'Senior Backend Engineer',
      'Hannah Brooks',
      'idempotency',
    ]) {
      expect(reply.body).toContain(text);
    }
  });

  it('renders the interview feedback placeholder for the seeded interview', async () => {
    const reply = await page('hire.lever.co', `/interviews/${demo.lever.interviewId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Technical Interview: Priya Raman');
    expect(reply.body).toContain('Aisha Khan');
  });

  it('lists postings on /jobs and candidates on /', async () => {
    expect((await page('hire.lever.co', '/jobs')).body).toContain('Engineering Manager, Platform');
    expect((await page('hire.lever.co', '/')).body).toContain(`/candidates/${demo.lever.secondCandidateId}`);
  });
});

describe('Pinpoint pages', () => {
  const { subdomain, jobId, applicationId, secondApplicationId, stageId } = demo.pinpoint;
  const host = `${subdomain}.pinpointhq.com`;

  it('renders the application view with candidate, job, stage and tabs', async () => {
    const reply = await page(host, `/admin/jobs/${jobId}/applications/${applicationId}`);
    expect(reply.status).toBe(200);
    expect(titleOf(reply.body)).toBe('Priya Raman – Senior Backend Engineer – Pinpoint');
    for (const text of [
      'priya.raman@example.org',
      '<strong>Technical Interview</strong>',
      '<h2>Details</h2>',
      '<h2>Comments</h2>',
      '<h2>Scorecards</h2>',
    ]) {
      expect(reply.body).toContain(text);
    }
  });

  it('serves the same application from a stage column URL', async () => {
    const reply = await page(host, `/admin/jobs/${jobId}/stages/${stageId}/applications/${secondApplicationId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('James O&#39;Connor');
  });

  it('lists applications and the job overview with links', async () => {
    const list = await page(host, `/admin/jobs/${jobId}/applications`);
    expect(list.body).toContain(`href="/admin/jobs/${jobId}/applications/${applicationId}" data-spa-link`);
    const overview = await page(host, `/admin/jobs/${jobId}`);
    expect(overview.body).toContain(`/admin/jobs/${jobId}/stages/${stageId}/applications/${applicationId}`);
    expect((await page(host, '/admin')).body).toContain(`href="/admin/jobs/${jobId}"`);
  });

  it('does not show an application under a job it does not belong to', async () => {
    const otherJob = await page(host, `/admin/jobs/4822/applications/${applicationId}`);
    expect(otherJob.status).toBe(404);
  });

  it('shows a "no such company" page on an unknown subdomain', async () => {
    const reply = await page('globex.pinpointhq.com', `/admin/jobs/${jobId}/applications/${applicationId}`);
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('There is no company at globex.pinpointhq.com');
    expect(reply.body).not.toContain('Priya Raman');
  });
});

describe('LinkedIn pages', () => {
  it('renders a profile with name, headline, location and About/Experience/Education sections', async () => {
    const reply = await page('www.linkedin.com', `/in/${demo.linkedin.slug}/`);
    expect(titleOf(reply.body)).toBe('Elena Petrova | LinkedIn');
    expect(reply.body).toMatch(/<h1 class="[a-z0-9]+">Elena Petrova<\/h1>/);
    expect(reply.body).toContain('Staff Data Engineer at Lumen Freight');
    expect(reply.body).toContain('Berlin, Germany');
    for (const heading of ['About', 'Experience', 'Education', 'Skills']) {
      expect(reply.body).toMatch(new RegExp(`<h2 class="[a-z0-9]+">${heading}</h2>`));
    }
    // Experience and Education arrive after load: inert in a template until the page's loader swaps them in.
    expect(reply.body.indexOf('<template data-lazy-sections>')).toBeLessThan(reply.body.indexOf('>Experience</h2>'));
    expect(reply.body).toContain('window.sandboxLazySections');
  });

  it('serves each seeded profile in its own rendering, overridable with ?variant=', async () => {
    const variantOf = (body: string) => /data-sandbox-variant="([a-z]+)"/.exec(body)?.[1];
    expect(variantOf((await page('www.linkedin.com', `/in/${demo.linkedin.slug}/`)).body)).toBe('hashed');
    const priya = await page('www.linkedin.com', `/in/${demo.linkedin.secondSlug}/`);
    expect(variantOf(priya.body)).toBe('voyager');
    expect(priya.body).toContain('<code style="display: none" id="bpr-guid-');
    expect(priya.body).toContain('com.linkedin.voyager.dash.identity.profile.Profile');
    const kwame = await page('www.linkedin.com', '/in/kwame-mensah-8d2f07/');
    expect(variantOf(kwame.body)).toBe('public');
    expect(kwame.body).toContain('<script type="application/ld+json">');
    expect(kwame.body).toContain('class="top-card-layout__title"');
    for (const variant of ['voyager', 'hashed', 'public']) {
      const reply = await page('www.linkedin.com', `/in/${demo.linkedin.slug}/?variant=${variant}`);
      expect(reply.status).toBe(200);
      expect(variantOf(reply.body)).toBe(variant);
    }
    expect(variantOf((await page('www.linkedin.com', `/in/${demo.linkedin.slug}/?variant=nope`)).body)).toBe('hashed');
  });

  it('serves the extra profiles: a long history, a non-Latin name and one without optional sections', async () => {
    const marta = await page('www.linkedin.com', '/in/marta-kowalska-3e7d10/');
    expect(titleOf(marta.body)).toBe('Marta Kowalska, PhD | LinkedIn');
    expect(marta.body).toContain('Distributed systems &lt;and&gt; storage');
    expect(marta.body).not.toContain('<and>');
    const wang = await page('www.linkedin.com', '/in/wang-xiaoming-8a1b2c/');
    expect(titleOf(wang.body)).toBe('王小明 | LinkedIn');
    const tomas = await page('www.linkedin.com', '/in/tomas-novak-9f0e21/');
    expect(tomas.status).toBe(200);
    for (const heading of ['About', 'Education', 'Skills']) expect(tomas.body).not.toContain(`>${heading}</h2>`);
  });

  it('opens the contact-info overlay only at /overlay/contact-info/', async () => {
    for (const variant of ['voyager', 'hashed', 'public']) {
      const overlay = await page(
        'www.linkedin.com',
        `/in/${demo.linkedin.slug}/overlay/contact-info/?variant=${variant}`,
      );
      expect(overlay.status).toBe(200);
      expect(overlay.body).toContain('role="dialog"');
      expect(overlay.body).toContain('mailto:elena.petrova@example.org');
      expect(overlay.body).toContain('+44 7700 900511');
      const plain = await page('www.linkedin.com', `/in/${demo.linkedin.slug}/?variant=${variant}`);
      expect(plain.body).not.toContain('role="dialog"');
      expect(plain.body).not.toContain('elena.petrova@example.org');
    }
    expect((await page('www.linkedin.com', `/in/${demo.linkedin.slug}/overlay/nothing/`)).status).toBe(404);
  });

  it('links the seeded profiles from the feed', async () => {
    const reply = await page('www.linkedin.com', '/feed/');
    expect(reply.body).toContain(`href="/in/${demo.linkedin.slug}/" data-spa-link`);
    expect(reply.body).toContain(`href="/in/${demo.linkedin.secondSlug}/" data-spa-link`);
  });

  it('renders company pages', async () => {
    const reply = await page('www.linkedin.com', '/company/kestrel-payments/');
    expect(titleOf(reply.body)).toBe('Kestrel Payments | LinkedIn');
  });

  it('answers an unknown profile with "This page doesn\'t exist"', async () => {
    const reply = await page('www.linkedin.com', '/in/nobody-at-all/');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('This page doesn&#39;t exist');
  });

  it('survives a malformed percent-encoded slug', async () => {
    expect((await page('www.linkedin.com', '/in/%E0%A4%A/')).status).toBe(404);
  });
});

describe('speed', () => {
  it('answers pages and API calls in under 50 ms', async () => {
    const started = performance.now();
    await page('app.ashbyhq.com', `/candidates/${demo.ashby.candidateId}`);
    await page('www.linkedin.com', `/in/${demo.linkedin.slug}/`);
    expect((performance.now() - started) / 2).toBeLessThan(50);
  });
});
