import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { LogEntry } from '../../domain/logEntry';
import { useRepositories } from '../db/RepositoryContext';
import { askForPersistentStorageOnce } from '../platform/askForPersistentStorageOnce';
import { useUiPreferences } from '../state/uiPreferences';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useToastStore } from '../ui/toastStore';
import { useAutosave } from '../ui/useAutosave';
import { VisibilityNote } from '../ui/VisibilityNote';
import { BlobImage } from './BlobImage';
import { NEW_ENTRY_DRAFT_KEY, NEW_ENTRY_PHOTOS_DRAFT_KEY } from './draftKeys';
import { EntryFields } from './EntryFields';
import { BLANK_ENTRY_FORM, entryFormValidationSchema, toLogEntryInput, type EntryFormValues } from './entryForm';
import { PhotoPicker } from './PhotoPicker';
import { useNewEntryDraft } from './useNewEntryDraft';

interface QuickCaptureProps {
  readonly autoFocus?: boolean;
  readonly onSaved?: (entry: LogEntry) => void;
}

/**
 * A new log entry, one tap from launch. Every keystroke is autosaved to a device-only draft,
 * so a reload, a crash or a sleeping tablet loses nothing; "Save entry" turns the draft into
 * a record. An empty entry is not saved (the draft stays, with a message).
 */
export function QuickCapture({ autoFocus = false, onSaved }: QuickCaptureProps) {
  const repositories = useRepositories();
  const lastTemplate = useUiPreferences((state) => state.lastTemplate);
  const setPreferences = useUiPreferences((state) => state.set);
  const showToast = useToastStore((state) => state.show);
  const blank = useMemo(() => ({ ...BLANK_ENTRY_FORM, template: lastTemplate }), [lastTemplate]);
  const form = useForm<EntryFormValues>({
    defaultValues: blank,
    resolver: zodResolver(entryFormValidationSchema()),
  });
  const { loaded, stored, photos, updatePhotos } = useNewEntryDraft(form);
  const values = useWatch({ control: form.control }) as EntryFormValues;
  const autosave = useAutosave(values, (draft) => repositories.drafts.put(NEW_ENTRY_DRAFT_KEY, draft), {
    enabled: loaded,
    // Compared with what the device holds, so a first word typed while the draft was being read is saved too.
    savedValue: stored ?? blank,
  });
  const errors = form.formState.errors;

  const onValid = async (valid: EntryFormValues) => {
    await autosave.flush();
    const entry = await repositories.logEntries.create(toLogEntryInput(valid, new Date()), {
      clearDraftKeys: [NEW_ENTRY_DRAFT_KEY, NEW_ENTRY_PHOTOS_DRAFT_KEY],
      photos,
    });
    setPreferences({ lastTemplate: valid.template });
    form.reset({ ...BLANK_ENTRY_FORM, template: valid.template });
    await updatePhotos([]);
    showToast({ message: 'Entry saved on this device' });
    void askForPersistentStorageOnce(repositories.device);
    form.setFocus('body');
    onSaved?.(entry);
  };

  return (
    <FormProvider {...form}>
      <form className="card quick-capture" aria-label="New log entry" noValidate onSubmit={form.handleSubmit(onValid)}>
        <h2 className="quick-capture__title">New entry</h2>
        <EntryFields
          idPrefix="new-entry"
          autoFocus={autoFocus}
          errors={{ body: errors.body?.message, occurredAtLocal: errors.occurredAtLocal?.message }}
        />
        {photos.length > 0 ? (
          <ul className="photo-strip" aria-label="Photos for this entry">
            {photos.map((photo, index) => (
              <li key={index}>
                <figure>
                  <BlobImage blob={photo.blob} alt={`New photo ${index + 1}`} />
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void updatePhotos(photos.filter((_, i) => i !== index))}
                  >
                    Remove new photo {index + 1}
                  </button>
                </figure>
              </li>
            ))}
          </ul>
        ) : null}
        <PhotoPicker onAdd={(photo) => updatePhotos([...photos, photo])} />
        <VisibilityNote visibility="private" />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            Save entry
          </button>
          <SavedIndicator state={autosave.state} error={autosave.error} idleText="Your draft is kept on this device as you type." />
        </div>
      </form>
    </FormProvider>
  );
}
