/**
 * `<Value of="devices.ibm_boston.twoQubitError" format="sci:2"/>`: a number quoted in the prose, taken
 * from content/data/*.json or a figure's model at build time. The remark plugin validates the key and
 * writes the formatted text into the `text` prop, so this renders plain static markup: no hooks, no
 * effects, nothing to hydrate.
 */
export interface ValueProps {
  of?: string;
  format?: string;
  scale?: string;
  /** Written by the build (src/mdx/remark-content.ts); never by hand. */
  text?: string;
}

export function Value({ of, text }: ValueProps) {
  if (text === undefined)
    throw new Error(`<Value of="${of ?? ''}"> was not resolved at build time (is the content plugin installed?)`);
  return <span data-value={of}>{text}</span>;
}
