import type { ProfileEducation, ProfileExperience, ProfileSnapshot } from '@/lib/core/profile';

/** The first line of every export note: how a later attempt recognises a note an earlier one already posted. */
export const profileNoteHeading = 'Sourced from LinkedIn by Sidecar';

/** "Jan 2021 – Present", "2019 – 2021", "Jan 2021": only the ends the profile gives. */
export function formatRoleDates(experience: Pick<ProfileExperience, 'start' | 'end' | 'current'>): string {
  const end = experience.current ? 'Present' : experience.end?.trim();
  return [experience.start?.trim(), end].filter(Boolean).join(' – ');
}

/** "Senior Engineer — Acme · Full-time". */
export function formatRoleTitle(experience: Pick<ProfileExperience, 'title' | 'company' | 'employmentType'>): string {
  const company = [experience.company.trim(), experience.employmentType?.trim()].filter(Boolean).join(' · ');
  return [experience.title.trim(), company].filter(Boolean).join(' — ');
}

/** "MSc, Computer Science · 2015 – 2017". */
export function formatEducationDetails(education: ProfileEducation): string {
  const degree = [education.degree?.trim(), education.field?.trim()].filter(Boolean).join(', ');
  const years = [education.startYear?.trim(), education.endYear?.trim()].filter(Boolean).join(' – ');
  return [degree, years].filter(Boolean).join(' · ');
}

function experienceLine(experience: ProfileExperience): string {
  const details = [formatRoleDates(experience), experience.location?.trim()].filter(Boolean).join(', ');
  const title = formatRoleTitle(experience);
  return details ? `${title} (${details})` : title;
}

function educationLine(education: ProfileEducation): string {
  const details = formatEducationDetails(education);
  return details ? `${education.school.trim()} — ${details}` : education.school.trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The note an export posts on the candidate: where they came from and what their profile said, so the ATS keeps it
 * even where its candidate record has no field for it (Ashby takes no headline or location on create). The HTML
 * flavour uses only tags every ATS rich-text editor keeps (`p b ul li br`), and every value is escaped.
 */
export function formatProfileNote(profile: ProfileSnapshot, format: 'text' | 'html'): string {
  const summary = [
    profile.profileUrl.trim(),
    profile.headline?.trim() ? `Headline: ${profile.headline.trim()}` : undefined,
    profile.location?.trim() ? `Location: ${profile.location.trim()}` : undefined,
  ].filter((line): line is string => Boolean(line));
  const sections = [
    { title: 'Experience', lines: profile.experience.map(experienceLine).filter(Boolean) },
    { title: 'Education', lines: profile.education.map(educationLine).filter(Boolean) },
  ].filter((section) => section.lines.length > 0);

  if (format === 'text') {
    return [
      [profileNoteHeading, ...summary].join('\n'),
      ...sections.map((section) => [section.title, ...section.lines.map((line) => `- ${line}`)].join('\n')),
    ].join('\n\n');
  }
  return [
    `<p>${[`<b>${escapeHtml(profileNoteHeading)}</b>`, ...summary.map(escapeHtml)].join('<br>')}</p>`,
    ...sections.map(
      (section) =>
        `<p><b>${escapeHtml(section.title)}</b></p><ul>${section.lines
          .map((line) => `<li>${escapeHtml(line)}</li>`)
          .join('')}</ul>`,
    ),
  ].join('');
}
