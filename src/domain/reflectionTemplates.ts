/**
 * Reflection frameworks the programmes handed participants, offered as entry templates.
 * A template only adds prompts; the free body is always there.
 */
export interface ReflectionPrompt {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
}

export interface ReflectionTemplate {
  readonly id: ReflectionTemplateId;
  readonly name: string;
  readonly prompts: readonly ReflectionPrompt[];
}

export const REFLECTION_TEMPLATE_IDS = [
  'free',
  'learning-cycle',
  'activity-system',
  'school-improvement',
  'what-so-what',
  'gibbs',
] as const;
export type ReflectionTemplateId = (typeof REFLECTION_TEMPLATE_IDS)[number];

export const REFLECTION_TEMPLATES: readonly ReflectionTemplate[] = [
  { id: 'free', name: 'Free writing', prompts: [] },
  {
    id: 'learning-cycle',
    name: 'Learning cycle',
    prompts: [
      { id: 'wentWell', label: 'What went well?', hint: 'Evidence that it worked.' },
      { id: 'notEffective', label: 'What was not effective?', hint: 'What did not move things on.' },
      { id: 'problems', label: 'What problems came up?', hint: 'Obstacles, people, time.' },
      { id: 'learning', label: 'What did I learn?', hint: 'About the strategy and about my leadership.' },
      { id: 'next', label: 'Next step: continue, refine or switch?', hint: 'And why.' },
    ],
  },
  {
    id: 'activity-system',
    name: 'Activity system',
    prompts: [
      { id: 'subject', label: 'Subject — who are you?', hint: 'Your role and stance in this.' },
      { id: 'object', label: 'Object — what do you want to achieve, and why?', hint: '' },
      { id: 'instruments', label: 'Instruments — what resources and ideas do you have, what do you need?', hint: '' },
      { id: 'rules', label: 'Rules — normal pressures and expectations; could these change?', hint: '' },
      { id: 'community', label: 'Community — who else is involved, who could be?', hint: '' },
      { id: 'division', label: 'Division of labour — who does what, how might this shift?', hint: '' },
    ],
  },
  {
    id: 'school-improvement',
    name: 'Review → Plan → Teach → Apply → Assess',
    prompts: [
      { id: 'review', label: 'Review', hint: 'Where are we now?' },
      { id: 'plan', label: 'Plan', hint: 'What will we do?' },
      { id: 'teach', label: 'Teach', hint: 'What was taught or modelled?' },
      { id: 'apply', label: 'Apply', hint: 'How was it put into practice?' },
      { id: 'assess', label: 'Assess', hint: 'What difference did it make?' },
    ],
  },
  {
    id: 'what-so-what',
    name: 'What? So what? Now what?',
    prompts: [
      { id: 'what', label: 'What?', hint: 'What happened?' },
      { id: 'soWhat', label: 'So what?', hint: 'Why does it matter?' },
      { id: 'nowWhat', label: 'Now what?', hint: 'What will I do next?' },
    ],
  },
  {
    id: 'gibbs',
    name: "Gibbs' reflective cycle",
    prompts: [
      { id: 'description', label: 'Description', hint: 'What happened?' },
      { id: 'feelings', label: 'Feelings', hint: 'What were you thinking and feeling?' },
      { id: 'evaluation', label: 'Evaluation', hint: 'What was good and bad about it?' },
      { id: 'analysis', label: 'Analysis', hint: 'What sense can you make of it?' },
      { id: 'conclusion', label: 'Conclusion', hint: 'What else could you have done?' },
      { id: 'actionPlan', label: 'Action plan', hint: 'If it arose again, what would you do?' },
    ],
  },
];

export function getReflectionTemplate(id: string): ReflectionTemplate {
  return REFLECTION_TEMPLATES.find((t) => t.id === id) ?? (REFLECTION_TEMPLATES[0] as ReflectionTemplate);
}
