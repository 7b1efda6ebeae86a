/** A minimal SVG element tree, serialised with attribute and text escaping. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: Array<SvgNode | string>;
}

/** Builds an element. */
export function el(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: Array<SvgNode | string>
): SvgNode {
  return { tag, attrs, children };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Serialises an element tree to SVG/XML text. */
export function serialise(node: SvgNode | string): string {
  if (typeof node === "string") return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(serialise).join("")}</${node.tag}>`;
}

/** A log10 scale from a domain to a pixel range. */
export function logScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain.map(Math.log10) as [number, number];
  return (v) => range[0] + ((Math.log10(v) - d0) / (d1 - d0 || 1)) * (range[1] - range[0]);
}

/** Powers of ten within a domain, for log-axis ticks. */
export function decadeTicks(domain: [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(domain[0])); e <= Math.ceil(Math.log10(domain[1])); e++) {
    const v = 10 ** e;
    if (v >= domain[0] && v <= domain[1]) ticks.push(v);
  }
  return ticks;
}
