package optpar.cli;

import java.util.List;

/**
 * The variants the bench CLI runs in other processes ({@link ExternalVariant}): the heat solver on
 * MPI ranks ({@link MpiHeatVariant}).
 *
 * <pre>{@code
 * ExternalVariants.forProblem("heat");   // [mpi]
 * }</pre>
 */
public final class ExternalVariants {
    private ExternalVariants() {}

    /** Every external variant. */
    public static List<ExternalVariant> all() {
        return List.of(new MpiHeatVariant());
    }

    /** The external variants of one problem. */
    public static List<ExternalVariant> forProblem(String problem) {
        return all().stream().filter(v -> v.problem().equals(problem)).toList();
    }
}
