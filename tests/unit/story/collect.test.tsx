import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { collectSteps, Notes, Scrolly, Step } from '../../../src/story';

describe('collectSteps', () => {
  it('lists the Step children in order, splitting prose from speaker notes', () => {
    const children = [
      '\n',
      <Step key="a">
        <p>one</p>
        <Notes>note one</Notes>
      </Step>,
      <p key="x">not a step</p>,
      <Step key="b">
        <p>two</p>
      </Step>,
    ];
    const steps = collectSteps(children);
    expect(steps.map((s) => s.index)).toEqual([0, 1]);
    expect(steps[0].notes).toEqual(['note one']);
    expect(steps[0].content).toHaveLength(1);
    expect(steps[1].notes).toEqual([]);
  });

  it('recognises MDX-mapped copies of Step by their story role', () => {
    function MappedStep(props: { children?: React.ReactNode }) {
      return <Step {...props} />;
    }
    MappedStep.storyRole = 'step' as const;
    expect(collectSteps([<MappedStep key="1">x</MappedStep>])).toHaveLength(1);
  });
});

describe('Scrolly server render', () => {
  it('renders step 0 active, data hooks, hidden notes, linkable steps', () => {
    const html = renderToString(
      <Scrolly figure="no-such-figure">
        <Step>
          <p>first</p>
          <Notes>secret</Notes>
        </Step>
        <Step>
          <p>second</p>
        </Step>
      </Scrolly>,
    );
    expect(html).toContain('data-scrolly="no-such-figure"');
    expect(html).toContain('data-active-step="0"');
    expect(html).toMatch(/id="no-such-figure-step-0" data-step-index="0" data-active="true"/);
    expect(html).toMatch(/data-step-index="1" data-active="false"/);
    expect(html).toMatch(/<aside[^>]*hidden=""[^>]*>secret<\/aside>/);
    // An id without a view (none of the catalogue's, now that every figure has one) renders its prose and no graphic.
    expect(html).not.toContain('scrolly__graphic');
    expect(html).toContain('scrolly--prose-only');
  });
});
