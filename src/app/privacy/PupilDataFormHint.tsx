import { useFormContext, useWatch, type FieldPath, type FieldValues, type PathValue } from 'react-hook-form';
import { PupilDataHint } from './PupilDataHint';

/**
 * PupilDataHint for a text field of the surrounding react-hook-form form: it reads the field as
 * it is typed and writes a suggestion back with setValue, so the form's own autosave saves it
 * like any edit. Only this small component re-renders per keystroke, not the form.
 */
export function PupilDataFormHint<TValues extends FieldValues>({ name, label }: { readonly name: FieldPath<TValues>; readonly label: string }) {
  const { control, setValue } = useFormContext<TValues>();
  const value: unknown = useWatch({ control, name });
  return (
    <PupilDataHint
      text={typeof value === 'string' ? value : ''}
      label={label}
      onChange={(next) => setValue(name, next as PathValue<TValues, FieldPath<TValues>>, { shouldDirty: true })}
    />
  );
}
