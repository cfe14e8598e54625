package optpar.heat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every heat-equation variant of the course, in teaching order, with lookup by name
 * (the CLI's {@code --impl}, the notebooks' tables).
 *
 * <pre>{@code
 * for (HeatSolver k : HeatVariants.all()) System.out.println(k.name() + ": " + k.description());
 * HeatSolver v = HeatVariants.byName("naive");
 * }</pre>
 */
public final class HeatVariants {
    private HeatVariants() {}

    /** All variants, the reference first. */
    public static List<HeatSolver> all() {
        return List.of(new NaiveHeat(), new FlatHeat(), new BandsHeat(), new VectorHeat(),
                new BlockedHeat(), new NativeHeat(), new NativeOmpHeat(), new NativeBlockedHeat());
    }

    /** The variant called {@code name}; a one-line error listing the allowed names otherwise. */
    public static HeatSolver byName(String name) {
        return all().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown heat variant '" + name
                        + "'; allowed: " + names()));
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return all().stream().map(HeatSolver::name).collect(Collectors.joining(", "));
    }
}
