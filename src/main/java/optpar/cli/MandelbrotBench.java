package optpar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import optpar.measure.Sweep;
import optpar.python.PythonVariant;

/**
 * {@code bench mandelbrot}: the Java and C variants ({@link MandelbrotVariants}) and the lecture's
 * Python ({@link PythonVariant#mandelbrot()}); size = WxH, param = maxIter.
 */
final class MandelbrotBench extends BenchProblem {
    @Override public String name() { return "mandelbrot"; }

    @Override public List<String> options() { return List.of("--width", "--height", "--iters"); }

    @Override
    public List<Variant> variants() {
        List<Variant> vs = new ArrayList<>();
        for (MandelbrotKernel k : MandelbrotVariants.all()) vs.add(new Variant(k.name(), k.description(), k.parallel(), k.available(), "not available here"));
        for (PythonVariant v : PythonVariant.mandelbrot()) vs.add(new Variant(v.name(), v.description(), v.parallel(), v.available(), v.unavailableReason()));
        return vs;
    }

    @Override
    public List<String> names() {
        List<String> n = new ArrayList<>(MandelbrotVariants.all().stream().map(MandelbrotKernel::name).toList());
        n.addAll(PythonVariant.mandelbrot().stream().map(PythonVariant::name).toList());
        return n;
    }

    static MandelbrotProblem problem(BenchOptions o) {
        return new MandelbrotProblem(o.width(), o.height(), o.iters());
    }

    @Override public String size(BenchOptions o) { return o.width() + "x" + o.height(); }

    @Override public String param(BenchOptions o, Sweep.Measurement m) { return Integer.toString(o.iters()); }

    /** Two count images. */
    @Override public double bytesNeeded(BenchOptions o) { return 2.0 * Integer.BYTES * o.width() * (double) o.height(); }

    @Override public String title(BenchOptions o) { return Sweep.mandelbrot(problem(o)).title(); }

    @Override
    public void measure(BenchOptions o, List<String> chosen, Consumer<String> notes, Consumer<Sweep.Measurement> onRow) {
        sweep(Sweep.mandelbrot(problem(o)), o, chosen, notes, onRow);
    }
}
