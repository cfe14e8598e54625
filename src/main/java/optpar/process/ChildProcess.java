package optpar.process;

import optpar.Course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The course's one way to run a child process: a command, a time bound, output to files, and the
 * whole process tree stopped at the deadline.
 *
 * <p>Why files and not pipes: a child that prints more than a pipe holds (64 KiB on Linux) blocks
 * until someone reads it; a parent that waits for the child before reading never reads, and both
 * hang. Writing to files can never block. Why the whole tree: {@code mpirun}, {@code sbatch} or a
 * shell start children of their own; killing only the parent leaves them running.
 *
 * <pre>{@code
 * ChildProcess.Result r = ChildProcess.of("gcc", "--version").timeout(Duration.ofSeconds(10)).run();
 * r.requireSuccess();                       // throws with the exit code and the last lines printed
 * System.out.println(r.stdout().getFirst()); // gcc (Debian 12.2.0-14) 12.2.0
 *
 * // a child JVM like this one, each line shown as it arrives
 * ChildProcess.of(ChildProcess.javaCommand(List.of("-Xint"), "optpar.jit.TimedKernel", "mandelbrot"))
 *         .timeout(Duration.ofMinutes(1)).onLine(System.out::println).run().requireSuccess();
 * }</pre>
 *
 * <p>The calling thread's interrupt (the notebook's Interrupt button) stops the child's tree too.
 */
public final class ChildProcess {
    /** The bound used when none is given: long enough for a demo, short enough to never hold a test. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final int LAST_LINES = 12;

    private final List<String> command;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Path directory;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Consumer<String> onLine;
    private String input;
    private boolean piped;

    private ChildProcess(List<String> command) {
        if (command == null || command.isEmpty() || command.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a child process needs a command: a program and its arguments, none of them null");
        }
        this.command = List.copyOf(command);
    }

    /** A child process that will run {@code command} (the program first, then its arguments). */
    public static ChildProcess of(List<String> command) {
        return new ChildProcess(command);
    }

    /** A child process that will run {@code program} with {@code args}. */
    public static ChildProcess of(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(List.of(args));
        return new ChildProcess(cmd);
    }

    /** The command line of a child JVM like this one (same Java, classpath and course options); see {@link Course#javaCommand}. */
    public static List<String> javaCommand(List<String> extraJvmOptions, String mainClass, String... args) {
        return Course.javaCommand(extraJvmOptions, mainClass, args);
    }

    /** At most this long; then the child and all its descendants are stopped. */
    public ChildProcess timeout(Duration bound) {
        if (bound == null || bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("timeout " + bound + " is not allowed: give a positive duration, e.g. Duration.ofSeconds(30)");
        }
        this.timeout = bound;
        return this;
    }

    /** The working folder of the child (default: this process's). */
    public ChildProcess directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** One environment variable added to (or replacing one of) this process's environment. */
    public ChildProcess env(String key, String value) {
        env.put(Objects.requireNonNull(key, "env key"), Objects.requireNonNull(value, "env value for " + key));
        return this;
    }

    /** Every line the child prints (stdout and stderr, stderr lines prefixed by nothing), as it arrives, within about 0.1 s. */
    public ChildProcess onLine(Consumer<String> sink) {
        this.onLine = sink;
        return this;
    }

    /** Text fed to the child's standard input (then closed). */
    public ChildProcess input(String text) {
        this.input = text;
        return this;
    }

    /**
     * The child's stdin and stdout become pipes to this JVM ({@link Running#stdin()}, {@link Running#stdout()}),
     * for a request/answer protocol with a long-lived worker started by {@link #start()}; stderr still
     * goes to a file. The caller must keep reading stdout while the child writes (a worker that answers
     * each request does); for anything else leave the output to files.
     */
    public ChildProcess pipedStdio() {
        this.piped = true;
        return this;
    }

    /** The command this runs, for messages. */
    public String commandLine() {
        return String.join(" ", command);
    }

