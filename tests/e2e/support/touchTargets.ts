import type { Page } from 'playwright-core';

/** Visible interactive elements smaller than 44 px in either direction (inline text links excepted). */
export async function smallTouchTargets(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, label.button')) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      if (element.classList.contains('visually-hidden') || element.closest('.visually-hidden')) continue;
      // A link inside a sentence is exempt (WCAG 2.5.8 inline exception).
      if (element.tagName === 'A' && style.display === 'inline' && element.closest('p')) continue;
      // Checkboxes and radios count by their label, which is the real target.
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        const label = element.closest('label');
        const box = label?.getBoundingClientRect();
        if (box && box.height >= 44) continue;
      }
      if (rect.height < 43.5 || rect.width < 43.5) {
        small.push(`${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return small;
  });
}
