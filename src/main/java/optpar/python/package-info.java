/**
 * The lecture's own Python, run beside the Java variants: {@link optpar.python.Python} (Debian's
 * interpreter, its modules, the scripts copied from the resources) and
 * {@link optpar.python.PythonVariant} (the Mandelbrot and heat scripts as variants of the sweeps,
 * timed inside Python, checked against the Java reference).
 */
package optpar.python;
