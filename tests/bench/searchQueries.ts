// The queries both search benchmarks time: whole words and the first letters of words, as typed.
export const QUERIES = [
  'phonics', 'phon', 'learning walk', 'learn', 'SENCO', 'sen', 'attendance', 'atten', 'moderation', 'moder',
  'pupil voice', 'pup', 'behaviour', 'behav', 'transition', 'trans', 'home visit', 'hom', 'working wall', 'work',
  'feedback', 'feed', 'INSET', 'ins', 'marking', 'mark', 'questioning', 'quest', 'lesson study', 'less',
  'coaching conversation', 'coach', 'reading buddies', 'read', 'data drop', 'dat', 'change team', 'chan', 'Year 2', 'KS1',
  'parents evening', 'paren', 'filmed lesson', 'film', 'went well', 'noticed', 'worried', 'pleased', 'delegation', 'diagnostic',
];
