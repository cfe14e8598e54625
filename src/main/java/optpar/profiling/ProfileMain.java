package optpar.profiling;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./course profile [OPTIONS] CLASS [ARGS...]}: records a main class of the course (or any
 * class on its classpath) and writes its flame graph, for learners who profile their own code
 * outside a notebook.
 * <pre>
 * ./course profile optpar.profiling.SlowAnalysis 3000         # CPU, repeated for at least 1 s
 * ./course profile --alloc profiling.SlowAnalysis 3000        # allocations ("optpar." may be left out)
 * ./course profile --once --all-threads optpar.jit.TimedKernel mandelbrot scalar 600 400 100 1 5
 * </pre>
 * Writes {@code flame.html} (interactive), {@code flame.png}, {@code flame.collapsed} (for any
 * flame graph tool) and {@code flame.properties} into the folder it names (default
 * {@code profiles/CLASS-TIME}), prints the sample count, the profiler used and the hottest frames.
 * Unless {@code --once}, the main runs unrecorded for half of {@code --seconds} first (warm-up).
 * Stops the program after {@code --timeout} seconds (default 300). A program that calls
 * {@code System.exit} ends the JVM before the profile is written: give it a main that returns.
 */
public final class ProfileMain {
    private ProfileMain() {}

    /** The base name of the files written. */
    public static final String NAME = "flame";

    static final String USAGE = "usage: ./course profile [--alloc] [--seconds S | --once] [--profiler auto|async|jfr|safepoint] [--warm-up S] "
            + "[--all-threads] [--out DIR] [--title T] [--timeout S] CLASS [ARGS...]";

    /** The parsed command line. */
    record Options(boolean allocation, double seconds, boolean once, Profiler profiler, boolean allThreads, Path out,
                   String title, int timeoutSeconds, String mainClass, List<String> args, boolean quiet, double warmUp) {

        static Options parse(String... argv) {
            boolean alloc = false, once = false, all = false, quiet = false;
            double seconds = 1, warmUp = -1;
            Profiler profiler = Profiler.AUTO;
            Path out = null;
            String title = null;
            int timeout = 300;
            int i = 0;
            for (; i < argv.length && argv[i].startsWith("--"); i++) {
                String a = argv[i];
                switch (a) {
                    case "--alloc" -> alloc = true;
                    case "--once" -> once = true;
                    case "--all-threads" -> all = true;
                    case "--quiet" -> quiet = true;
                    case "--seconds" -> seconds = number(a, value(argv, ++i, a), 0.01, 600);
                    case "--warm-up" -> warmUp = number(a, value(argv, ++i, a), 0, 600);
                    case "--timeout" -> timeout = (int) number(a, value(argv, ++i, a), 1, 86_400);
                    case "--profiler" -> profiler = Profiler.parse(value(argv, ++i, a));
                    case "--out" -> out = Path.of(value(argv, ++i, a));
                    case "--title" -> title = value(argv, ++i, a);
                    case "--help" -> throw new IllegalArgumentException(USAGE);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
                }
            }
            if (i >= argv.length) throw new IllegalArgumentException("no class to profile; " + USAGE);
            String cls = argv[i];
            List<String> rest = List.of(Arrays.copyOfRange(argv, i + 1, argv.length));
            return new Options(alloc, seconds, once, profiler, all, out, title, timeout, cls, rest, quiet, warmUp);
        }

        private static String value(String[] argv, int i, String option) {
            if (i >= argv.length) throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            return argv[i];
        }

        private static double number(String option, String v, double min, double max) {
            try {
                double d = Double.parseDouble(v);
                if (d >= min && d <= max) return d;
            } catch (NumberFormatException e) { /* said below */ }
            throw new IllegalArgumentException(option + " " + v + " is not allowed; use a number from " + min + " to " + max);
        }
    }

    /** The public static main(String[]) of a class, tried as given and with "optpar." in front. */
    static Method mainOf(String name) {
        Class<?> c = null;
        for (String candidate : name.startsWith("optpar.") ? List.of(name) : List.of(name, "optpar." + name)) {
            try {
                c = Class.forName(candidate, false, ProfileMain.class.getClassLoader());
                break;
            } catch (ClassNotFoundException | LinkageError e) { /* try the next */ }
        }
        if (c == null) throw new IllegalArgumentException("class '" + name + "' not found on the course's classpath (give its full name, e.g. optpar.profiling.SlowAnalysis)");
        try {
            Method m = c.getMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) throw new NoSuchMethodException();
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("class " + c.getName() + " has no public static void main(String[] args) to profile");
        }
    }

    public static void main(String[] argv) {
        Options o;
        Method main;
        if (argv.length == 1 && (argv[0].equals("--help") || argv[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        try {
            o = Options.parse(argv);
            main = mainOf(o.mainClass());
        } catch (IllegalArgumentException e) {
            System.err.println("profile: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path out = o.out() != null ? o.out() : Path.of("profiles", main.getDeclaringClass().getSimpleName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(o.timeoutSeconds()));
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("profile: " + main.getDeclaringClass().getName() + " did not finish within "
                    + o.timeoutSeconds() + " s; stopped (no profile written; use --once, smaller arguments or a larger --timeout)");
            Runtime.getRuntime().halt(3);
        });
        String[] args = o.args().toArray(String[]::new);
        Runnable work = () -> {
            try {
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        String title = o.title() != null ? o.title()
                : main.getDeclaringClass().getSimpleName() + (o.args().isEmpty() ? "" : " " + String.join(" ", o.args()))
                  + (o.allocation() ? " (allocations)" : " (CPU)");
        Profile.Options p = Profile.options().title(title).profiler(o.profiler()).quiet();
        if (o.allThreads()) p.allThreads();
        // --once: one call, however short (the minimum time is then the shortest allowed)
        p.minTime(o.once() ? Duration.ofMillis(10) : Duration.ofMillis((long) (o.seconds() * 1000)));
        if (o.once()) p.warmUp(Duration.ZERO);
        else if (o.warmUp() >= 0) p.warmUp(Duration.ofMillis((long) (o.warmUp() * 1000)));
        FlameGraph g;
        try {
            g = o.allocation() ? p.allocations(work) : p.cpu(work);
        } catch (RuntimeException e) {
            System.err.println("profile: " + main.getDeclaringClass().getName() + " failed: " + e);
            System.exit(1);
            return;
        }
        watchdog.interrupt();
        // Start the stacks at the program's main: the reflective call into it is the harness, not the program.
        String mainFrame = main.getDeclaringClass().getName() + ".main";
        CollapsedStacks fromMain = g.stacks().from(f -> FrameKind.plainName(f).equals(mainFrame));
        g = new FlameGraph(g.title(), fromMain, g.allocation(), g.samples(), g.seconds(), g.calls(), g.allocatedBytes(), g.profiler(), g.warnings());
        List<Path> written = g.save(out, NAME);
        if (!o.quiet()) {
            System.out.println(g.summary());
            System.out.println(g.top(10).print());
            List<String> paths = new ArrayList<>();
            for (Path w : written) paths.add(w.toAbsolutePath().toString());
            System.out.println(String.format(Locale.ROOT, "flame graph: %s%n            %s (static)%nstacks:      %s",
                    paths.get(0), paths.get(1), paths.get(2)));
        }
    }
}
