package optpar.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an exercise's solution from the solutions notebook itself, so that the code shown by
 * {@code Ex02.two.solution()} is the code the notebook tests run, never a copy that drifts.
 *
 * <p>The notebook is {@code notebooks/solutions/NN-*-solutions.ipynb}, found under {@code OPTPAR_HOME}
 * (set by the course kernel) or from the working directory (Jupyter starts a kernel in the
 * notebook's folder). A solution is the code cells after the markdown heading
 * {@code ## Exercise K: ...}, up to the next such heading.
 */
public final class SolutionSource {
    private SolutionSource() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text to print: where it comes from, then the code. */
    public static String solution(String lesson, int number) {
        Path nb;
        try {
            nb = notebook(lesson);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        try {
            List<String> code = codeOf(nb, number);
            if (code.isEmpty()) return "no '## Exercise " + number + "' section with code in " + nb;
            return "solution of " + lesson + "." + number + " (from " + nb + "):\n\n" + String.join("\n\n", code);
        } catch (IOException e) {
            return "could not read " + nb + ": " + e.getMessage();
        }
    }

    /** The solutions notebook of a lesson. */
    public static Path notebook(String lesson) {
        List<Path> tried = new ArrayList<>();
        for (Path dir : candidateDirs()) {
            tried.add(dir);
            if (!Files.isDirectory(dir)) continue;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, lesson + "-*-solutions.ipynb")) {
                for (Path p : ds) return p;
            } catch (IOException ignored) {
                // try the next place
            }
        }
        throw new IllegalStateException("the solutions notebook " + lesson + "-*-solutions.ipynb was not found (looked in " + tried
                + "); set OPTPAR_HOME to the course folder");
    }

    private static List<Path> candidateDirs() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("optpar.home");
        if (home == null || home.isBlank()) home = System.getenv("OPTPAR_HOME");
        if (home != null && !home.isBlank()) dirs.add(Path.of(home, "notebooks", "solutions"));
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null && dirs.size() < 6; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("solutions")) dirs.add(p);
            dirs.add(p.resolve("solutions"));
            dirs.add(p.resolve("notebooks").resolve("solutions"));
        }
        return dirs;
    }

    /** The code cells of exercise {@code number}'s section. */
    static List<String> codeOf(Path notebook, int number) throws IOException {
        JsonNode cells = JSON.readTree(notebook.toFile()).path("cells");
        Pattern start = Pattern.compile("(?m)^##\\s+Exercise\\s+" + number + "\\b");
        Pattern any = Pattern.compile("(?m)^##\\s+Exercise\\s+\\d+\\b");
        List<String> code = new ArrayList<>();
        boolean inside = false;
        for (JsonNode cell : cells) {
            String text = source(cell);
            if (cell.path("cell_type").asText().equals("markdown")) {
                if (start.matcher(text).find()) inside = true;
                else if (inside && any.matcher(text).find()) break;
            } else if (inside && cell.path("cell_type").asText().equals("code")) {
                code.add(text.strip());
            }
        }
        return code;
    }

    private static String source(JsonNode cell) {
        JsonNode s = cell.path("source");
        if (s.isTextual()) return s.asText();
        StringBuilder b = new StringBuilder();
        for (JsonNode line : s) b.append(line.asText());
        return b.toString();
    }
}
