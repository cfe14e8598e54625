package optpar;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The welcome notebook's first cell: is everything the course needs here?
 *
 * <pre>{@code
 * SetupCheck.table()      // one row per check: what, found, ok
 * SetupCheck.problems()   // only the failing ones, each with what to do
 * SetupCheck.summary()    // "all is well", or one line per problem
 * }</pre>
 */
public final class SetupCheck {
    private SetupCheck() {}

    /** One check: what was looked at, what was found, whether it is fine, and what to do if not. */
    public record Item(String what, String found, boolean ok, String fix) {}

    /** Every check, in the order a learner would fix them. */
    public static List<Item> items() {
        List<Item> items = new ArrayList<>();
        int feature = Runtime.version().feature();
        items.add(new Item("Java version", Runtime.version().toString(), feature >= 25,
                "start the course with ./course start: it finds a JDK 25"));
        items.add(new Item("cores", String.valueOf(Course.cores()), true, ""));
        items.add(new Item("support module", codeSource(), true, ""));
        items.add(vectorApi());
        Path nativeDir = Course.nativeDir();
        boolean lib = nativeDir != null && Files.exists(nativeDir.resolve("liboptpar.so"));
        items.add(new Item("native library (liboptpar.so)", lib ? nativeDir.resolve("liboptpar.so").toString() : "not built",
                lib, "install gcc and rebuild (./course setup): the native variants need it"));
        for (String tool : List.of("mpirun", "cwltool", "dot")) {
            Path p = onPath(tool);
            items.add(new Item(tool + " on PATH", p == null ? "missing" : p.toString(), p != null,
                    "install the Debian packages in environment/debian-packages.txt (./course setup does it)"));
        }
        items.add(new Item("quick mode (OPTPAR_QUICK)", Course.quick() ? "on: small sizes" : "off: full sizes", true, ""));
        return items;
    }

    /** The checks as a table (what, found, ok) for a notebook cell. */
    public static Table table() {
        List<Item> items = items();
        return Table.create("set-up check",
                StringColumn.create("what", items.stream().map(Item::what).toList()),
                StringColumn.create("found", items.stream().map(Item::found).toList()),
                StringColumn.create("ok", items.stream().map(i -> i.ok() ? "yes" : "NO: " + i.fix()).toList()));
    }

    /** The failing checks only; empty when all is well. */
    public static List<Item> problems() {
        return items().stream().filter(i -> !i.ok()).toList();
    }

    /** "all is well: ..." or one line per failing check with what to do about it. */
    public static String summary() {
        List<Item> problems = problems();
        if (problems.isEmpty()) return "all is well: every check passed";
        StringBuilder sb = new StringBuilder(problems.size() + " thing(s) to fix:");
        for (Item i : problems) sb.append("\n- ").append(i.what()).append(": ").append(i.found()).append(" -> ").append(i.fix());
        return sb.toString();
    }

    private static Item vectorApi() {
        try {
            int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
            return new Item("Vector API (double lanes)", lanes + " lanes of " + lanes * 64 + " bits", true, "");
        } catch (Throwable e) { // NoClassDefFoundError when the JVM lacks --add-modules jdk.incubator.vector
            return new Item("Vector API (double lanes)", "not available", false,
                    "run the JVM with --add-modules jdk.incubator.vector (the course kernel does)");
        }
    }

    private static String codeSource() {
        try {
            return Path.of(SetupCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "loaded";
        }
    }

    static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
