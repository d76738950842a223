// A role card exactly as a trainee's phone shows it: the trainee screen's own
// component (MyCardTab: public side, then the private side), given the card
// the way the server's projection hands it to its holder.
import { useTranslation } from 'react-i18next';
import type { Role, Scenario } from '../../../../shared/scenario/index.ts';
import { publicScenario } from '../../../../shared/views/scenario-public.ts';
import type { Trainee } from '../../trainee/context.ts';
import { useTraineeKit } from '../trainee-kit.ts';

const unused = () => {
  throw new Error('a preview sends nothing');
};

export function RoleCardPreview({ scenario, role }: { scenario: Scenario; role: Role }) {
  const { t } = useTranslation();
  const kit = useTraineeKit();
  if (!kit) return <p role="status">{t('common.loading')}</p>;
  const { MyCardTab, TraineeContext } = kit;
  // What ownPart (shared/views/live.ts) gives the card's holder: the card, and the handouts addressed to it.
  const value = {
    me: {
      participantId: 'preview',
      name: '',
      card: role,
      handouts: scenario.handouts.filter((h) => h.to !== 'all' && h.to.includes(role.id)),
      tips: [],
      plan: [],
    },
    scenario: publicScenario(scenario),
    item: undefined,
    isChair: role.chair,
    may: unused,
    send: unused,
    show: () => {},
  } as unknown as Trainee;
  return (
    <div className="phone-frame trainee" data-testid={`card-preview-${role.id}`}>
      <TraineeContext.Provider value={value}>
        <MyCardTab />
      </TraineeContext.Provider>
    </div>
  );
}
