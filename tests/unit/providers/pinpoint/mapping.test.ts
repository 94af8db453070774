import { describe, expect, it } from 'vitest';
import {
  applicationPageUrl,
  indexIncluded,
  mapApplication,
  mapJob,
  mapUser,
  normalizeLinkedinUrl,
  normalizeName,
} from '@/lib/providers/pinpoint/mapping';
import { applicationResourceSchema, jobResourceSchema, stageResourceSchema } from '@/lib/providers/pinpoint/schemas';

describe('Pinpoint mapping', () => {
  it('normalizes LinkedIn profile URLs: scheme, host case, www or country prefix, query and trailing slash', () => {
    const expected = 'https://linkedin.com/in/priya-raman-4b1a2c';
    for (const url of [
      'https://www.linkedin.com/in/priya-raman-4b1a2c',
      'http://WWW.LINKEDIN.COM/in/Priya-Raman-4b1a2c/',
      'linkedin.com/in/priya-raman-4b1a2c?trk=public_profile',
      'https://uk.linkedin.com/in/priya-raman-4b1a2c/#about',
    ]) {
      expect(normalizeLinkedinUrl(url), url).toBe(expected);
    }
    expect(normalizeLinkedinUrl('   ')).toBeUndefined();
  });

  it('compares names without case, accents or extra spaces', () => {
    expect(normalizeName('  Sofía   Martínez ')).toBe('sofia martinez');
  });

  it('reads hired and rejected from timestamps or the stage type, since Pinpoint has no status field', () => {
    const application = (attributes: Record<string, unknown>, stageId = '320') =>
      applicationResourceSchema.parse({
        id: '1',
        type: 'applications',
        attributes: { job_id: 4821, stage_id: Number(stageId), ...attributes },
      });
    const index = indexIncluded([
      stageResourceSchema.parse({ id: '320', type: 'stages', attributes: { name: 'Hired', basic_type: 'hired' } }),
    ]);
    expect(mapApplication(application({}), index).status).toBe('hired');
    expect(mapApplication(application({ rejected_at: '2026-01-01T00:00:00+00:00' }, '1'), index).status).toBe(
      'rejected',
    );
    expect(mapApplication(application({}, '1'), index)).toMatchObject({
      status: 'active',
      jobId: '4821',
      candidateId: '',
    });
  });

  it('maps an unknown job status to other and leaves out department and location it was not given', () => {
    const job = jobResourceSchema.parse({ id: '9', type: 'jobs', attributes: { title: 'X', status: 'paused' } });
    expect(mapJob(job, new Map(), 'acme')).toEqual({
      provider: 'pinpoint',
      id: '9',
      title: 'X',
      status: 'other',
      url: 'https://acme.pinpointhq.com/admin/jobs/9',
    });
  });

  it('names a user by email when Pinpoint has no name for them', () => {
    expect(mapUser({ id: '1', type: 'users', attributes: { email: 'a@example.com' } })).toEqual({
      id: '1',
      name: 'a@example.com',
      email: 'a@example.com',
    });
  });

  it('links to the application view of the tenant', () => {
    expect(applicationPageUrl('acme', '4821', '99123')).toBe(
      'https://acme.pinpointhq.com/admin/jobs/4821/applications/99123',
    );
  });
});
