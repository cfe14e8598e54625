package optpar.process;

/**
 * A child process that could not start, failed, or ran past its time bound. The message is one
 * sentence naming the command, followed by the child's last output lines.
 */
public final class ChildProcessException extends IllegalStateException {
    public ChildProcessException(String message) {
        super(message);
    }

    public ChildProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
