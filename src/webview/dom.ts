// The one way this bundle makes DOM: createElement + textContent. Strings passed as children
// become text nodes, so CSV-derived values can never turn into markup (DESIGN.md §2, habit 4).

/** Attributes and text for a new element; attribute values are set with setAttribute (never parsed as HTML). */
export interface ElementProps {
  className?: string;
  text?: string;
  attrs?: Record<string, string | undefined>;
}

/** Creates an element with props and children (Nodes, or strings as text nodes; null is skipped). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null) node.append(child);
  }
  return node;
}
