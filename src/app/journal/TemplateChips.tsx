import { REFLECTION_TEMPLATES, type ReflectionTemplateId } from '../../domain/reflectionTemplates';

/** The reflection frameworks as chips; choosing one adds its prompts below the entry. */
export function TemplateChips({ value, onChange }: { value: ReflectionTemplateId; onChange: (id: ReflectionTemplateId) => void }) {
  return (
    <div role="group" aria-label="Reflection template">
      <ul className="chips">
        {REFLECTION_TEMPLATES.map((template) => (
          <li key={template.id}>
            <button type="button" className="chip" aria-pressed={value === template.id} onClick={() => onChange(template.id)}>
              {template.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
