/**
 * Exercises that check themselves: one class per lesson ({@code Ex01} .. {@code Ex13}), one field per
 * exercise, each with {@code check(...)}, {@code hint()} and {@code solution()}.
 *
 * <pre>{@code
 * Ex10.one.check(this::parallelHeat);   // right on fresh random inputs? fast enough on this machine?
 * Ex10.one.hint();                      // the next hint
 * Ex10.one.solution();                  // the solution's code, from notebooks/solutions/10-...-solutions.ipynb
 * Course.progress()                     // what you solved so far (~/.optpar/progress.json)
 * }</pre>
 *
 * <p>How a check works: {@link optpar.exercises.Trials} runs your code on fresh random inputs (the seed
 * is printed) against the course's reference, smallest first; {@link optpar.exercises.Bounded} gives every
 * call a time bound, so an exception, an endless loop or a {@code null} is one line and the kernel stays
 * usable; {@link optpar.exercises.Speed} judges a speed target against a reference measured in the same
 * check on this machine; concept answers are compared with a tolerance and explained.
 */
package optpar.exercises;
