import { useState } from 'react';
import type { Photo } from '../../domain/photo';
import { useRepositories } from '../db/RepositoryContext';
import { PupilDataHint } from '../privacy/PupilDataHint';
import { describedBy, Field } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosave } from '../ui/useAutosave';
import './photoCaption.css';

const MAX_CAPTION_CHARS = 500;

/**
 * A saved photo's caption (also its text alternative), saved as it is typed, with the
 * pupil-data hint under it: captions are where a pupil's name on their work tends to be copied.
 */
export function PhotoCaptionField({ photo, index }: { readonly photo: Photo; readonly index: number }) {
  const repositories = useRepositories();
  const [caption, setCaption] = useState(photo.caption);
  const autosave = useAutosave(caption, (latest) => repositories.photos.setCaption(photo.id, latest));
  const id = `photo-caption-${photo.id}`;
  const label = `Caption for photo ${index + 1}`;
  return (
    <div className="photo-caption">
      <Field id={id} label={label} hint="What it shows, e.g. the Year 2 working wall.">
        <input
          id={id}
          type="text"
          maxLength={MAX_CAPTION_CHARS}
          value={caption}
          aria-describedby={describedBy(id, 'hint')}
          onChange={(event) => setCaption(event.target.value)}
        />
        <PupilDataHint text={caption} onChange={setCaption} label={label} />
      </Field>
      <SavedIndicator state={autosave.state} error={autosave.error} />
    </div>
  );
}
