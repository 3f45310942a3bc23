/** Sheet tabs as an ARIA tab list: click or arrow keys pick a sheet; only the active tab is in the Tab order. */
export function renderTabs(
  list: HTMLElement,
  names: string[],
  active: string,
  panelId: string,
  pick: (name: string) => void,
): void {
  const tabs = names.map((name) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "sheet-tab";
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panelId);
    tab.setAttribute("aria-selected", String(name === active));
    tab.tabIndex = name === active ? 0 : -1;
    tab.dataset.sheet = name;
    tab.textContent = name;
    tab.addEventListener("click", () => pick(name));
    return tab;
  });
  list.replaceChildren(...tabs);
  list.onkeydown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const at = tabs.findIndex((t) => t === document.activeElement);
    if (step === 0 || at < 0) return;
    event.preventDefault();
    const next = tabs[(at + step + tabs.length) % tabs.length];
    if (!next) return; // cannot be: `at` found a tab, and the index wraps within the list
    pick(next.dataset.sheet ?? "");
    list.querySelector<HTMLElement>(`[aria-selected="true"]`)?.focus();
  };
}
