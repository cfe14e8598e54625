package optpar;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every notebook asks first: how big should the demo be, on how many threads, and
 * how do I start another JVM like this one.
 *
 * <p>The tests run every notebook in a <em>quick mode</em> ({@code OPTPAR_QUICK=1}) that shrinks
 * the problems; a learner runs them at full size. A parameters cell reads:
 * <pre>{@code
 * int width   = Course.size(1500, 300);     // 1500 columns, 300 in quick mode
 * int[] threads = Course.threads(1, 2, 4);  // or OPTPAR_THREADS="1,2,8" from outside
 * }</pre>
 */
public final class Course {
    private Course() {}

    /** The environment variable that selects quick mode (any value but empty, "0" or "false"). */
    public static final String QUICK_ENV = "OPTPAR_QUICK";

    /** True when the notebooks run in quick mode (the tests set {@code OPTPAR_QUICK=1}). */
    public static boolean quick() {
        String v = System.getenv(QUICK_ENV);
        if (v == null) v = System.getProperty("optpar.quick");
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** {@code normal} for a learner, {@code quick} under the tests' quick mode. */
    public static int size(int normal, int quick) {
        return quick() ? quick : normal;
    }

    /** {@code normal} for a learner, {@code quick} under the tests' quick mode. */
    public static long size(long normal, long quick) {
        return quick() ? quick : normal;
    }

    /** {@code normal} for a learner, {@code quick} under the tests' quick mode. */
    public static double size(double normal, double quick) {
        return quick() ? quick : normal;
    }

    /**
     * The thread counts a demo sweeps: {@code OPTPAR_THREADS} ("1,2,4") when set, else the
     * given defaults. Counts above the machine's cores are allowed: oversubscription is a lesson too.
     *
     * @throws IllegalArgumentException when a count is not a whole number of at least 1
     */
    public static int[] threads(int... defaults) {
        String env = System.getenv("OPTPAR_THREADS");
        int[] counts = env == null || env.isBlank() ? defaults : parseCounts(env, "OPTPAR_THREADS");
        for (int t : counts) {
            if (t < 1) throw new IllegalArgumentException("thread count " + t + " is not allowed: use whole numbers of at least 1");
        }
        return counts.clone();
    }

    /** Parses "1,2,4" into counts, with a one-line error that names {@code what} on bad input. */
    public static int[] parseCounts(String list, String what) {
        String[] parts = list.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + parts[i].trim()
                        + "' is not a whole number; give a comma-separated list such as 1,2,4");
            }
            if (out[i] < 1) {
                throw new IllegalArgumentException(what + ": " + out[i] + " is not allowed; counts must be at least 1");
            }
        }
        return out;
    }

    /**
     * The exercises solved so far on this machine, one row per exercise of the course (solved ones
     * with the time). Kept in {@code ~/.optpar/progress.json}, never in the repository; see
     * {@link optpar.exercises.ExerciseProgress}.
     * <pre>{@code
     * Course.progress()    // in notebook 00: "3 of 38 exercises solved (...)"
     * }</pre>
     */
    public static tech.tablesaw.api.Table progress() {
        return optpar.exercises.ExerciseProgress.table();
    }

    /** The number of cores the JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The {@code java} launcher of the running JVM: child JVMs run on the same Java. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The classpath a child JVM needs to load the course: {@code OPTPAR_CLASSPATH} (set by the
     * course kernel), else this JVM's own classpath.
     */
    public static String classpath() {
        String cp = System.getenv("OPTPAR_CLASSPATH");
        if (cp != null && !cp.isBlank()) return cp;
        return System.getProperty("java.class.path");
    }

    /** Where the course's JVM options are written, once for all: a resource of the jar (src/main/resources). */
    public static final String JVM_OPTIONS_RESOURCE = "/optpar/jvm-options.txt";

    private static List<String> jvmOptions;

    /**
     * The JVM options every course JVM runs with (the Vector API module, native access for FFM,
     * headless charts), read from {@value #JVM_OPTIONS_RESOURCE}: the same file the {@code course}
     * script and the kernel use.
     * <pre>{@code
     * Course.jvmOptions()   // [--add-modules, jdk.incubator.vector, --enable-native-access=ALL-UNNAMED, ...]
     * }</pre>
     */
    public static synchronized List<String> jvmOptions() {
        if (jvmOptions == null) {
            try (var in = Course.class.getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
                if (in == null) throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " is not on the classpath: rebuild the course (./course setup)");
                jvmOptions = parseJvmOptions(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + JVM_OPTIONS_RESOURCE, e);
            }
        }
        return jvmOptions;
    }

    /** The options of a jvm-options file: words separated by white space, '#' to the end of a line is a comment. */
    static List<String> parseJvmOptions(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String code = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!code.isEmpty()) out.addAll(Arrays.asList(code.split("\\s+")));
        }
        return List.copyOf(out);
    }

    /**
     * A command line that starts {@code mainClass} in a child JVM like this one:
     * same Java, same classpath, the course's JVM options, then {@code extraJvmOptions}.
     */
    public static List<String> javaCommand(List<String> extraJvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions());
        cmd.addAll(extraJvmOptions);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** The folder of the course's native library (liboptpar.so), or null when it was not built. */
    public static Path nativeDir() {
        String dir = System.getProperty("optpar.native.dir");
        if (dir == null) dir = System.getenv("OPTPAR_NATIVE_DIR");
        if (dir != null && Files.isDirectory(Path.of(dir))) return Path.of(dir);
        // Beside the jar: target/optpar.jar -> target/native
        try {
            Path jar = Path.of(Course.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("native");
            if (Files.isDirectory(candidate)) return candidate;
        } catch (Exception ignored) {
            // no code source (unusual class loader): fall through
        }
        return null;
    }

    /** One line naming this machine: Java version, OS, cores, max heap. Benchmarks print it. */
    public static String machine() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + cores() + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB"
                + cpuModel();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return ", " + line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // not Linux: the model is optional
        }
        return "";
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
