// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBuildTimes } from '../../sandbox/forms/bundle.ts';
import { demo } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const pinpointHost = `${demo.pinpoint.subdomain}.pinpointhq.com`;
const forms = [
  {
    name: 'ashby-feedback',
    host: 'app.ashbyhq.com',
    path: `/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`,
  },
  { name: 'lever-feedback', host: 'hire.lever.co', path: `/interviews/${demo.lever.interviewId}` },
  {
    name: 'pinpoint-scorecard',
    host: pinpointHost,
    path: `/admin/jobs/${demo.pinpoint.jobId}/applications/${demo.pinpoint.applicationId}`,
  },
] as const;

function formConfig(body: string): unknown {
  const attribute = /data-form="([^"]*)"/.exec(body)?.[1] ?? '';
  const decoded = attribute
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return JSON.parse(decoded.replace(/&amp;/g, '&'));
}

describe('feedback form pages', () => {
  it('render without building any bundle, and reference their script on the same host', async () => {
    for (const form of forms) {
      const reply = await call(sandbox, { host: form.host, path: form.path });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain(`<script src="/__sandbox-assets/${form.name}.js"></script>`);
      expect(reply.body).toContain(`data-sandbox-form="${form.name}"`);
    }
    expect(formBuildTimes()).toEqual({});
  });

  it('hand the apps their form definitions', async () => {
    const ashby = await call(sandbox, { host: forms[0].host, path: forms[0].path });
    expect(formConfig(ashby.body)).toMatchObject({
      interviewEventId: demo.ashby.interviewBriefingId,
      sections: [{ title: 'Overall' }, { title: 'Skills' }],
    });
    const lever = await call(sandbox, { host: forms[1].host, path: forms[1].path });
    const leverConfig = formConfig(lever.body) as { template: { fields: Array<{ type: string }> } };
    expect(new Set(leverConfig.template.fields.map((field) => field.type))).toEqual(
      new Set([
        'score-system',
        'textarea',
        'multiple-choice',
        'multiple-select',
        'yes-no',
        'score',
        'scorecard',
        'text',
        'dropdown',
        'date',
      ]),
    );
    const pinpoint = await call(sandbox, { host: forms[2].host, path: forms[2].path });
    expect(pinpoint.body).toContain('role="dialog"');
    expect(pinpoint.body).toContain('role="radiogroup" aria-label="Problem solving"');
    expect(pinpoint.body).toContain('>Fill scorecard</button>');
  });

  it('builds each bundle on first request, in production mode, well under two seconds', async () => {
    for (const form of forms) {
      const reply = await call(sandbox, {
        host: form.host,
        path: `/__sandbox-assets/${form.name}.js`,
        timeoutMs: 20_000,
      });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toContain('text/javascript');
      expect(reply.body.length).toBeGreaterThan(1000);
      expect(reply.body).not.toContain('process.env.NODE_ENV');
    }
    const times = formBuildTimes();
    expect(Object.keys(times).sort()).toEqual(['ashby-feedback', 'lever-feedback', 'pinpoint-scorecard']);
    expect((times['ashby-feedback'] ?? 0) + (times['lever-feedback'] ?? 0)).toBeLessThan(2000);
  });

  it('serves a bundle only on its own provider host', async () => {
    const reply = await call(sandbox, { host: 'hire.lever.co', path: '/__sandbox-assets/ashby-feedback.js' });
    expect(reply.status).toBe(404);
  });

  it('records a posted payload in the request log and refuses anything but JSON', async () => {
    sandbox.reset();
    const payload = { baseTemplateId: 'x', fieldValues: [{ id: 'a', value: 3 }] };
    const reply = await call(sandbox, {
      host: 'hire.lever.co',
      path: '/__feedback',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(reply.status).toBe(200);
    const logged = sandbox.requests.find((request) => request.path === '/__feedback');
    expect(logged).toMatchObject({ host: 'hire.lever.co', method: 'POST', status: 200 });
    expect(JSON.parse(logged?.body ?? '')).toEqual(payload);
    expect((await call(sandbox, { host: pinpointHost, path: '/__feedback' })).status).toBe(405);
    expect(
      (await call(sandbox, { host: 'app.ashbyhq.com', path: '/__feedback', method: 'POST', body: '{nope' })).status,
    ).toBe(400);
  });
});
