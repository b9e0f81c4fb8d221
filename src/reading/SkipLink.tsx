/** First focusable element on the page: jumps past the header and contents to the article. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      Skip to the article
    </a>
  );
}
