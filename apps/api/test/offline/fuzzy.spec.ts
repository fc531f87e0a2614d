import { describe, expect, test } from '@jest/globals';
import { editDistance, isTypoOf, sameWord } from '../../src/agent/offline/fuzzy.js';
import { closestTasks, matchTasks } from '../../src/agent/offline/task-matching.js';

describe('typo tolerance', () => {
  test('a swap of two neighbouring letters is one edit (Damerau-Levenshtein)', () => {
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('short words must be exact; longer ones may be one or two letters off', () => {
    expect(isTypoOf('park', 'mark')).toBe(false);
    expect(isTypoOf('remnd', 'remind')).toBe(true);
    expect(isTypoOf('tommorow', 'tomorrow')).toBe(true);
    expect(isTypoOf('complex', 'complete')).toBe(false);
  });

  test('inflections are the same word', () => {
    expect(sameWord('called', 'call')).toBe(true);
    expect(sameWord('bills', 'bill')).toBe(true);
  });
});

describe('finding tasks by words', () => {
  const tasks = [
    { number: 1, title: 'Water the plants' },
    { number: 2, title: 'water filter' },
    { number: 3, title: 'plant tomatoes' },
  ];

  test('an exact title wins over titles that merely contain the words', () => {
    expect(matchTasks('the water filter', tasks).map((task) => task.number)).toEqual([2]);
    expect(matchTasks('water', tasks).map((task) => task.number)).toEqual([1, 2]);
    expect(matchTasks('watre plants', tasks).map((task) => task.number)).toEqual([1]);
  });

  test('nothing matching: the closest titles first, unrelated ones left out', () => {
    expect(closestTasks('plant seeds', tasks).map((task) => task.number)).toEqual([3, 1]);
    expect(closestTasks('zebra', tasks)).toEqual([]);
  });
});
