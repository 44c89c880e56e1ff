import { createChallengeRepository } from './repositories/challengeRepository';
import { createCoachingRepository } from './repositories/coachingRepository';
import { createCohortRepository } from './repositories/cohortRepository';
import { createCommentRepository } from './repositories/commentRepository';
import { createDeviceRepository } from './repositories/deviceRepository';
import { createDirectoryRepository } from './repositories/directoryRepository';
import { createDraftRepository } from './repositories/draftRepository';
import { createExportRepository } from './repositories/exportRepository';
import { createLogEntryRepository } from './repositories/logEntryRepository';
import { createMeasureRepository } from './repositories/measureRepository';
import { createMeetingRepository } from './repositories/meetingRepository';
import { createPhotoRepository } from './repositories/photoRepository';
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
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
