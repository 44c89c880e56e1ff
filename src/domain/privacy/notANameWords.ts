/**
 * Capitalised words that follow "pupil", "Year 4" and the like in school writing without being
 * anyone's name: funding and bodies ("Pupil Premium", "Student Council", "Child Protection"),
 * titles of adults ("Mrs", "Dr"), roles, subjects, events, topics and days. A run of capitalised
 * words stops at the first of these, so "Year 5 Forest School" leaves one word — not a name.
 *
 * Kept as a plain list so that anyone can read why something was (not) flagged, and add a word.
 * Lower case; compared with a word's lower-case form.
 */
/** Titles: whoever they come before is an adult. */
const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'prof', 'professor', 'rev', 'reverend', 'lady', 'lord', 'madam',
]);

export const NOT_A_NAME_WORDS: ReadonlySet<string> = new Set([
  ...TITLES,
  // Adult roles.
  'head', 'headteacher', 'deputy', 'assistant', 'teacher', 'teachers', 'teaching', 'tutor', 'tutors', 'mentor', 'mentors',
  'manager', 'officer', 'coordinator', 'co-ordinator', 'governor', 'governors', 'principal', 'chair', 'caretaker',
  'secretary', 'bursar', 'administrator', 'lead', 'leader', 'leaders', 'leadership', 'staff', 'adviser', 'advisor',
  // Funding, bodies, services and plans.
  'premium', 'council', 'voice', 'parliament', 'protection', 'support', 'services', 'service', 'progress', 'tracker',
  'tracking', 'passport', 'profile', 'profiles', 'panel', 'referral', 'unit', 'centre', 'center', 'development',
  'benefit', 'health', 'care', 'record', 'records', 'data', 'information', 'plan', 'plans', 'policy', 'policies',
  'funding', 'grant', 'allocation', 'safeguarding', 'wellbeing', 'welfare', 'mental', 'finance', 'union', 'exchange',
  'missing', 'looked', 'sexual', 'exploitation', 'criminal', 'abuse', 'neglect', 'poverty', 'act', 'guidance',
  'trust', 'academy', 'school', 'schools', 'college', 'primary', 'secondary', 'infant', 'infants', 'junior', 'juniors',
  'high', 'nursery', 'reception', 'class', 'classes', 'group', 'groups',
  'team', 'teams', 'club', 'clubs', 'forum', 'committee', 'board', 'ambassador', 'ambassadors', 'champion',
  'champions', 'prefect', 'prefects', 'captain', 'captains', 'buddy', 'buddies', 'guides', 'scouts', 'brigade',
  // Meetings, assessment and documents.
  'meeting', 'meetings', 'review', 'reviews', 'assessment', 'assessments', 'attendance', 'behaviour', 'behavior',
  'conference', 'conferences', 'survey', 'surveys', 'questionnaire', 'award', 'awards', 'programme', 'program',
  'intervention', 'interventions', 'booster', 'catch', 'tutoring', 'test', 'tests', 'exam', 'exams', 'mock', 'mocks',
  'results', 'result', 'report', 'reports', 'census', 'check', 'screening', 'moderation', 'targets', 'target',
  'book', 'books', 'work', 'working', 'wall', 'walls', 'display', 'displays', 'lesson', 'lessons', 'library', 'hall',
  'room', 'office', 'playground', 'transition', 'induction', 'leavers', 'open', 'parents', 'parent', 'families',
  'family', 'carers', 'carer', 'key', 'stage', 'learning', 'pupil', 'pupils', 'child', 'children', 'student',
  'students', 'learner', 'learners', 'boy', 'boys', 'girl', 'girls', 'year', 'years', 'sen', 'send',
  // Subjects.
  'english', 'maths', 'mathematics', 'math', 'science', 'history', 'geography', 'music', 'art', 'computing', 'french',
  'spanish', 'german', 'latin', 'reading', 'writing', 'phonics', 'spelling', 'spellings', 'grammar', 'drama', 'dance',
  'design', 'technology', 'religious', 'education', 'physical', 'citizenship', 'biology', 'chemistry', 'physics',
  'economics', 'multiplication', 'tables', 'times', 'football', 'netball', 'rugby', 'cricket', 'hockey', 'athletics',
  'swimming', 'gymnastics', 'basketball', 'tennis', 'choir', 'orchestra', 'band',
  // Events, seasons, topics and days.
  'assembly', 'assemblies', 'trip', 'trips', 'residential', 'visit', 'visits', 'show', 'play', 'nativity', 'concert',
  'production', 'performance', 'sports', 'day', 'days', 'week', 'weeks', 'evening', 'morning', 'afternoon', 'lunch',
  'lunchtime', 'playtime', 'break', 'time', 'half', 'term', 'christmas', 'easter', 'summer', 'autumn', 'spring',
  'winter', 'age', 'ancient', 'great', 'world', 'war', 'romans', 'vikings', 'tudors', 'victorians', 'egyptians',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday',
  // Small words that start a sentence or a clause.
  'the', 'and', 'but', 'then', 'this', 'that', 'these', 'those', 'they', 'their', 'she', 'her', 'his', 'he', 'we',
  'our', 'my', 'all', 'some', 'every', 'each', 'also', 'again', 'next', 'last', 'first', 'only', 'just',
]);

const bare = (word: string) => word.replace(/['’]s$/u, '').toLowerCase();

/** True when `word` (as written, perhaps with a possessive "’s") is one of the words above. */
export function isNotAName(word: string): boolean {
  return NOT_A_NAME_WORDS.has(bare(word));
}

/** True when `word` is a title such as "Mrs" or "Dr". */
export function isTitle(word: string): boolean {
  return TITLES.has(bare(word));
}
