/**
 * Replacements for plain Markdown elements in content: headings that link to themselves (ids are
 * assigned at build time, see annotate.ts) and tables that scroll sideways on narrow screens instead
 * of widening the page.
 */
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { pageHref } from '../site/address';

type HeadingProps = ComponentPropsWithoutRef<'h2'> & { 'data-anchor'?: string; children?: ReactNode };

function heading(Tag: 'h2' | 'h3' | 'h4') {
  function Heading({ id, children, 'data-anchor': anchor, ...rest }: HeadingProps) {
    const target = anchor ?? id;
    return (
      <Tag id={id} {...rest}>
        {target ? (
          <a className="heading-link" href={`#${target}`}>
            {children}
          </a>
        ) : (
          children
        )}
      </Tag>
    );
  }
  Heading.displayName = `Content${Tag.toUpperCase()}`;
  return Heading;
}

export const H2 = heading('h2');
export const H3 = heading('h3');
export const H4 = heading('h4');

export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/** A Markdown link: a site path (`/check`) is resolved under the base path the site is deployed at. */
export function Anchor({ href, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const resolved = href && href.startsWith('/') && !href.startsWith('//') ? pageHref(href) : href;
  return <a href={resolved} {...rest} />;
}
