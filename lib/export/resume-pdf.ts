import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { ProfileSnapshot } from '@/lib/core/profile';
import type { ResumeFile } from '@/lib/providers/contracts';
import { formatEducationDetails, formatRoleDates, formatRoleTitle } from './profile-note';

/** A4 in PDF points. */
const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = 50;
const contentWidth = pageWidth - 2 * margin;

const black = rgb(0.1, 0.1, 0.1);
const grey = rgb(0.4, 0.4, 0.4);
const rule = rgb(0.8, 0.8, 0.8);

/**
 * Characters outside the standard fonts' WinAnsi set that have an obvious Latin stand-in which accent stripping
 * (NFD) does not produce.
 */
const latinStandIns: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2032': "'",
  '\u2033': '"',
};

/**
 * Makes text drawable with Helvetica, which only encodes WinAnsi (Latin-1 plus typographic quotes and dashes): pdf-lib
 * throws on anything else, and a resume must never fail to build because of a name in another script. Accents the
 * font lacks are dropped ("ő" → "o"), emoji and invisible characters removed, and anything else becomes one "?" per
 * run, line breaks included (callers split paragraphs first). The untouched text goes into the metadata, which is Unicode.
 */
export function toWinAnsi(text: string, characterSet: ReadonlySet<number>): string {
  let output = '';
  let replacing = false;
  for (const character of text.normalize('NFC').replace(/\t/g, ' ')) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (characterSet.has(codePoint)) {
      output += character;
      replacing = false;
      continue;
    }
    if (/[\p{Extended_Pictographic}\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}]/u.test(character)) continue;
    const standIn = latinStandIns[character] ?? character.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    if (standIn && [...standIn].every((part) => characterSet.has(part.codePointAt(0) ?? 0))) {
      output += standIn;
      replacing = false;
    } else if (!replacing) {
      output += '?';
      replacing = true;
    }
  }
  return output;
}

/** `<Name> - LinkedIn resume.pdf`, without characters that file systems or upload forms refuse. */
export function resumeFileName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return `${safe || 'LinkedIn profile'} - LinkedIn resume.pdf`;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface TextStyle {
  font: keyof Fonts;
  size: number;
  color?: ReturnType<typeof rgb>;
  /** Extra room below the line, beyond the usual leading. */
  after?: number;
}

