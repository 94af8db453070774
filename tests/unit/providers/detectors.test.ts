import { describe, expect, it } from 'vitest';
import { ashbyPageExamples, detectAshbyPage } from '@/lib/providers/ashby/page';
import type { DetectorExamples, DetectPage } from '@/lib/providers/contracts';
import { detectLeverPage, leverPageExamples } from '@/lib/providers/lever/page';
import { detectLinkedinPage, linkedinPageExamples } from '@/lib/providers/linkedin/page';
import { detectAnyPage } from '@/lib/providers/pages';
import { detectPinpointPage, pinpointPageExamples } from '@/lib/providers/pinpoint/page';

const detectors: Array<{ name: string; detect: DetectPage; examples: DetectorExamples }> = [
  { name: 'ashby', detect: detectAshbyPage, examples: ashbyPageExamples },
  { name: 'lever', detect: detectLeverPage, examples: leverPageExamples },
  { name: 'pinpoint', detect: detectPinpointPage, examples: pinpointPageExamples },
  { name: 'linkedin', detect: detectLinkedinPage, examples: linkedinPageExamples },
];

describe.each(detectors)('$name detector', ({ name, detect, examples }) => {
  it.each(examples.recognised)('reads the page context from $url', ({ url, expected }) => {
    expect(detect(new URL(url))).toEqual(expected);
  });

  it.each(examples.ignored)('stays out of the way on %s', (url) => {
    expect(detect(new URL(url))).toBeNull();
  });

  const others = detectors.filter((other) => other.name !== name);
  it.each(others.flatMap((other) => other.examples.recognised.map((example) => example.url)))(
    "rejects another site's page %s",
    (url) => {
      expect(detect(new URL(url))).toBeNull();
    },
  );

  it('rejects the same path on plain http', () => {
    const first = examples.recognised[0];
    expect(first).toBeDefined();
    expect(detect(new URL(first!.url.replace('https:', 'http:')))).toBeNull();
  });
});

describe('detectAnyPage', () => {
  it('finds the site of every recognised example', () => {
    for (const { examples } of detectors) {
      for (const { url, expected } of examples.recognised) expect(detectAnyPage(url)?.site).toBe(expected.site);
    }
  });

  it('returns null for missing, malformed and foreign URLs', () => {
    expect(detectAnyPage(undefined)).toBeNull();
    expect(detectAnyPage('not a url')).toBeNull();
    expect(detectAnyPage('https://evil.example/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11')).toBeNull();
    expect(
      detectAnyPage('https://app.ashbyhq.com.evil.example/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11'),
    ).toBeNull();
  });
});
