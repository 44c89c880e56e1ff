import type { ReactNode } from 'react';
import { describedBy } from './Field';

interface FieldGroupProps {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly children: ReactNode;
}

/**
 * A group of related controls (radio chips, checkboxes, a list of inputs) under one legend,
 * with an optional hint and an inline error, like Field does for a single control.
 */
export function FieldGroup({ id, legend, hint, error, children }: FieldGroupProps) {
  return (
    <fieldset id={id} className={error ? 'field field--error' : 'field'} aria-describedby={describedBy(id, hint, error)}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
