// Unit tests run in jsdom with an in-memory IndexedDB (fake-indexeddb), fresh per test file.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
