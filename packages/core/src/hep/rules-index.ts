/**
 * `@pxm/core/hep-rules`: the exercise-program rules that views loaded on demand use (how often an
 * exercise is done, the streak), without the schemas. `@pxm/core/hep` exports
 * them too, beside the schemas; a lazily loaded module that imported that entry would make
 * bundlers split the schemas' validation library out of the page's first chunk.
 */
export { frequencyKind, type FrequencyKind } from './frequency.js';
export { computeStreak, programStreak, type Streak } from './streak.js';
