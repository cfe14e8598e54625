package optpar.exercises;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exercises solved on this machine, kept in a small JSON file in your home folder
 * ({@code ~/.optpar/progress.json}), never in the course's repository.
 *
 * <p>{@code OPTPAR_PROGRESS_DIR} (or {@code -Doptpar.progress.dir=...}) puts the file elsewhere; the
 * tests use a temporary folder. Only {@code check(...)} records: the solutions' {@code mustPass(...)}
 * does not, so running the solutions notebooks solves nothing for you.
 *
 * <pre>{@code
 * Course.progress()     // a table: lesson, exercise, title, solved (when)
 * }</pre>
 */
public final class ExerciseProgress {
    private ExerciseProgress() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file, in {@code OPTPAR_PROGRESS_DIR} / {@code optpar.progress.dir} or {@code ~/.optpar}. */
    public static Path file() {
        String dir = System.getProperty("optpar.progress.dir");
        if (dir == null || dir.isBlank()) dir = System.getenv("OPTPAR_PROGRESS_DIR");
        Path base = dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".optpar") : Path.of(dir);
        return base.resolve("progress.json");
    }

    /** Exercise id ("02.2") to when it was first solved ("2026-12-01 21:40"). */
    public static synchronized Map<String, String> solved() {
        Path f = file();
        if (!Files.isRegularFile(f)) return new TreeMap<>();
        try {
            return new TreeMap<>(JSON.readValue(f.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (IOException e) {
            // A damaged file must not stop the course: keep it aside and start again.
            Path aside = f.resolveSibling("progress.json.damaged");
            try {
                Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // unreadable and unmovable: start from nothing, the next write replaces it
            }
            System.out.println("progress: " + f + " could not be read (" + e.getClass().getSimpleName() + "); kept it as " + aside + ", starting afresh");
            return new TreeMap<>();
        }
    }

    /** Records that an exercise was solved (the first time counts). */
    static synchronized void recordSolved(Exercise e) {
        Map<String, String> all = solved();
        if (all.containsKey(e.id())) return;
        all.put(e.id(), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("progress.json.tmp");
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            System.out.println("progress: could not write " + f + " (" + ex.getMessage() + "); the exercise is solved all the same");
        }
    }

    /** Forgets everything solved (the file is removed). */
    public static synchronized void reset() throws IOException {
        Files.deleteIfExists(file());
    }

    /** Every exercise of the course, with the time it was solved or an empty cell. */
    public static Table table() {
        Map<String, String> done = solved();
        List<Exercise> all = Exercises.all();
        StringColumn lesson = StringColumn.create("lesson"), exercise = StringColumn.create("exercise"),
                title = StringColumn.create("title"), when = StringColumn.create("solved");
        for (Exercise e : all) {
            lesson.append(Exercises.lessonName(e.lesson()));
            exercise.append(e.fieldName());
            title.append(e.title());
            when.append(done.getOrDefault(e.id(), ""));
        }
        long n = all.stream().filter(e -> done.containsKey(e.id())).count();
        return Table.create(n + " of " + all.size() + " exercises solved (" + file() + ")", lesson, exercise, title, when);
    }
}
