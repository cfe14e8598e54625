package optpar.kernel;

/**
 * Thrown by the stop checks in a cell's code after the learner pressed Interrupt.
 *
 * <p>An {@link Error}, not an exception, so that a cell's {@code catch (Exception e)} does not
 * swallow it and loop on. It carries no stack trace: nobody needs to read where a busy loop was.
 */
public final class CellInterrupted extends Error {
    public CellInterrupted() {
        super("interrupted", null, false, false);
    }
}
