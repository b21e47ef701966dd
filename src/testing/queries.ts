/**
 * Reading the panel as a user does: visible text and controls by role and name, across
 * shadow roots. No test-framework imports: Storybook's play functions use it too.
 */

/** Resolves when `condition` holds, checking every animation frame; rejects after `timeout` ms. */
export async function waitFor(condition: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise(requestAnimationFrame);
  }
}

/** Every element under `root`, descending into open shadow roots and slotted content. */
export function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    if (node.hasAttribute('hidden')) return true;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
  }
  return false;
}

/** The text a user sees (hidden elements and visually-hidden helpers excluded). */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element) {
      if (isHidden(node) || node.classList.contains('visually-hidden')) return;
      if (node.shadowRoot) visit(node.shadowRoot);
      if (node instanceof HTMLSlotElement) {
        for (const assigned of node.assignedNodes()) visit(assigned);
        return;
      }
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const IMPLICIT_ROLES: Record<string, string> = {
  BUTTON: 'button',
  A: 'link',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  DIALOG: 'dialog',
  SELECT: 'combobox',
  SECTION: 'region',
  UL: 'list',
  LI: 'listitem',
  METER: 'meter',
};

/** Inputs whose role is not their type. */
const INPUT_ROLES: Record<string, string> = { number: 'spinbutton', text: 'textbox', search: 'searchbox', range: 'slider' };

export function roleOf(element: Element): string | undefined {
  const input = element instanceof HTMLInputElement ? (INPUT_ROLES[element.type] ?? element.type) : undefined;
  return element.getAttribute('role') ?? IMPLICIT_ROLES[element.tagName] ?? input;
}

/** The accessible name, as far as these tests need it: aria-label, aria-labelledby, or text. */
export function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = element.getRootNode() as Document | ShadowRoot;
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (element instanceof HTMLInputElement && element.labels?.[0]) return element.labels[0].textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function queryAllByRole(root: Element, role: string, name?: string | RegExp): Element[] {
  return allElements(root).filter((element) => {
    if (roleOf(element) !== role || isHidden(element)) return false;
    if (name === undefined) return true;
    const actual = nameOf(element);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

export function getByRole<T extends Element = HTMLElement>(root: Element, role: string, name?: string | RegExp): T {
  const found = queryAllByRole(root, role, name);
  if (found.length !== 1) {
    const names = queryAllByRole(root, role).map(nameOf);
    throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}; ${role}s: ${JSON.stringify(names)}`);
  }
  return found[0] as T;
}

export async function findByRole<T extends Element = HTMLElement>(root: Element, role: string, name?: string | RegExp): Promise<T> {
  await waitFor(() => queryAllByRole(root, role, name).length === 1, `${role} ${String(name)}`);
  return getByRole<T>(root, role, name);
}

/** Waits until the visible text contains `text`. */
export async function findText(root: Element, text: string | RegExp, timeout = 5000): Promise<void> {
  const has = () => (typeof text === 'string' ? visibleText(root).includes(text) : text.test(visibleText(root)));
  await waitFor(has, `text ${String(text)}; seen: ${visibleText(root).slice(0, 300)}`, timeout);
}
