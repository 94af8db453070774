import { useEffect, useMemo, useState } from 'react';
import { createAutosaver } from '@/lib/content/autosave';
import { sendOrThrow } from '@/lib/messaging/send';

type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed';

/** The interviewer's notes for one call, saved as they type (at most a second behind) and when the page goes away. */
export function NotesEditor({ callId, initialNotes }: { callId: string; initialNotes: string }) {
  const [notes, setNotes] = useState(initialNotes);
  const [state, setState] = useState<SaveState>('saved');
  const autosaver = useMemo(() => {
    const saver = createAutosaver(async (text) => {
      setState('saving');
      try {
        await sendOrThrow('calls.saveNotes', { id: callId, notes: text });
        // Typing went on while this was saving: the newer text is still on its way.
        setState(saver.hasPending ? 'unsaved' : 'saved');
      } catch {
        setState('failed');
      }
    });
    return saver;
  }, [callId]);

  useEffect(() => {
    const flush = () => void autosaver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [autosaver]);

  return (
    <label className="field notes-editor">
      <span className="notes-heading">
        Notes
        <span className="muted small" data-testid="notes-state" data-state={state}>
          {state === 'saved'
            ? 'Saved'
            : state === 'saving'
              ? 'Saving…'
              : state === 'failed'
                ? 'Not saved: retrying as you type'
                : 'Unsaved'}
        </span>
      </span>
      <textarea
        data-testid="notes-input"
        rows={8}
        value={notes}
        placeholder="Type while you talk. Sidecar keeps it as you go."
        onChange={(event) => {
          setNotes(event.target.value);
          setState('unsaved');
          autosaver.change(event.target.value);
        }}
      />
    </label>
  );
}
