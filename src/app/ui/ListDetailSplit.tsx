import type { ReactNode } from 'react';
import { Link } from 'wouter';

interface ListDetailSplitProps {
  /** Id prefix and the hidden heading of the list, e.g. "trial" / "Your trials". */
  readonly idPrefix: string;
  readonly listHeading: string;
  readonly list: ReactNode;
  readonly selectedId: string | null | undefined;
  readonly detail: ReactNode;
  /** "← All trials": shown above the detail where list and detail do not fit side by side. */
  readonly backLabel: string;
  readonly placeholder: string;
  /** Give the open item most of the width (long working documents such as meeting notes). */
  readonly wideDetail?: boolean;
}

/**
 * The list beside the open item in landscape; in portrait and on phones, the open item alone
 * with a way back to the list (styles.css: .split, .split--detail-open).
 */
export function ListDetailSplit({ idPrefix, listHeading, list, selectedId, detail, backLabel, placeholder, wideDetail = false }: ListDetailSplitProps) {
  const classes = ['split', selectedId ? 'split--detail-open' : '', wideDetail ? 'split--wide-detail' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <section className="split__list" aria-labelledby={`${idPrefix}-list-heading`}>
        <h2 id={`${idPrefix}-list-heading`} className="visually-hidden">
          {listHeading}
        </h2>
        {list}
      </section>
      {selectedId ? (
        <div>
          <Link href="/" className="split__back">
            {backLabel}
          </Link>
          {detail}
        </div>
      ) : (
        <p className="split__placeholder muted">{placeholder}</p>
      )}
    </div>
  );
}
