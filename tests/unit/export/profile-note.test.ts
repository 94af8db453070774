// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatProfileNote } from '@/lib/export/profile-note';
import { profileFixture } from './profile-fixture';

describe('formatProfileNote', () => {
  it('writes a plain-text note with the source, profile URL, headline, location, roles and schools', () => {
    const note = formatProfileNote(profileFixture(), 'text');
    expect(note).toBe(
      [
        'Sourced from LinkedIn by Sidecar',
        'https://www.linkedin.com/in/priya-raman',
        'Headline: Staff Engineer at Acme · Distributed systems',
        'Location: London, United Kingdom',
        '',
        'Experience',
        '- Staff Engineer — Acme · Full-time (Jan 2021 – Present, London)',
        '- Senior Software Engineer — Globex · Full-time (Mar 2016 – Dec 2020, Manchester)',
        '',
        'Education',
        '- University of Edinburgh — MSc, Computer Science · 2014 – 2015',
      ].join('\n'),
    );
  });

  it('leaves out what the profile does not have', () => {
    const note = formatProfileNote(
      profileFixture({ headline: undefined, location: ' ', experience: [], education: [] }),
      'text',
    );
    expect(note).toBe('Sourced from LinkedIn by Sidecar\nhttps://www.linkedin.com/in/priya-raman');
  });

  it('writes HTML with only p, b, ul, li and br', () => {
    const html = formatProfileNote(profileFixture(), 'html');
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(['b', 'br', 'li', 'p', 'ul']);
    expect(html).toContain('<li>Staff Engineer — Acme · Full-time (Jan 2021 – Present, London)</li>');
  });

  it('escapes every value in the HTML, so a profile cannot inject markup', () => {
    const html = formatProfileNote(
      profileFixture({
        headline: '<script>alert("x")</script>',
        location: 'R&D <b>town</b>',
        profileUrl: "https://www.linkedin.com/in/a\"onmouseover='x'",
        experience: [{ title: '<img src=x onerror=alert(1)>', company: 'Acme & Co', current: true }],
        education: [{ school: '<i>School</i>' }],
      }),
      'html',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('R&amp;D &lt;b&gt;town&lt;/b&gt;');
    expect(html).toContain('a&quot;onmouseover=&#39;x&#39;');
    expect(html).toContain('Acme &amp; Co');
  });
});
