export { TableOfContents, type TocEntry } from './TableOfContents';
export { ReadingProgress, readingFraction } from './ReadingProgress';
export { ThemeToggle } from './ThemeToggle';
export { SkipLink } from './SkipLink';
export { useActiveSection, activeIndex } from './useActiveSection';
export * from './theme';
