// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createResumePdf, resumeFileName, toWinAnsi } from '@/lib/export/resume-pdf';
import { profileFixture } from './profile-fixture';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** WinAnsi is Latin-1 except 0x80–0x9F, where it puts typographic characters (Node's decoder lacks windows-1252). */
const winAnsiHighBytes: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const fromWinAnsi = (bytes: Buffer) =>
  [...bytes].map((byte) => winAnsiHighBytes[byte] ?? String.fromCharCode(byte)).join('');

/** The text drawn on the pages: pdf-lib writes it as hex strings (`<…> Tj`) in Flate-compressed content streams. */
function drawnText(bytes: Uint8Array): string {
  const raw = latin1(bytes);
  const shown: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      shown.push(fromWinAnsi(Buffer.from(text[1] ?? '', 'hex')));
    }
  }
  return shown.join('\n');
}

describe('createResumePdf', () => {
  it('builds an A4 PDF named after the person, with the name in its metadata', async () => {
    const file = await createResumePdf(profileFixture());
    expect(file.name).toBe('Priya Raman - LinkedIn resume.pdf');
    expect(file.type).toBe('application/pdf');
    expect(latin1(file.bytes.slice(0, 5))).toBe('%PDF-');

    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const size = pdf.getPage(0).getSize();
    expect(Math.round(size.width)).toBe(595);
    expect(Math.round(size.height)).toBe(842);
    expect(pdf.getTitle()).toContain('Priya Raman');
    expect(pdf.getAuthor()).toBe('Priya Raman');
  });

  it('draws the name, headline, contact details, role titles, companies, schools and skills', async () => {
    const text = drawnText((await createResumePdf(profileFixture())).bytes);
    for (const expected of [
      'Priya Raman',
      'Staff Engineer at Acme',
      'London, United Kingdom',
      'priya@example.com',
      'Staff Engineer — Acme · Full-time',
      'Senior Software Engineer — Globex · Full-time',
      'Jan 2021 – Present',
      'University of Edinburgh',
      'MSc, Computer Science',
      'Kubernetes',
      '• Designed the multi-region failover',
      'About',
      'Experience',
      'Education',
      'Skills',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('leaves out sections and contact details the profile does not have', async () => {
    const text = drawnText(
      (
        await createResumePdf(
          profileFixture({ about: undefined, education: [], skills: [], emails: [], phones: [], websites: [] }),
        )
      ).bytes,
    );
    expect(text).not.toContain('About');
    expect(text).not.toContain('Education');
    expect(text).not.toContain('Skills');
    expect(text).not.toContain('@');
  });

  it('wraps long descriptions and adds pages instead of running off the page', async () => {
    const description = Array.from({ length: 40 }, (_, index) => `Sentence ${index} about a long project.`).join(' ');
    const experience = Array.from({ length: 12 }, (_, index) => ({
      title: `Role ${index}`,
      company: 'Acme',
      current: index === 0,
      description,
    }));
    const file = await createResumePdf(profileFixture({ experience, about: 'x'.repeat(3000) }));
    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    const text = drawnText(file.bytes);
    expect(text).toContain('Role 11');
    expect(text).toContain(`1 / ${pdf.getPageCount()}`);
  });

  it('keeps a non-Latin name in the metadata and still produces a valid file', async () => {
    const profile = profileFixture({
      name: '王小明 (Ming Wang) 🚀',
      firstName: '王',
      lastName: '小明',
      headline: 'Инженер · Zürich · Łódź',
      experience: [{ title: 'エンジニア', company: 'Ακμή', current: true, description: 'Ship it ✅ → prod' }],
    });
    const file = await createResumePdf(profile);
    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getTitle()).toContain('王小明 (Ming Wang) 🚀');
    expect(pdf.getAuthor()).toBe('王小明 (Ming Wang) 🚀');
    expect(file.name).toBe('王小明 (Ming Wang) 🚀 - LinkedIn resume.pdf');
    const text = drawnText(file.bytes);
    expect(text).toContain('? (Ming Wang)');
    expect(text).toContain('? · Zürich · Lódz');
    expect(text).toContain('Ship it -> prod');
  });
});

describe('toWinAnsi', () => {
  const set = new Set([...Array.from({ length: 95 }, (_, index) => index + 32), 0xfc, 0x2013]);

  it('keeps what the font has, strips accents it lacks, drops emoji and turns each other run into one "?"', () => {
    expect(toWinAnsi('Zürich – Łódź', set)).toBe('Zürich – Lodz');
    expect(toWinAnsi('Hi 👋 王小明 there', set)).toBe('Hi  ? there');
    expect(toWinAnsi('a\u200bb\u0000c', set)).toBe('abc');
  });
});

describe('resumeFileName', () => {
  it('removes characters file systems refuse, and falls back when no name is left', () => {
    expect(resumeFileName('Ann/Marie: "AJ" <Smith>?')).toBe('Ann Marie AJ Smith - LinkedIn resume.pdf');
    expect(resumeFileName(' / ')).toBe('LinkedIn profile - LinkedIn resume.pdf');
  });
});
