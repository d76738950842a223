import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../home/HomePage.tsx';
import { Shell } from '../ui/Shell.tsx';
import { useRoute } from './router.ts';

// Each screen is its own chunk: a trainee's phone downloads only the trainee's code.
const JoinPage = lazy(() => import('../trainee/JoinPage.tsx'));
const TraineeApp = lazy(() => import('../trainee/TraineeApp.tsx'));
const ObserverApp = lazy(() => import('../observer/ObserverApp.tsx'));
const FacilitatorHome = lazy(() => import('../facilitator/FacilitatorHome.tsx'));
const FacilitatorConsole = lazy(() => import('../facilitator/FacilitatorConsole.tsx'));
const ProjectorApp = lazy(() => import('../projector/ProjectorApp.tsx'));
const DebriefApp = lazy(() => import('../debrief/DebriefApp.tsx'));
const SignInPage = lazy(() => import('../account/SignInPage.tsx'));
const InvitationPage = lazy(() => import('../account/InvitationPage.tsx'));
const AccountPage = lazy(() => import('../account/AccountPage.tsx'));
const AdminAccountsPage = lazy(() => import('../account/AdminAccountsPage.tsx'));
const ExpertHome = lazy(() => import('../account/ExpertHome.tsx'));
const OwnPortfolioPage = lazy(() => import('../portfolio/OwnPortfolioPage.tsx'));
const PersonPortfolioPage = lazy(() => import('../portfolio/PersonPortfolioPage.tsx'));
// The studio carries CodeMirror and the scenario loader: only instructors ever download it.
const StudioApp = lazy(() => import('../studio/StudioApp.tsx'));
// The roster: instructors only, a chunk of its own.
const RosterApp = lazy(() => import('../roster/RosterApp.tsx'));

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const screen = (() => {
    switch (route.name) {
      case 'home':
        return <HomePage />;
      case 'join':
        return <JoinPage code={route.code} />;
      case 'trainee':
        return <TraineeApp />;
      case 'observer':
        return <ObserverApp sessionId={route.sessionId} token={route.token} />;
      case 'facilitator-home':
        return <FacilitatorHome />;
      case 'studio':
        return <StudioApp scenarioId={route.scenarioId} />;
      case 'facilitator':
        return <FacilitatorConsole sessionId={route.sessionId} />;
      case 'sign-in':
        return <SignInPage next={route.next} />;
      case 'invite':
        return <InvitationPage token={route.token} />;
      case 'account':
        return <AccountPage />;
      case 'admin-accounts':
        return <AdminAccountsPage />;
      case 'expert-home':
        return <ExpertHome />;
      case 'roster':
        return <RosterApp badgesOf={route.badgesOf} sessionId={route.sessionId} />;
      case 'projector':
        return <ProjectorApp code={route.code} />;
      case 'portfolio':
        return <OwnPortfolioPage />;
      case 'person-portfolio':
        return <PersonPortfolioPage personId={route.personId} />;
      case 'debrief':
        return <DebriefApp sessionId={route.sessionId} access={route.access} />;
      case 'not-found':
        return (
          <Shell title={t('common.notFound')}>
            <a href="/">{t('common.home')}</a>
          </Shell>
        );
    }
  })();
  return <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>{screen}</Suspense>;
}
