import type { LeadershipChallenge } from '../../../domain/challenge';
import { newId } from '../../../domain/ids';
import { applyOverrides, buildPoster, type PosterSources, type PosterView } from '../../../domain/review/buildPoster';
import {
  POSTER_SECTIONS,
  POSTER_SIZES,
  posterContentSchema,
  type Poster,
  type PosterSection,
  type PosterSize,
} from '../../../domain/review/poster';
import { strategyTrialSchema } from '../../../domain/strategyTrial';
import { isLive, LOCAL_OWNER, VISIBILITIES, type Visibility } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';

const NO_POSTER = 'There is no poster on this device yet: make it first.';

/** What the poster page shows: nothing to build from, not made yet, or the poster itself. */
export type PosterPageData =
  | { readonly state: 'no-challenge' }
  | { readonly state: 'not-made'; readonly challenge: LeadershipChallenge }
  | { readonly state: 'made'; readonly poster: Poster; readonly view: PosterView };

function oldestFirst<T extends { createdAt: string; id: string }>(a: T, b: T): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** A live record of this person's own (or written before they signed in). */
function ownedBy(me: string) {
  return (record: { owner: string; deletedAt?: string | null }) => isLive(record) && (record.owner === me || record.owner === LOCAL_OWNER);
}

function checkSection(section: PosterSection): PosterSection {
  if (!POSTER_SECTIONS.includes(section)) throw new Error(`No poster section ${String(section)}`);
  return section;
}

/**
 * The impact poster: built from the participant's own records; what they write over a section
 * is kept on the poster record alone (its `overrides`), so editing the poster never changes
 * the challenge, trials or measures it was built from.
 */
export function createPosterRepository(db: SetwiseDatabase) {
  /**
   * Everything the poster is built from, in one go. Every read starts at once and the only
   * await is their Promise.all, so a live query keeps tracking all of them.
   */
  async function read(): Promise<{ sources: Omit<PosterSources, 'measureIds'> | null; poster: Poster | undefined }> {
    const [me, challenges, trials, measures, readings, posters] = await Promise.all([
      getOwner(db),
      db.challenges.toArray(),
      db.trials.toArray(),
      db.measures.toArray(),
      db.readings.toArray(),
      db.posters.toArray(),
    ]);
    const mine = ownedBy(me);
    const poster = posters.filter(mine).sort(oldestFirst)[0];
    // The participant's challenge as "My challenge" shows it: their own, the first made.
    const challenge = challenges.filter(mine).sort(oldestFirst)[0];
    if (!challenge) return { sources: null, poster };
    const ownMeasures = measures.filter(mine);
    const measureIds = new Set(ownMeasures.map((measure) => measure.id));
    return {
      poster,
      sources: {
        challenge,
        trials: trials.filter(mine).map((trial) => strategyTrialSchema.parse(trial)),
        measures: ownMeasures,
        readings: readings.filter((reading) => isLive(reading) && measureIds.has(reading.measureId)),
      },
    };
  }

  /** The person's own poster alone (for writes: their transaction holds only `posters`). */
  async function ownPoster(): Promise<Poster | undefined> {
    const [me, posters] = await Promise.all([getOwner(db), db.posters.toArray()]);
    return posters.filter(ownedBy(me)).sort(oldestFirst)[0];
  }

  type PosterFields = Partial<Pick<Poster, 'overrides' | 'size' | 'visibility' | 'title'>>;

  /** Changes some of the poster's own fields, and nothing else: not a record it was built from. */
  async function change(edit: (poster: Poster) => PosterFields): Promise<Poster> {
    return db.transaction('rw', [db.posters, db.outbox, db.meta], async () => {
      const poster = await ownPoster();
      if (!poster) throw new Error(NO_POSTER);
      const wanted = edit(poster);
      const mask = Object.fromEntries(Object.keys(wanted).map((key) => [key, true])) as Partial<Record<keyof PosterFields, true>>;
      const content = posterContentSchema.pick(mask).parse(wanted) as PosterFields;
      const changed = Object.fromEntries(
        Object.entries(content).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(poster[key as keyof PosterFields])),
      );
      if (Object.keys(changed).length === 0) return poster;
      return writeRecordChange<Poster>(db, { table: 'posters', recordId: poster.id, fields: changed });
    });
  }

  /** The person's own poster, if they have made one (the first made, should two devices both have). */
  async function current(): Promise<Poster | undefined> {
    return (await read()).poster;
  }

  return {
    current,

    /** The poster page in one live read: what it is built from, and the person's own words over it. */
    async page(): Promise<PosterPageData> {
      const { sources, poster } = await read();
      if (!sources) return { state: 'no-challenge' };
      if (!poster) return { state: 'not-made', challenge: sources.challenge };
      const built = buildPoster({ ...sources, measureIds: poster.measureIds });
      return { state: 'made', poster, view: applyOverrides(built, poster.overrides, poster.title) };
    },

    /** The one tap: makes the poster if there is none yet (private, A4), and returns it. */
    async build(): Promise<Poster> {
      return db.transaction('rw', [db.posters, db.outbox, db.meta, db.challenges, db.trials, db.measures, db.readings], async () => {
        const { sources, poster } = await read();
        if (poster) return poster;
        if (!sources) throw new Error('Write your challenge first: the poster is built from it.');
        return writeRecordChange<Poster>(db, { table: 'posters', recordId: newId(), fields: posterContentSchema.parse({}), create: true });
      });
    },

    /** The person's own words for a section, in place of what the records say. */
    async setOverride(section: PosterSection, text: string): Promise<Poster> {
      const key = checkSection(section);
      return change((poster) => ({ overrides: { ...poster.overrides, [key]: text } }));
    },

    /** "Back to what my records say": drops the section's own words. */
    async clearOverride(section: PosterSection): Promise<Poster> {
      const key = checkSection(section);
      return change((poster) => ({ overrides: Object.fromEntries(Object.entries(poster.overrides).filter(([name]) => name !== key)) }));
    },

    async setSize(size: PosterSize): Promise<Poster> {
      if (!POSTER_SIZES.includes(size)) throw new Error(`No poster size ${String(size)}`);
      return change(() => ({ size }));
    },

    async setTitle(title: string): Promise<Poster> {
      return change(() => ({ title }));
    },

    /** Who can see the poster (only its author may change it). */
    async setVisibility(visibility: Visibility): Promise<Poster> {
      if (!VISIBILITIES.includes(visibility)) throw new Error(`No visibility ${String(visibility)}`);
      return change(() => ({ visibility }));
    },
  };
}
export type PosterRepository = ReturnType<typeof createPosterRepository>;
