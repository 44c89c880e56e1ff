import { toSegments, type HighlightedText } from './highlight';

/** Text with the matched words in <mark> (read out as they are; the marks are visual). */
export function Highlighted({ value }: { readonly value: HighlightedText }) {
  return (
    <>
      {toSegments(value).map((segment, position) =>
        segment.match ? <mark key={position}>{segment.text}</mark> : <span key={position}>{segment.text}</span>,
      )}
    </>
  );
}
