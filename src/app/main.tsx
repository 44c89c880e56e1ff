import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRepositories } from './db/createRepositories';
import { RepositoryProvider } from './db/RepositoryContext';
import { SetwiseDatabase } from './db/SetwiseDatabase';
import { AppRoutes } from './AppRoutes';
import { AppLayout } from './shell/AppLayout';
import { UpdatePrompt } from './shell/UpdatePrompt';
import './styles.css';

const database = new SetwiseDatabase();
const repositories = createRepositories(database);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RepositoryProvider repositories={repositories}>
        <AppLayout updatePrompt={<UpdatePrompt />}>
          <AppRoutes />
        </AppLayout>
      </RepositoryProvider>
    </StrictMode>,
  );
}