    /**
     * Runs the child to its end or to the time bound.
     *
     * @return what it printed and its exit code (check it with {@link Result#requireSuccess()})
     * @throws ChildProcessException when it cannot start, runs past its bound, or the caller is interrupted
     */
    public Result run() {
        if (piped) throw new IllegalStateException("run() waits for the end; a piped child needs start() and a reader");
        Running running = start();
        try {
            return running.waitFor(timeout);
        } finally {
            running.stopTree();
            running.deleteFiles();
        }
    }

    /** Starts the child and returns at once: for long-lived children (daemons, cluster members). */
    public Running start() {
        try {
            Path out = Files.createTempFile("optpar-child", ".out");
            Path err = Files.createTempFile("optpar-child", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            if (!piped) pb.redirectOutput(out.toFile());
            if (directory != null) pb.directory(directory.toFile());
            pb.environment().putAll(env);
            if (input == null && !piped) pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (input != null) {
                try (var in = p.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Running(this, p, out, err, System.nanoTime());
        } catch (IOException e) {
            throw new ChildProcessException("could not start '" + commandLine() + "': " + e.getMessage()
                    + " (is " + command.getFirst() + " installed and on PATH?)", e);
        }
    }

    /** What a finished child printed, its exit code and how long it ran. */
    public record Result(String commandLine, int exitCode, List<String> stdout, List<String> stderr, Duration elapsed) {
        /** True when the child exited with status 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }

        /**
         * This result when the child exited with 0.
         *
         * @throws ChildProcessException naming the command, the exit code and the child's last lines
         */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new ChildProcessException("'" + shorten(commandLine) + "' exited with code " + exitCode
                        + " after " + seconds(elapsed) + lastLines(stdout, stderr));
            }
            return this;
        }

        /** stdout then stderr, as one list of lines. */
        public List<String> allLines() {
            List<String> all = new ArrayList<>(stdout);
            all.addAll(stderr);
            return all;
        }
    }

    /**
     * A started child: wait for it with a bound, or stop it. {@link #close()} (try-with-resources)
     * kills what is left of its tree and deletes its output files.
     */
    public static final class Running implements AutoCloseable {
        private final ChildProcess spec;
        private final Process process;
        private final Path out, err;
        private final long startNanos;
        private long outRead, errRead;
        private final StringBuilder outPartial = new StringBuilder(), errPartial = new StringBuilder();

        private Running(ChildProcess spec, Process process, Path out, Path err, long startNanos) {
            this.spec = spec;
            this.process = process;
            this.out = out;
            this.err = err;
            this.startNanos = startNanos;
        }

        /** The operating system's id of the child. */
        public long pid() {
            return process.pid();
        }

        /** The operating system's handle of the child (pid, alive?, descendants). */
        public ProcessHandle handle() {
            return process.toHandle();
        }

        /** True while the child runs. */
        public boolean isAlive() {
            return process.isAlive();
        }

        /**
         * The exit code of a child that has ended.
         *
         * @throws IllegalStateException while it still runs
         */
        public int exitCode() {
            if (process.isAlive()) throw new IllegalStateException("'" + shorten(spec.commandLine()) + "' is still running");
            return process.exitValue();
        }

        /** The pipe to the child's stdin (only with {@link ChildProcess#pipedStdio()}). */
        public java.io.OutputStream stdin() {
            requirePiped();
            return process.getOutputStream();
        }

        /** The pipe from the child's stdout (only with {@link ChildProcess#pipedStdio()}). */
        public java.io.InputStream stdout() {
            requirePiped();
            return process.getInputStream();
        }

        private void requirePiped() {
            if (!spec.piped) throw new IllegalStateException("the child's output goes to files: ask for pipes with pipedStdio() before start()");
        }

        /** Kills the child and all its descendants at once (SIGKILL, no goodbye), as a machine that loses power. */
        public void kill() {
            stopTree();
        }

        /** Kills what is left of the child's tree and deletes its output files. Safe to call twice. */
        @Override
        public void close() {
            stopTree();
            deleteFiles();
        }

        /**
         * Waits at most {@code bound} for the child to end.
         *
         * @throws ChildProcessException when it does not end in time (it is stopped, with its tree) or the caller is interrupted
         */
        public Result waitFor(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (process.waitFor(Math.max(0, Math.min(left, 100_000_000L)), TimeUnit.NANOSECONDS)) break;
                    pump();
                    if (System.nanoTime() >= deadline) {
                        stopTree();
                        throw new ChildProcessException("'" + shorten(spec.commandLine()) + "' did not finish within "
                                + seconds(bound) + "; it was stopped" + lastLines(read(out), read(err)));
                    }
                }
            } catch (InterruptedException e) {
                stopTree();
                Thread.currentThread().interrupt();
                throw new ChildProcessException("interrupted while waiting for '" + shorten(spec.commandLine()) + "'; it was stopped", e);
            }
            pump();
            flushPartials();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return new Result(spec.commandLine(), process.exitValue(), read(out), read(err), elapsed);
        }

