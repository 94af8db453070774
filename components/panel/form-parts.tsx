import type { Application } from '@/lib/core/types';

/** Which application an action is for; shown only when there is a choice. */
export function ApplicationSelect({
  applications,
  value,
  onChange,
}: {
  applications: Application[];
  value: string;
  onChange: (applicationId: string) => void;
}) {
  if (applications.length < 2) return null;
  return (
    <label className="field">
      <span>Application</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {applications.map((application) => (
          <option key={application.id} value={application.id}>
            {application.jobTitle ?? application.id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The application an action starts on: the one the page is about, else the first. */
export function initialApplicationId(applications: Application[], focusApplicationId: string | undefined): string {
  return applications.find((application) => application.id === focusApplicationId)?.id ?? applications[0]?.id ?? '';
}
