package optpar.profiling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A profile as "collapsed stacks": one line per distinct stack, its frames from the root (the
 * thread's first call) to the leaf (where the CPU was, or what was allocated), separated by
 * {@code ;}, then a space and a weight (samples, or bytes):
 * <pre>
 * SlowAnalysis.median_[j];SlowAnalysis.nearestDistance_[j];SlowAnalysis.distance_[i] 412
 * SlowAnalysis.median_[j];SlowAnalysis.nearestDistance_[j];java.util.ArrayList.add_[i] 230
 * </pre>
 * It is the format of Brendan Gregg's flame graph scripts and of async-profiler's {@code collapsed}
 * output: everything a flame graph draws, and easy to read by hand. A frame's <b>self</b> weight
 * counts the stacks it is the leaf of (the CPU was in it); its <b>total</b> weight counts the stacks it
 * appears in at all (it, or what it called), once per stack even when it recurses.
 *
 * <pre>{@code
 * CollapsedStacks s = CollapsedStacks.parse("main;work;sqrt 7\nmain;work 3\n");
 * s.total();          // 10
 * s.hottestFrame();   // Optional["sqrt"]
 * s.totalOf("work");  // 10
 * }</pre>
 */
public final class CollapsedStacks {
    private final Map<List<String>, Long> weights;   // insertion order kept: the text round-trips

    private CollapsedStacks(Map<List<String>, Long> weights) {
        this.weights = Collections.unmodifiableMap(weights);
    }

    /** No stacks at all. */
    public static CollapsedStacks empty() {
        return new CollapsedStacks(new LinkedHashMap<>());
    }

    /**
     * Parses collapsed stacks: one {@code frame;frame;...;frame weight} per line; blank lines are
     * skipped, repeated stacks are added up.
     *
     * @throws IllegalArgumentException naming the line that is not of that form
     */
    public static CollapsedStacks parse(String text) {
        Builder b = builder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int space = line.lastIndexOf(' ');
            long weight;
            try {
                if (space <= 0) throw new NumberFormatException();
                weight = Long.parseLong(line.substring(space + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("collapsed stacks, line " + (i + 1) + ": '" + abbreviate(line)
                        + "' is not 'frame;frame;...;frame weight' (frames separated by ';', then a space and a whole number)");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("collapsed stacks, line " + (i + 1) + ": weight " + weight + " is negative; weights count samples or bytes");
            }
            List<String> frames = List.of(line.substring(0, space).split(";"));
            if (frames.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("collapsed stacks, line " + (i + 1) + ": '" + abbreviate(line) + "' has an empty frame name (two ';' in a row)");
            }
            b.add(frames, weight);
        }
        return b.build();
    }

    /** A builder that adds up stacks given root first. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds up stacks; {@link #build} makes the immutable result. */
    public static final class Builder {
        private final Map<List<String>, Long> weights = new LinkedHashMap<>();

        /** Adds {@code weight} to the stack {@code frames} (root first). Empty stacks and zero weights are ignored. */
        public Builder add(List<String> frames, long weight) {
            if (weight < 0) throw new IllegalArgumentException("a stack's weight must not be negative, got " + weight);
            if (frames.isEmpty() || weight == 0) return this;
            weights.merge(List.copyOf(frames), weight, Long::sum);
            return this;
        }

        public CollapsedStacks build() {
            return new CollapsedStacks(new LinkedHashMap<>(weights));
        }
    }

    /** The stacks (root first) and their weights. */
    public Map<List<String>, Long> stacks() {
        return weights;
    }

    /** The sum of all weights: samples, or bytes. */
    public long total() {
        return weights.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** The deepest stack's number of frames. */
    public int depth() {
        return weights.keySet().stream().mapToInt(List::size).max().orElse(0);
    }

    /** Self weight per frame: the weight of the stacks it is the leaf of. */
    public Map<String, Long> selfByFrame() {
        Map<String, Long> self = new TreeMap<>();
        weights.forEach((frames, w) -> self.merge(frames.getLast(), w, Long::sum));
        return self;
    }

    /** Total weight per frame: the weight of the stacks it appears in (once per stack). */
    public Map<String, Long> totalByFrame() {
        Map<String, Long> total = new TreeMap<>();
        weights.forEach((frames, w) -> {
            for (String f : new HashSet<>(frames)) total.merge(f, w, Long::sum);
        });
        return total;
    }

    /** The total weight of one frame (0 when it never appears). */
    public long totalOf(String frame) {
        return totalByFrame().getOrDefault(frame, 0L);
    }

    /** The frame with the largest self weight: where the CPU was most often (ties: the first by name). */
    public Optional<String> hottestFrame() {
        String best = null;
        long most = -1;
        for (var e : selfByFrame().entrySet()) {          // in name order: a tie keeps the first name
            if (e.getValue() > most) { best = e.getKey(); most = e.getValue(); }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The same stacks with every frame renamed (frames that get the same name are merged), e.g.
     * {@code map(FrameKind::plainName)} to forget the kinds.
     */
    public CollapsedStacks mapFrames(Function<String, String> rename) {
        Builder b = builder();
        weights.forEach((frames, w) -> b.add(frames.stream().map(rename).toList(), w));
        return b.build();
    }

    /**
     * The part of each stack above the last frame for which {@code marker} is true (stacks without such
     * a frame are kept whole). Used to cut off the frames of the profiler's own loop.
     */
    public CollapsedStacks above(java.util.function.Predicate<String> marker) {
        return above(marker, false);
    }

    /**
     * As {@link #above(java.util.function.Predicate)}, but with {@code keepRoot} the first frame of a
     * cut stack stays (the thread frame, when stacks are grouped by thread).
     */
    public CollapsedStacks above(java.util.function.Predicate<String> marker, boolean keepRoot) {
        Builder b = builder();
        weights.forEach((frames, w) -> {
            int cut = -1;
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (marker.test(frames.get(i))) { cut = i; break; }
            }
            List<String> kept = new ArrayList<>();
            if (keepRoot && cut > 0) kept.add(frames.getFirst());
            kept.addAll(frames.subList(cut + 1, frames.size()));
            b.add(kept, w);
        });
        return b.build();
    }

    /**
     * Each stack from its first frame for which {@code start} is true (inclusive); stacks without
     * such a frame are kept whole. Used to drop the frames that called a program's main.
     */
    public CollapsedStacks from(java.util.function.Predicate<String> start) {
        Builder b = builder();
        weights.forEach((frames, w) -> {
            int first = 0;
            for (int i = 0; i < frames.size(); i++) {
                if (start.test(frames.get(i))) { first = i; break; }
            }
            b.add(frames.subList(first, frames.size()), w);
        });
        return b.build();
    }

    /** The share (0 to 1) of the weight spent in frames of the given kinds, counting each stack's leaf. */
    public double leafShare(Set<FrameKind> kinds) {
        long all = total();
        if (all == 0) return 0;
        long in = weights.entrySet().stream().filter(e -> kinds.contains(FrameKind.of(e.getKey().getLast())))
                .mapToLong(Map.Entry::getValue).sum();
        return (double) in / all;
    }

    /**
     * The {@code top} methods by self weight, with their self and total shares in percent (self: the
     * frame was the leaf; total: anywhere on the stack). The kinds of one method are added up (a
     * method can run interpreted, compiled and inlined in one profile); "kind" is the one with most
     * self weight.
     */
    public Table top(int top, String title) {
        long all = Math.max(1, total());
        Map<String, Long> total = mapFrames(FrameKind::plainName).totalByFrame();
        Map<String, Long> self = new TreeMap<>();
        Map<String, String> mainKind = new TreeMap<>();
        Map<String, Long> kindWeight = new TreeMap<>();
        selfByFrame().forEach((frame, w) -> {
            String plain = FrameKind.plainName(frame);
            self.merge(plain, w, Long::sum);
            if (w > kindWeight.getOrDefault(plain, -1L)) {
                kindWeight.put(plain, w);
                mainKind.put(plain, FrameKind.of(frame).label);
            }
        });
        StringColumn frame = StringColumn.create("frame");
        StringColumn kind = StringColumn.create("kind");
        DoubleColumn selfPct = DoubleColumn.create("self %");
        DoubleColumn tot = DoubleColumn.create("total %");
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> {
                    frame.append(e.getKey());
                    kind.append(mainKind.get(e.getKey()));
                    selfPct.append(Math.round(1000.0 * e.getValue() / all) / 10.0);
                    tot.append(Math.round(1000.0 * total.getOrDefault(e.getKey(), 0L) / all) / 10.0);
                });
        return Table.create(title, frame, kind, selfPct, tot);
    }

    /** The stacks in collapsed format, one line each (the input of the flame graph converter). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((frames, w) -> sb.append(String.join(";", frames)).append(' ').append(w).append('\n'));
        return sb.toString();
    }

    /**
     * The stacks as a tree of frames for drawing: the root is the whole profile, its children the
     * first frames of the stacks, and so on; children in name order (as flame graphs sort them).
     */
    public Node tree() {
        Node root = new Node("all");
        weights.forEach((frames, w) -> {
            Node n = root;
            n.total += w;
            for (String f : frames) {
                n = n.children.computeIfAbsent(f, Node::new);
                n.total += w;
            }
            n.self += w;
        });
        return root;
    }

    /** One frame of the tree: its name (with kind suffix), total and self weight, and children by name. */
    public static final class Node {
        private final String name;
        private long total;
        private long self;
        private final TreeMap<String, Node> children = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }

        public String name() { return name; }
        public long total() { return total; }
        public long self() { return self; }
        public List<Node> children() { return new ArrayList<>(children.values()); }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollapsedStacks other && weights.equals(other.weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    @Override
    public String toString() {
        return "CollapsedStacks[" + weights.size() + " stacks, total " + total() + "]";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
