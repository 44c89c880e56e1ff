import { Link, useRoute } from 'wouter';

const PLACES = [
  { href: '/', label: 'Today', icon: '☀' },
  { href: '/journal', label: 'Journal', icon: '✎' },
  { href: '/challenge', label: 'My challenge', icon: '◎' },
  { href: '/trials', label: 'Trials', icon: '↻' },
  { href: '/measures', label: 'Measures', icon: '▲' },
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
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {PLACES.map((place) => (
          <NavItem key={place.href} {...place} />
        ))}
      </ul>
    </nav>
  );
}
