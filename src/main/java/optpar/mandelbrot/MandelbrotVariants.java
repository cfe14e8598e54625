package optpar.mandelbrot;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every Mandelbrot variant of the course, in teaching order, with lookup by name
 * (the CLI's {@code --impl}, the notebooks' tables).
 *
 * <pre>{@code
 * for (MandelbrotKernel k : MandelbrotVariants.all()) System.out.println(k.name() + ": " + k.description());
 * MandelbrotKernel v = MandelbrotVariants.byName("scalar");
 * }</pre>
 */
public final class MandelbrotVariants {
    private MandelbrotVariants() {}

    /** All variants, the reference first. */
    public static List<MandelbrotKernel> all() {
        return List.of(new ScalarMandelbrot(), new ThreadsMandelbrot(), new ExecutorMandelbrot(),
                new ForkJoinMandelbrot(), new StreamMandelbrot(), new VectorMandelbrot(),
                new VectorThreadsMandelbrot(), new NativeMandelbrot(), new NativeOmpMandelbrot(), new NativeSimdMandelbrot());
    }

    /** The variant called {@code name}; a one-line error listing the allowed names otherwise. */
    public static MandelbrotKernel byName(String name) {
        return all().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Mandelbrot variant '" + name
                        + "'; allowed: " + names()));
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return all().stream().map(MandelbrotKernel::name).collect(Collectors.joining(", "));
    }
}
