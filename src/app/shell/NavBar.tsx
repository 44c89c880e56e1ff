import { Link, useRoute } from 'wouter';
import { useAccountStore } from '../account/accountStore';
import { useLive } from '../db/useLiveRecords';

const PLACES = [
  { href: '/', label: 'Today', icon: '☀' },
  { href: '/journal', label: 'Journal', icon: '✎' },
  { href: '/search', label: 'Search', icon: '⌕' },
  { href: '/challenge', label: 'My challenge', icon: '◎' },
  { href: '/trials', label: 'Trials', icon: '↻' },
  { href: '/measures', label: 'Measures', icon: '▲' },
  { href: '/set', label: 'My set', icon: '◍' },
  { href: '/timeline', label: 'Timeline', icon: '☰' },
  { href: '/coaching', label: 'Coaching', icon: '◐' },
  { href: '/cohort', label: 'Cohort', icon: '▦' },
  { href: '/poster', label: 'Poster', icon: '▣' },
  { href: '/settings', label: 'Settings', icon: '⚙' },
] as const;

function NavItem({ href, label, icon }: { href: string; label: string; icon: string }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const active = exact || (href !== '/' && nested);
  return (
    <li>
      <Link href={href} className={active ? 'nav__link nav__link--active' : 'nav__link'} aria-current={active ? 'page' : undefined}>
        <span className="nav__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="nav__label">{label}</span>
      </Link>
    </li>
  );
}

/** The app's places, always with words (no icon-only controls). */
export function NavBar() {
  // Coaching is a place only for someone who coaches or has a coach.
  const inCoaching = useLive((r) => r.coaching.isInCoaching()) === true;
  // Cohort is the programme coordinator's place.
  const isCoordinator = useAccountStore((state) => state.account?.roles.includes('coordinator') ?? false);
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {PLACES.filter((place) => (place.href !== '/coaching' || inCoaching) && (place.href !== '/cohort' || isCoordinator)).map((place) => (
          <NavItem key={place.href} {...place} />
        ))}
      </ul>
    </nav>
  );
}
