/**
 * Measuring for the notebooks: time code honestly ({@link optpar.measure.Timing}), sweep variants
 * over thread counts into a table ({@link optpar.measure.Sweep}), fit Amdahl's law
 * ({@link optpar.measure.Amdahl}), measure the memory bandwidth ({@link optpar.measure.BandwidthProbe})
 * and draw it all ({@link optpar.measure.Charts}).
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(Course.size(1500, 300), Course.size(1000, 200), 100);
 * Table t = Sweep.mandelbrot(p).threads(Course.threads(1, 2, 4)).run();
 * Charts.speedup(t);
 * }</pre>
 */
package optpar.measure;
