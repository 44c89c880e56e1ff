import type { ReactNode } from 'react';
import { ToastHost } from '../ui/ToastHost';
import { AppNoticeBanner } from './AppNoticeBanner';
import { NavBar } from './NavBar';
import { StatusLine } from './StatusLine';

/** Tablet-first frame: nav at the side in landscape, at the foot in portrait and on phones. */
export function AppLayout({ children, updatePrompt }: { children: ReactNode; updatePrompt?: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="app__bar">
        <span className="app__name">Setwise</span>
        <StatusLine />
      </header>
      <NavBar />
      <main id="content" className="app__content" tabIndex={-1}>
        {children}
      </main>
      {updatePrompt}
      <AppNoticeBanner />
      <ToastHost />
    </div>
  );
}
