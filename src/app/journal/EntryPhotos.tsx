import type { Photo } from '../../domain/photo';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { BlobImage } from './BlobImage';
import { PhotoCaptionField } from './PhotoCaptionField';
import { PhotoPicker } from './PhotoPicker';

function SavedPhoto({ photo, index }: { photo: Photo; index: number }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const blob = useLive((repos) => repos.photos.blob(photo.sha256), [photo.sha256]);
  return (
    <li>
      <figure>
        <BlobImage blob={blob} alt={photo.caption || `Photo ${index + 1}`} />
        <PhotoCaptionField photo={photo} index={index} />
        <button
          type="button"
          className="button button--quiet"
          onClick={async () => {
            await repositories.photos.remove(photo.id);
            showToast({ message: 'Photo removed', actionLabel: 'Undo', onAction: () => repositories.photos.restore(photo.id) });
          }}
        >
          Remove photo {index + 1}
        </button>
      </figure>
    </li>
  );
}

/** Photos of a saved entry: shown, added (saved at once) and removed with undo. */
export function EntryPhotos({ entryId }: { entryId: string }) {
  const repositories = useRepositories();
  const photos = useLive((repos) => repos.photos.listForEntry(entryId), [entryId]) ?? [];
  return (
    <section aria-label="Photos">
      {photos.length > 0 ? (
        <ul className="photo-strip">
          {photos.map((photo, index) => (
            <SavedPhoto key={photo.id} photo={photo} index={index} />
          ))}
        </ul>
      ) : null}
      <PhotoPicker
        onAdd={async (prepared) => {
          await repositories.photos.add(entryId, prepared);
        }}
      />
    </section>
  );
}
