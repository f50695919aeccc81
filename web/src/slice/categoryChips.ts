/**
 * @file Category chips: the biggest categories of the current slice with their paper
 * counts, as toggle buttons; pressing one adds it to (or removes it from) the `cat` filter.
 */
const MAX_CHIPS = 14;

export class CategoryChips {
  constructor(private readonly host: HTMLElement, private readonly onToggle: (name: string) => void) {
    host.classList.add('category-chips');
  }

  /** Show `counts` (most first), chosen categories first and always shown. */
  render(counts: ReadonlyArray<{ name: string; count: number }>, chosen: readonly string[]): void {
    const byName = new Map(counts.map((c) => [c.name, c.count]));
    const names = [...chosen, ...counts.map((c) => c.name).filter((name) => !chosen.includes(name))].slice(0, Math.max(MAX_CHIPS, chosen.length));
    this.host.replaceChildren(
      ...names.map((name) => {
        const chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'category-chip';
        chip.dataset.category = name;
        chip.setAttribute('aria-pressed', String(chosen.includes(name)));
        chip.append(name, Object.assign(document.createElement('span'), { className: 'category-chip__count', textContent: (byName.get(name) ?? 0).toLocaleString('en') }));
        chip.addEventListener('click', () => this.onToggle(name));
        return chip;
      }),
    );
  }
}