        /** Asks the child and its descendants to end (SIGTERM), waits up to {@code grace}, then kills what is left. */
        public void stop(Duration grace) {
            List<ProcessHandle> tree = tree();
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + grace.toNanos();
            for (ProcessHandle h : tree) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception ignored) {
                    // still alive after the grace: killed below
                }
            }
            stopTree();
        }

        /** The lines the child has printed so far (stdout then stderr). */
        public List<String> linesSoFar() {
            List<String> all = new ArrayList<>(read(out));
            all.addAll(read(err));
            return all;
        }

        private List<ProcessHandle> tree() {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(process.toHandle());
            process.toHandle().descendants().forEach(tree::add);
            return tree;
        }

        private void stopTree() {
            // descendants first: once the parent is gone they are re-parented and harder to find
            List<ProcessHandle> tree = tree();
            for (int i = tree.size() - 1; i >= 0; i--) tree.get(i).destroyForcibly();
            // a killed process is gone only once reaped: wait (bounded) so callers see no survivors
            long deadline = System.nanoTime() + 5_000_000_000L;
            for (ProcessHandle h : tree) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception ignored) {
                    // not reaped in time (an orphan waits for init): nothing more we can do
                }
            }
        }

        private void deleteFiles() {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }

        /** Hands new complete lines to the line sink, if there is one. */
        private void pump() {
            if (spec.onLine == null) return;
            outRead = pumpFile(out, outRead, outPartial);
            errRead = pumpFile(err, errRead, errPartial);
        }

        private long pumpFile(Path file, long from, StringBuilder partial) {
            try (var ch = java.nio.channels.FileChannel.open(file)) {
                long size = ch.size();
                if (size <= from) return from;
                var buf = java.nio.ByteBuffer.allocate((int) Math.min(size - from, 1 << 20));
                ch.read(buf, from);
                partial.append(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    spec.onLine.accept(partial.substring(0, nl));
                    partial.delete(0, nl + 1);
                }
                return from + buf.position();
            } catch (IOException e) {
                return from;
            }
        }

        private void flushPartials() {
            if (spec.onLine == null) return;
            if (!outPartial.isEmpty()) spec.onLine.accept(outPartial.toString());
            if (!errPartial.isEmpty()) spec.onLine.accept(errPartial.toString());
            outPartial.setLength(0);
            errPartial.setLength(0);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                return List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n"));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            return List.of();
        }
    }

    static String lastLines(List<String> stdout, List<String> stderr) {
        List<String> lines = new ArrayList<>();
        for (String l : stdout) if (!l.isBlank()) lines.add(l);
        for (String l : stderr) if (!l.isBlank()) lines.add(l);
        if (lines.isEmpty()) return " (it printed nothing)";
        List<String> tail = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
        return "; its last lines:\n  " + String.join("\n  ", tail);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static String shorten(String commandLine) {
        return commandLine.length() <= 200 ? commandLine : commandLine.substring(0, 197) + "...";
    }
}
