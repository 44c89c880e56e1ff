import { Link, Route, Switch, useLocation } from 'wouter';
import { PageHeader } from '../ui/PageHeader';
import { EntryEditor } from './EntryEditor';
import { LogList } from './LogList';
import { QuickCapture } from './QuickCapture';

/** The leadership log: the list beside the open entry (or a new one) in landscape. */
export function JournalPage() {
  const [, navigate] = useLocation();
  return (
    <>
      <PageHeader
        title="Journal"
        actions={
          <Link href="/new" className="button button--primary">
            New entry
          </Link>
        }
      />
      <div className="split split--detail-first">
        <section className="split__detail" aria-label="Entry">
          <Switch>
            <Route path="/new">
              <QuickCapture autoFocus onSaved={(entry) => navigate(`/${entry.id}`)} />
            </Route>
            <Route path="/:id">{(params) => <EntryEditor entryId={params.id} />}</Route>
            <Route>
              <QuickCapture />
            </Route>
          </Switch>
        </section>
        <section className="split__list" aria-label="Your entries">
          <h2 className="visually-hidden">Your entries</h2>
          <LogList />
        </section>
      </div>
    </>
  );
}