/** Lays text out top to bottom, wrapping lines and adding pages as they fill. */
class ResumeWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly characterSet: ReadonlySet<number>,
  ) {
    this.page = pdf.addPage([pageWidth, pageHeight]);
    this.y = pageHeight - margin;
  }

  private lineHeight(size: number): number {
    return size * 1.3;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.y - height >= margin) return;
    this.page = this.pdf.addPage([pageWidth, pageHeight]);
    this.y = pageHeight - margin;
  }

  space(height: number): void {
    this.y -= height;
  }

  /** Word-wraps one paragraph to the content width; a word wider than a line is broken between letters. */
  wrap(text: string, font: PDFFont, size: number, width = contentWidth): string[] {
    const lines: string[] = [];
    let line = '';
    const fits = (value: string) => font.widthOfTextAtSize(value, size) <= width;
    for (const word of text.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        // The longest prefix that fits, found by halving: a pasted 3,000-letter token must not take seconds.
        let low = 1;
        let high = rest.length - 1;
        while (low < high) {
          const middle = Math.ceil((low + high) / 2);
          if (fits(rest.slice(0, middle))) low = middle;
          else high = middle - 1;
        }
        lines.push(rest.slice(0, low));
        rest = rest.slice(low);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Draws text (paragraphs split on line breaks), wrapped, in one style. */
  text(text: string, style: TextStyle): void {
    const font = this.fonts[style.font];
    const height = this.lineHeight(style.size);
    const paragraphs = text
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((paragraph) => toWinAnsi(paragraph, this.characterSet).trim());
    for (const paragraph of paragraphs) {
      if (!paragraph) {
        this.space(height / 2);
        continue;
      }
      for (const line of this.wrap(paragraph, font, style.size)) {
        this.ensureSpace(height);
        this.y -= height;
        this.page.drawText(line, {
          x: margin,
          y: this.y + height - style.size,
          size: style.size,
          font,
          color: style.color ?? black,
        });
      }
    }
    this.space(style.after ?? 0);
  }

  /** A section title with a rule under it, kept on the page of its first line of content. */
  heading(title: string): void {
    this.space(8);
    this.ensureSpace(this.lineHeight(12) + 6 + 3 * this.lineHeight(10));
    this.text(title, { font: 'bold', size: 12 });
    this.page.drawLine({
      start: { x: margin, y: this.y - 1 },
      end: { x: pageWidth - margin, y: this.y - 1 },
      thickness: 0.6,
      color: rule,
    });
    this.space(7);
  }
}

/**
 * A plain one- or two-page resume from a LinkedIn profile, for ATSs that parse or show a CV: A4, Helvetica, no
 * images. The original (Unicode) name is kept in the title and author metadata, whatever the page could draw.
 */
export async function createResumePdf(profile: ProfileSnapshot): Promise<ResumeFile> {
  const pdf = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const characterSet = new Set(fonts.regular.getCharacterSet());
  const name = profile.name.trim() || [profile.firstName, profile.lastName].join(' ').trim() || 'LinkedIn profile';

  pdf.setTitle(`${name} - Resume`);
  pdf.setAuthor(name);
  if (profile.headline?.trim()) pdf.setSubject(profile.headline.trim());
  pdf.setCreator('Sidecar, from a LinkedIn profile');
  pdf.setKeywords(profile.skills);

  const writer = new ResumeWriter(pdf, fonts, characterSet);
  writer.text(name, { font: 'bold', size: 22, after: 2 });
  if (profile.headline?.trim()) writer.text(profile.headline, { font: 'regular', size: 12, after: 1 });
  if (profile.location?.trim()) writer.text(profile.location, { font: 'regular', size: 10, color: grey });
  const contact = [...profile.emails, ...profile.phones, ...profile.websites, profile.profileUrl]
    .map((value) => value.trim())
    .filter(Boolean);
  if (contact.length > 0) writer.text(contact.join('  ·  '), { font: 'regular', size: 10, color: grey });

  if (profile.about?.trim()) {
    writer.heading('About');
    writer.text(profile.about, { font: 'regular', size: 10 });
  }

  if (profile.experience.length > 0) {
    writer.heading('Experience');
    profile.experience.forEach((experience, index) => {
      if (index > 0) writer.space(8);
      // The title, its dates and the first lines of its description belong together on one page.
      writer.ensureSpace(4 * 13);
      writer.text(formatRoleTitle(experience), { font: 'bold', size: 10.5 });
      const details = [formatRoleDates(experience), experience.location?.trim()].filter(Boolean).join('  ·  ');
      if (details) writer.text(details, { font: 'italic', size: 9.5, color: grey });
      if (experience.description?.trim()) {
        writer.space(2);
        writer.text(experience.description, { font: 'regular', size: 10 });
      }
    });
  }

  if (profile.education.length > 0) {
    writer.heading('Education');
    profile.education.forEach((education, index) => {
      if (index > 0) writer.space(6);
      writer.ensureSpace(2 * 13);
      writer.text(education.school, { font: 'bold', size: 10.5 });
      const details = formatEducationDetails(education);
      if (details) writer.text(details, { font: 'regular', size: 10, color: grey });
    });
  }

  if (profile.skills.length > 0) {
    writer.heading('Skills');
    writer.text(
      profile.skills
        .map((skill) => skill.trim())
        .filter(Boolean)
        .join('  ·  '),
      {
        font: 'regular',
        size: 10,
      },
    );
  }

  const pages = pdf.getPages();
  if (pages.length > 1) {
    pages.forEach((page, index) => {
      const label = `${index + 1} / ${pages.length}`;
      const width = fonts.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: pageWidth - margin - width, y: margin / 2, size: 8, font: fonts.regular, color: grey });
    });
  }

  // Without object streams (PDF 1.5), older resume parsers in ATSs still read the file.
  const bytes = await pdf.save({ useObjectStreams: false });
  return { name: resumeFileName(name), type: 'application/pdf', bytes };
}
