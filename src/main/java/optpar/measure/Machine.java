package optpar.measure;

import jdk.incubator.vector.VectorShape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What this machine is, read from the machine: cores, SIMD width, caches, memory. The prose of a
 * lesson never names these; it asks here, because the hardware under a notebook changes.
 *
 * <pre>{@code
 * Machine m = Machine.here();
 * m.cores();                  // e.g. 2
 * m.simdLanes(double.class);  // doubles per vector register the Vector API prefers, e.g. 4 or 8
 * m.l2Bytes();                // per-core L2 cache, or -1 when the OS does not say
 * System.out.println(m.describe());
 * }</pre>
 *
 * @param cores       processors the JVM may use
 * @param simdBits    bits of the Vector API's preferred vector shape (e.g. 256 or 512)
 * @param cpuModel    the CPU's model name, or "unknown"
 * @param l1dBytes    level-1 data cache of one core, -1 if unknown
 * @param l2Bytes     level-2 cache of one core, -1 if unknown
 * @param l3Bytes     level-3 cache, -1 if unknown
 * @param memoryBytes physical memory, -1 if unknown
 * @param cpuFlags    the SIMD-related CPU flags the OS reports (e.g. "avx2 fma"), may be empty
 */
public record Machine(int cores, int simdBits, String cpuModel, long l1dBytes, long l2Bytes, long l3Bytes,
                      long memoryBytes, String cpuFlags) {

    /** This machine, read now. */
    public static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                VectorShape.preferredShape().vectorBitSize(),
                cpuInfo("model name", "unknown"),
                cache(1, "Data"), cache(2, null), cache(3, null),
                memInfoBytes(),
                simdFlags());
    }

    /** Lanes of the preferred vector for an element type: {@code simdLanes(double.class)}, {@code simdLanes(int.class)}. */
    public int simdLanes(Class<?> elementType) {
        int bits;
        if (elementType == double.class || elementType == long.class) bits = 64;
        else if (elementType == float.class || elementType == int.class) bits = 32;
        else if (elementType == short.class || elementType == char.class) bits = 16;
        else if (elementType == byte.class) bits = 8;
        else throw new IllegalArgumentException("simdLanes: " + elementType + " is not allowed; give a primitive type such as double.class or int.class");
        return Math.max(1, simdBits / bits);
    }

    /** Doubles per preferred vector: the Vector API's {@code DoubleVector.SPECIES_PREFERRED.length()}. */
    public int doubleLanes() {
        return simdLanes(double.class);
    }

    /** Bytes of the cache at {@code level} (1 = L1 data, 2, 3), or -1 when the OS does not say. */
    public long cacheBytes(int level) {
        return switch (level) {
            case 1 -> l1dBytes;
            case 2 -> l2Bytes;
            case 3 -> l3Bytes;
            default -> throw new IllegalArgumentException("cache level " + level + " is not allowed: use 1, 2 or 3");
        };
    }

    /** One line a learner can paste beside their numbers. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %d-bit vectors (%d doubles)%s, L1d %s, L2 %s, L3 %s, memory %s, huge pages %s, Java %s",
                cpuModel, cores, simdBits, doubleLanes(), cpuFlags.isEmpty() ? "" : " [" + cpuFlags + "]",
                bytes(l1dBytes), bytes(l2Bytes), bytes(l3Bytes), bytes(memoryBytes), hugePages(), Runtime.version());
    }

    /**
     * Whether large arrays get 2 MiB pages: Linux's transparent huge page mode ("always", "madvise" or
     * "never") and whether this JVM asks for them ({@code -XX:+UseTransparentHugePages}), e.g.
     * "madvise, this JVM asks". Streaming loops over big arrays ran several times faster on them here.
     */
    public static String hugePages() {
        String mode = "unknown";
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            int a = line.indexOf('['), b = line.indexOf(']');
            if (a >= 0 && b > a) mode = line.substring(a + 1, b);
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown (not Linux, or no transparent huge pages)";
        }
        boolean asks;
        try {
            asks = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseTransparentHugePages").getValue().equals("true");
        } catch (RuntimeException e) {
            return mode;
        }
        return mode + (asks ? ", this JVM asks" : ", this JVM does not ask");
    }

    /** Prints {@link #describe()}: {@code java -cp ... optpar.measure.Machine} (the course book names its machine so). */
    public static void main(String[] args) {
        System.out.println(here().describe());
    }

    @Override
    public String toString() {
        return describe();
    }

    /** "32 KiB", "1 MiB", "24 GiB", or "unknown". */
    public static String bytes(long b) {
        if (b < 0) return "unknown";
        if (b >= 1L << 30 && b % (1L << 30) == 0 || b >= 16L << 30) return (b >> 30) + " GiB";
        if (b >= 1L << 20) return (b % (1L << 20) == 0 ? String.valueOf(b >> 20) : String.format(Locale.ROOT, "%.1f", b / 1048576.0)) + " MiB";
        if (b >= 1L << 10) return (b >> 10) + " KiB";
        return b + " B";
    }

    private static String cpuInfo(String key, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key)) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // not Linux: the model stays unknown
        }
        return fallback;
    }

    private static String simdFlags() {
        String flags = " " + cpuInfo("flags", "") + " ";
        StringBuilder sb = new StringBuilder();
        for (String f : new String[]{"sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "asimd", "sve"}) {
            if (flags.contains(" " + f + " ")) sb.append(sb.isEmpty() ? "" : " ").append(f);
        }
        return sb.toString();
    }

    /** The cache of cpu0 at a level from sysfs ("48K", "1024K", "32M"); for level 1 only the data cache. */
    private static long cache(int level, String type) {
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        try (var entries = Files.list(dir)) {
            for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                int lv = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                String t = Files.readString(index.resolve("type")).trim();
                if (lv == level && (type == null ? !t.equals("Instruction") : t.equals(type))) {
                    return parseSize(Files.readString(index.resolve("size")).trim());
                }
            }
        } catch (Exception ignored) {
            // no sysfs (not Linux, or a container that hides it)
        }
        return -1;
    }

    static long parseSize(String s) {
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        long mult = switch (unit) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String num = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(num.trim()) * mult;
    }

    private static long memInfoBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
