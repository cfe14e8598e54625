package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last step of the batch: gather the reduced files into one table, sorted by raw file name.
 * Because the order is fixed, two runs that computed the same results give byte-identical
 * summaries, whatever order their jobs finished in.
 * <pre>{@code
 * List<Reduced> rows = Summary.merge(List.of(Path.of("reduced")));
 * Reduction.write(rows, Path.of("summary.csv"));
 * }</pre>
 */
public final class Summary {
    private Summary() {}

    /**
     * Reads every reduced file given, or every {@code *.csv} inside a folder given.
     *
     * @throws IllegalArgumentException when a path does not exist, nothing is found, or a raw file
     *                                  appears twice
     */
    public static List<Reduced> merge(List<Path> inputs) {
        List<Reduced> rows = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                        rows.addAll(Reduction.read(f));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                rows.addAll(Reduction.read(p));
            } else {
                throw new IllegalArgumentException("merge: " + p + " does not exist (give reduced files or folders of them)");
            }
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("merge: no reduced rows found in " + inputs);
        rows.sort(Comparator.comparing(Reduced::file));
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).file().equals(rows.get(i - 1).file())) {
                throw new IllegalArgumentException("merge: " + rows.get(i).file() + " was reduced twice; give each result once");
            }
        }
        return rows;
    }
}
