import type { ChallengeContent } from '../../domain/challenge';
import { themeLabel } from '../../domain/programme';
import { CHALLENGE_FIELD_LABELS } from './challengeText';

interface ChallengeFieldsProps {
  readonly content: ChallengeContent;
  /** h2 on the challenge page; h4 inside a revision of the history. */
  readonly level: 2 | 4;
}

/** Every part of one version of the challenge, each under its own heading. */
export function ChallengeFields({ content, level }: ChallengeFieldsProps) {
  const Heading = level === 2 ? 'h2' : 'h4';
  const notYet = <p className="muted">Not written yet.</p>;
  return (
    <>
      <Heading>{CHALLENGE_FIELD_LABELS.focus}</Heading>
      <p>{content.focus}</p>
      <Heading>{CHALLENGE_FIELD_LABELS.issue}</Heading>
      <p className="prose">{content.issue}</p>
      <Heading>{CHALLENGE_FIELD_LABELS.desiredOutcomes}</Heading>
      {content.desiredOutcomes ? <p className="prose">{content.desiredOutcomes}</p> : notYet}
      <Heading>{CHALLENGE_FIELD_LABELS.baseline}</Heading>
      {content.baseline ? <p className="prose">{content.baseline}</p> : notYet}
      <Heading>{CHALLENGE_FIELD_LABELS.successCriteria}</Heading>
      {content.successCriteria.length > 0 ? (
        <ul>
          {content.successCriteria.map((criterion, index) => (
            <li key={index}>{criterion}</li>
          ))}
        </ul>
      ) : (
        notYet
      )}
      <Heading>{CHALLENGE_FIELD_LABELS.themes}</Heading>
      {content.themes.length > 0 ? (
        <p>
          {content.themes.map((theme) => (
            <span key={theme} className="tag">
              {themeLabel(theme)}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">No themes chosen yet.</p>
      )}
    </>
  );
}
