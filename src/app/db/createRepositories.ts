import { createChallengeRepository } from './repositories/challengeRepository';
import { createCoachingRepository } from './repositories/coachingRepository';
import { createCohortRepository } from './repositories/cohortRepository';
import { createCommentRepository } from './repositories/commentRepository';
import { createDiagnosticRepository } from './repositories/diagnosticRepository';
import { createDeviceRepository } from './repositories/deviceRepository';
import { createDirectoryRepository } from './repositories/directoryRepository';
import { createDraftRepository } from './repositories/draftRepository';
import { createExportRepository } from './repositories/exportRepository';
import { createLogEntryRepository } from './repositories/logEntryRepository';
import { createMeasureRepository } from './repositories/measureRepository';
import { createMeetingRepository } from './repositories/meetingRepository';
import { createPhotoRepository } from './repositories/photoRepository';
import { createPosterRepository } from './repositories/posterRepository';
import { createRestoreRepository } from './repositories/restoreRepository';
import { createSearchRepository } from './repositories/searchRepository';
import { createTimelineRepository } from './repositories/timelineRepository';
import { createTrialRepository } from './repositories/trialRepository';
import type { SetwiseDatabase } from './SetwiseDatabase';

/** The typed local core the UI talks to; nothing outside src/app/db sees Dexie. */
export function createRepositories(db: SetwiseDatabase) {
  return {
    logEntries: createLogEntryRepository(db),
    challenge: createChallengeRepository(db),
    trials: createTrialRepository(db),
    measures: createMeasureRepository(db),
    photos: createPhotoRepository(db),
    drafts: createDraftRepository(db),
    device: createDeviceRepository(db),
    directory: createDirectoryRepository(db),
    coaching: createCoachingRepository(db),
    cohort: createCohortRepository(db),
    meetings: createMeetingRepository(db),
    comments: createCommentRepository(db),
    writingExport: createExportRepository(db),
    restore: createRestoreRepository(db),
    posters: createPosterRepository(db),
    timeline: createTimelineRepository(db),
    search: createSearchRepository(db),
    diagnostics: createDiagnosticRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
