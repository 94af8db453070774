import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';
import { connectionsKey, optionsQueries } from './queries';

/** "Your work email": Sidecar finds you among each ATS's users, so writes are made as you. */
export function IdentitySection() {
  const queryClient = useQueryClient();
  const settings = useQuery(optionsQueries.settings());
  const [email, setEmail] = useState<string | undefined>();
  const value = email ?? settings.data?.userEmail ?? '';
  const save = useMutation({
    mutationFn: () => sendOrThrow('identity.save', { email: value.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: connectionsKey });
      await queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  return (
    <section className="section" data-testid="options-identity">
      <h2>You</h2>
      <form
        className="form form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <label className="field">
          <span>Your work email</span>
          <input
            type="email"
            required
            data-testid="identity-email"
            value={value}
            placeholder="you@company.com"
            onChange={(event) => setEmail(event.target.value)}
          />
          <small className="muted">
            Lever records notes and moves as a user (perform_as) and Ashby names the author of feedback, so Sidecar
            looks you up by this address in each connected ATS.
          </small>
        </label>
        <div className="form-actions">
          <button type="submit" className="button" data-testid="identity-save" disabled={save.isPending}>
            {save.isPending ? 'Looking you up…' : 'Save'}
          </button>
        </div>
      </form>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
    </section>
  );
}
