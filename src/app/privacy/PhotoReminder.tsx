import './privacy.css';

/** Said beside "Add a photo", before the camera opens: the moment a reminder can still help. */
export const PHOTO_REMINDER =
  "Avoid photographing pupils' faces or names on work — photograph the work, the display or the room instead.";

/** The reminder about pupils in photos; `id` lets the photo button point to it (aria-describedby). */
export function PhotoReminder({ id }: { readonly id?: string }) {
  return (
    <p id={id} className="muted photo-reminder">
      {PHOTO_REMINDER}
    </p>
  );
}
