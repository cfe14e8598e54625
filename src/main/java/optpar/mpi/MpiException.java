package optpar.mpi;

/**
 * An MPI call failed, Open MPI is missing, or a run of ranks went wrong. The message is one line that
 * says what failed and, where it can, what to do about it.
 */
public class MpiException extends RuntimeException {
    public MpiException(String message) {
        super(message);
    }

    public MpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
