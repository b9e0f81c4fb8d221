/** The step, title and step label a host (FigureHost) passes to a figure view, for tests that render a view alone. */
import { catalogEntry } from '../../../src/figures/catalog';
import { entryViewProps } from '../../../src/story/figure-registry';

export const hostProps = (id: string, step: number) => entryViewProps(id, catalogEntry(id), step);
