package optpar.cli;

import java.util.List;
import java.util.function.Consumer;
import optpar.measure.Sweep;

/**
 * A variant the bench CLI runs outside this JVM, such as the heat solver over MPI ranks
 * ({@code --impl mpi --ranks 1,2,4}, issue 6): it starts its own processes, times them and hands
 * back rows for the same CSV. Register it in {@link ExternalVariants#all()}.
 *
 * <pre>{@code
 * public final class MpiHeat implements ExternalVariant {
 *     public String problem() { return "heat"; }
 *     public String name() { return "mpi"; }
 *     ...
 *     public List<Sweep.Measurement> run(BenchOptions o, Consumer<String> notes) {
 *         // for each rank count in o.ranks(): mpirun ... with a time bound, parse its time and checksum
 *     }
 * }
 * }</pre>
 */
public interface ExternalVariant {
    /** The problem it solves: "heat" or "mandelbrot". */
    String problem();

    /** Its {@code --impl} name. */
    String name();

    /** One line on what it teaches (shown by {@code --impl list}). */
    String description();

    /** Whether it can run here (e.g. mpirun is installed); when false the CLI skips it with a note. */
    boolean available();

    /**
     * Refuses options it cannot run with (e.g. more ranks than the grid has rows) with an
     * {@link IllegalArgumentException} saying what is allowed. Called before anything is measured.
     */
    default void check(BenchOptions options) {}

    /**
     * Measures it with the options given (sizes, {@link BenchOptions#ranks()} or threads, repeats) and
     * returns one row per count; the {@code threads} of a row is the number of ranks or processes.
     * Every child process must have a time bound. A failure at run time (a process that fails or
     * exceeds its bound) is an exception with a one-line message; the CLI prints it and exits with 1.
     */
    List<Sweep.Measurement> run(BenchOptions options, Consumer<String> notes);

    /**
     * The options a row was measured with, for its CSV line: the options given, unless the variant
     * changed the problem per row (weak scaling grows the grid with the ranks).
     */
    default BenchOptions optionsOf(BenchOptions options, Sweep.Measurement row) {
        return options;
    }
}
