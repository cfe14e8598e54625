package optpar.cli;

import java.util.List;

/**
 * The variants the bench CLI runs in other processes ({@link ExternalVariant}). None yet: the MPI
 * heat solver of issue 6 goes here.
 *
 * <pre>{@code
 * ExternalVariants.forProblem("heat");   // e.g. [mpi] once issue 6 adds it
 * }</pre>
 */
public final class ExternalVariants {
    private ExternalVariants() {}

    /** Every external variant. */
    public static List<ExternalVariant> all() {
        return List.of();
    }

    /** The external variants of one problem. */
    public static List<ExternalVariant> forProblem(String problem) {
        return all().stream().filter(v -> v.problem().equals(problem)).toList();
    }
}
