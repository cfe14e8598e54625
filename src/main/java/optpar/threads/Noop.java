package optpar.threads;

/** A program that does nothing: what {@link StartCost#childJvm} starts, to time a JVM's start alone. */
public final class Noop {
    private Noop() {}

    public static void main(String[] args) {
        // nothing: the cost measured is the JVM's own start and exit
    }
}
