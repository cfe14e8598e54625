package optpar.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import optpar.Course;

/**
 * Writes a {@code course} script that runs {@code course jobs ...} on the test classpath, so the
 * Slurm script and the CWL workflow can be run for real in tests independently of the top-level
 * launcher's build state.
 */
public final class TestLauncher {
    private TestLauncher() {}

    /** Writes {@code dir/course} and returns {@code dir}. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String command = Course.javaCommand(java.util.List.of(), "optpar.cli.Jobs").stream()
                .map(s -> "'" + s + "'").collect(Collectors.joining(" "));
        Path script = dir.resolve("course");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = jobs ] || { echo "test launcher: only 'course jobs' is available" >&2; exit 2; }
                shift
                exec %s "$@"
                """.formatted(command));
        script.toFile().setExecutable(true);
        return dir;
    }
}
