import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { formatUkDateTime } from '../../domain/dates';
import type { LogEntry } from '../../domain/logEntry';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useToastStore } from '../ui/toastStore';
import { useAutosave } from '../ui/useAutosave';
import { VisibilityControl } from '../ui/VisibilityControl';
import { checkEntryForm, entryFormValidationSchema, fromLogEntry, toLogEntryInput, type EntryFormValues } from './entryForm';
import { EntryFields } from './EntryFields';
import { ConflictNotice } from './ConflictNotice';
import { EntryPhotos } from './EntryPhotos';

/** Editing a saved entry: every change is saved to the entry itself as you type. */
function EntryEditorForm({ entry }: { entry: LogEntry }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);
  const form = useForm<EntryFormValues>({
    defaultValues: fromLogEntry(entry),
    resolver: zodResolver(entryFormValidationSchema()),
  });
  const values = useWatch({ control: form.control }) as EntryFormValues;
  const problems = checkEntryForm(values, new Date());
  const savable = Object.keys(problems).length === 0;
  // What the form showed when it opened, as an entry. Only fields the person has changed since
  // (at any point: changing a field back must be saved too) are written, so fields they never
  // touched — even ones written by a newer version of the app — stay exactly as stored.
  const [opened] = useState(() => toLogEntryInput(fromLogEntry(entry), new Date()));
  const touched = useRef(new Set<string>());
  const autosave = useAutosave(
    values,
    async (latest) => {
      const input: Record<string, unknown> = { ...toLogEntryInput(latest, new Date()) };
      if (!latest.occurredAtLocal) delete input.occurredAt;
      for (const [key, value] of Object.entries(input)) {
        if (JSON.stringify(value) !== JSON.stringify(opened[key as keyof typeof opened])) touched.current.add(key);
      }
      const changes = Object.fromEntries(Object.entries(input).filter(([key]) => touched.current.has(key)));
      await repositories.logEntries.update(entry.id, changes);
    },
    { enabled: savable },
  );

  async function deleteEntry() {
    await autosave.flush();
    await repositories.logEntries.remove(entry.id);
    showToast({
      message: 'Entry deleted',
      actionLabel: 'Undo',
      onAction: () => repositories.logEntries.restore(entry.id),
    });
    navigate('/');
  }

  return (
    <FormProvider {...form}>
      <form className="card" aria-label="Edit entry" noValidate onSubmit={(event) => event.preventDefault()}>
        <h2>Entry of {formatUkDateTime(entry.occurredAt)}</h2>
        <ConflictNotice entry={entry} />
        <EntryFields
          idPrefix={`entry-${entry.id}`}
          errors={{
            body: problems.body ? 'An empty entry is not saved — write something, or delete the entry.' : undefined,
            occurredAtLocal: problems.occurredAtLocal,
          }}
        />
        <EntryPhotos entryId={entry.id} />
        <VisibilityControl
          visibility={entry.visibility}
          ownerId={entry.owner}
          onChange={(visibility) => repositories.logEntries.setVisibility(entry.id, visibility)}
        />
        <div className="button-row">
          <SavedIndicator state={autosave.state} error={autosave.error} idleText="Saved on this device" />
          <button type="button" className="button button--danger" onClick={() => void deleteEntry()}>
            Delete entry
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

export function EntryEditor({ entryId }: { entryId: string }) {
  const entry = useLive((repositories) => repositories.logEntries.get(entryId).then((found) => found ?? null), [entryId]);
  if (entry === undefined) return <p className="muted">Opening entry…</p>;
  if (entry === null) {
    return (
      <EmptyState title="This entry is not here">
        <p>It may have been deleted. Your other entries are in the list.</p>
      </EmptyState>
    );
  }
  // A settled conflict (or one arriving from another device) may change the text: start the
  // form again from the record. Typing is saved as it happens, so nothing is lost by this.
  return <EntryEditorForm key={`${entry.id}:${entry.clocks.conflicts ?? ''}`} entry={entry} />;
}
