import { describe, expect, it } from 'vitest';
import { mapPosting, normalizeLinkedinUrl } from '@/lib/providers/lever/mapping';

describe('Lever mapping', () => {
  it.each([
    ['https://www.linkedin.com/in/priya-raman-4b1a2c/', 'https://linkedin.com/in/priya-raman-4b1a2c'],
    ['linkedin.com/in/Priya-Raman-4b1a2c', 'https://linkedin.com/in/priya-raman-4b1a2c'],
    ['HTTPS://WWW.LINKEDIN.COM/in/priya-raman-4b1a2c?trk=public#x', 'https://linkedin.com/in/priya-raman-4b1a2c'],
    ['http://www.linkedin.com/in/zo%C3%AB-smith', 'https://linkedin.com/in/zoë-smith'],
  ])('normalizes the LinkedIn URL %s', (input, expected) => {
    expect(normalizeLinkedinUrl(input)).toBe(expected);
  });

  it('returns undefined for text that is not a URL', () => {
    expect(normalizeLinkedinUrl('   ')).toBeUndefined();
    expect(normalizeLinkedinUrl('http://')).toBeUndefined();
  });

  it.each([
    ['published', 'open'],
    ['internal', 'open'],
    ['closed', 'closed'],
    ['draft', 'draft'],
    ['pending', 'draft'],
    ['rejected', 'other'],
  ] as const)('maps posting state %s to job status %s', (state, status) => {
    expect(mapPosting({ id: 'p', text: 'Job', state }).status).toBe(status);
  });

  it('falls back to the team when a posting has no department', () => {
    expect(mapPosting({ id: 'p', text: 'Job', state: 'published', categories: { team: 'Platform' } })).toMatchObject({
      department: 'Platform',
    });
  });
});
