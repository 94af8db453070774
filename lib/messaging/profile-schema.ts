import { z } from 'zod';
import type { ProfileSnapshot } from '@/lib/core/profile';

const text = (max: number) => z.string().max(max);

/** A profile as the panel sends it for export: what was read, as the user edited it. Bounded, like all page input. */
export const profileSnapshotSchema = z.object({
  profileUrl: z.string().url().startsWith('https://www.linkedin.com/in/').max(500),
  slug: text(300),
  memberUrn: text(200).optional(),
  name: z.string().trim().min(1).max(300),
  firstName: text(200),
  lastName: text(200),
  headline: text(500).optional(),
  location: text(300).optional(),
  about: text(10_000).optional(),
  experience: z
    .array(
      z.object({
        title: text(300),
        company: text(300),
        employmentType: text(100).optional(),
        start: text(50).optional(),
        end: text(50).optional(),
        current: z.boolean(),
        location: text(300).optional(),
        description: text(10_000).optional(),
      }),
    )
    .max(100),
  education: z
    .array(
      z.object({
        school: text(300),
        degree: text(300).optional(),
        field: text(300).optional(),
        startYear: text(20).optional(),
        endYear: text(20).optional(),
      }),
    )
    .max(50),
  skills: z.array(text(200)).max(200),
  emails: z.array(z.string().email().max(320)).max(10),
  phones: z.array(text(50)).max(10),
  websites: z.array(text(500)).max(20),
  missing: z
    .array(z.enum(['name', 'headline', 'location', 'about', 'experience', 'education', 'skills', 'contact']))
    .max(10),
  source: z.enum(['structured-data', 'dom', 'json-ld']),
  readAt: z.string().max(40),
}) satisfies z.ZodType<ProfileSnapshot>;
