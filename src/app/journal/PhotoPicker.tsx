import { useId, useState } from 'react';
import { checkPhotoFile } from '../../domain/photo';
import type { PreparedPhoto } from '../db/repositories/photoRepository';
import { PhotoReminder } from '../privacy/PhotoReminder';
import { preparePhoto } from './preparePhoto';

/**
 * "Add a photo": opens the camera or the photo library. Each file is checked (is it a photo,
 * is it too big), scaled down on the device, then handed to `onAdd`. Refused files get a
 * reason in plain words; nothing else on the form is touched.
 */
export function PhotoPicker({ onAdd }: { onAdd: (photo: PreparedPhoto) => Promise<void> }) {
  const inputId = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function handleFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    for (const file of Array.from(files)) {
      const problem = checkPhotoFile(file);
      if (problem) {
        found.push(problem);
        continue;
      }
      try {
        await onAdd(await preparePhoto(file));
      } catch (error) {
        found.push(error instanceof Error ? error.message : `"${file.name}" could not be added.`);
      }
    }
    setProblems(found);
    setBusy(false);
  }

  return (
    <div className="photo-picker">
      <label htmlFor={inputId} className="button">
        {busy ? 'Adding photo…' : 'Add a photo'}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/*"
        multiple
        aria-describedby={`${inputId}-reminder`}
        onChange={(event) => {
          void handleFiles(event.target.files);
          event.target.value = '';
        }}
      />
      <PhotoReminder id={`${inputId}-reminder`} />
      {problems.length > 0 ? (
        <ul className="field__error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
