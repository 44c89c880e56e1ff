import type { UseFormRegister } from 'react-hook-form';
import { THEMES } from '../../domain/programme';
import { FieldGroup } from '../ui/FieldGroup';
import type { ChallengeFormValues } from './challengeFormSchema';

/** The programme's six themes as checkboxes: tick every one the challenge touches. */
export function ThemePicker({ register }: { readonly register: UseFormRegister<ChallengeFormValues> }) {
  return (
    <FieldGroup id="challenge-themes" legend="Themes" hint="Tick the programme themes your challenge touches.">
      {THEMES.map((theme) => (
        <label key={theme.id} className="choice">
          <input type="checkbox" value={theme.id} {...register('themes')} />
          {theme.label}
        </label>
      ))}
    </FieldGroup>
  );
}
