import { useState } from 'react';
import { toIsoDate } from '../../domain/dates';
import type { LearningSet } from '../../domain/sets/learningSet';
import { isActiveMembership, type Membership } from '../../domain/sets/membership';
import { useRepositories } from '../db/RepositoryContext';
import { useToastStore } from '../ui/toastStore';
import { memberStatusText, roleTitle } from './cohortText';
import { MoveMemberForm } from './MoveMemberForm';
import { WithdrawMemberForm } from './WithdrawMemberForm';
import { FormError } from '../ui/FormError';

interface MemberRowProps {
  readonly member: Membership;
  readonly sets: LearningSet[];
  /** Replaces the role line, e.g. "Coach to Priya Shah". */
  readonly detail?: string;
}

type Panel = 'move' | 'withdraw' | null;

/** One person: name, role and status, with "Move to set…" and "Mark withdrawn" (or "Reinstate"). */
export function MemberRow({ member, sets, detail }: MemberRowProps) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  const active = isActiveMembership(member);
  const otherSets = sets.filter((set) => set.id !== member.setId);
  const canMove = member.role !== 'coach' && otherSets.length > 0;

  async function reinstate() {
    setError(null);
    try {
      await repositories.cohort.reinstateMember(member.id);
      showToast({ message: `${member.displayName} is active again.` });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  return (
    <li className={active ? 'cohort-member' : 'cohort-member cohort-member--withdrawn'}>
      <div className="cohort-member__facts">
        <strong>{member.displayName}</strong>
        <span className="record-list__meta">
          {detail ?? roleTitle(member.role)} · <span className="cohort-member__status">{memberStatusText(member)}</span>
        </span>
      </div>
      {panel === null ? (
        <div className="button-row">
          {canMove ? (
            <button type="button" className="button" onClick={() => setPanel('move')} aria-label={`Move ${member.displayName} to another set`}>
              Move to set…
            </button>
          ) : null}
          {active ? (
            <button type="button" className="button" onClick={() => setPanel('withdraw')} aria-label={`Mark ${member.displayName} withdrawn`}>
              Mark withdrawn
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void reinstate()} aria-label={`Reinstate ${member.displayName}`}>
              Reinstate
            </button>
          )}
        </div>
      ) : null}
      {panel === 'move' ? (
        <MoveMemberForm
          member={member}
          sets={otherSets}
          onMoved={(set) => {
            setPanel(null);
            showToast({ message: `${member.displayName} moved to ${set.name}.` });
          }}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel === 'withdraw' ? (
        <WithdrawMemberForm
          member={member}
          today={toIsoDate(new Date())}
          onWithdrawn={() => {
            setPanel(null);
            showToast({
              message: `${member.displayName} marked withdrawn.`,
              actionLabel: 'Undo',
              onAction: async () => {
                await repositories.cohort.reinstateMember(member.id);
              },
            });
          }}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      <FormError message={error} />
    </li>
  );
}
