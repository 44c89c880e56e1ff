import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { PreparedPhoto } from '../db/repositories/photoRepository';
import { useRepositories } from '../db/RepositoryContext';
import { NEW_ENTRY_DRAFT_KEY, NEW_ENTRY_PHOTOS_DRAFT_KEY } from './draftKeys';
import { parseEntryDraft, type EntryFormValues } from './entryForm';

function isPreparedPhoto(value: unknown): value is PreparedPhoto {
  if (typeof value !== 'object' || value === null) return false;
  const photo = value as Record<string, unknown>;
  return photo.blob instanceof Blob && typeof photo.width === 'number' && typeof photo.height === 'number';
}

/**
 * Restores the autosaved new-entry draft (text and photos) into the form once, on mount.
 * `loaded` turns true afterwards so autosaving never overwrites a draft before it was read;
 * `stored` is what the device held then (undefined: no draft), so words typed before the read
 * finished are saved rather than taken for what was already there. Such words are also never
 * replaced by the stored draft: what the person is typing wins.
 */
export function useNewEntryDraft(form: UseFormReturn<EntryFormValues>) {
  const repositories = useRepositories();
  const [loaded, setLoaded] = useState(false);
  const [stored, setStored] = useState<EntryFormValues | undefined>(undefined);
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([repositories.drafts.get(NEW_ENTRY_DRAFT_KEY), repositories.drafts.get(NEW_ENTRY_PHOTOS_DRAFT_KEY)]).then(
      ([draft, draftPhotos]) => {
        if (cancelled) return;
        const typedAlready = JSON.stringify(form.getValues()) !== JSON.stringify(form.formState.defaultValues);
        if (draft !== undefined) {
          const restored = parseEntryDraft(draft);
          setStored(restored);
          if (!typedAlready) form.reset(restored);
        }
        if (Array.isArray(draftPhotos)) setPhotos(draftPhotos.filter(isPreparedPhoto));
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [repositories, form]);

  async function updatePhotos(next: PreparedPhoto[]) {
    setPhotos(next);
    await repositories.drafts.put(NEW_ENTRY_PHOTOS_DRAFT_KEY, next);
  }

  return { loaded, stored, photos, updatePhotos };
}
