/**
 * Measuring for the notebooks: time code honestly ({@link optpar.measure.Timing}), sweep variants
 * over thread counts into a table ({@link optpar.measure.Sweep}), fit Amdahl's law
 * ({@link optpar.measure.Amdahl}), measure the memory bandwidth ({@link optpar.measure.BandwidthProbe}),
 * draw it all ({@link optpar.measure.Charts} for plots, {@link optpar.measure.Pictures} for the heat map
 * and the Mandelbrot image, {@link optpar.measure.Formats} for the numbers on them), read the hardware
 * ({@link optpar.measure.Machine}), and judge the lesson's expectations on the measurement
 * ({@link optpar.measure.Claim}) and the results' correctness ({@link optpar.measure.Check}).
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(Course.size(1500, 300), Course.size(1000, 200), 100);
 * Table t = Sweep.mandelbrot(p).threads(Course.threads(1, 2, 4)).run();
 * Charts.speedup(t);
 * }</pre>
 */
package optpar.measure;
