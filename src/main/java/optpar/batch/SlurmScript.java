package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The batch for a real batch system: a Slurm <em>job array</em> script. Slurm starts task
 * {@code $SLURM_ARRAY_TASK_ID} = 0, 1, ..., N-1 wherever a core is free on the cluster's compute
 * nodes; each task runs the very command the process pool ran ({@code course jobs reduce}), on its
 * own raw file. No task talks to another, so Slurm may run them in any order, all at once or
 * {@code %N} at a time.
 *
 * <p>The script is the file you submit, on this machine and on a real cluster alike: it names the
 * data folder ({@code --chdir}), the course's launcher, and takes the output folder as its argument.
 * <pre>{@code
 * Path sh = SlurmScript.write(data.resolve("reduce-array.sh"), Path.of("./course").toAbsolutePath(), data, 100, 2, 300);
 * // sbatch reduce-array.sh reduced             -> tasks 0-99, at most 2 at a time
 * // sbatch --array=17,42 reduce-array.sh reduced   -> only those two again
 * }</pre>
 */
public final class SlurmScript {
    private SlurmScript() {}

    /** Characters a path may have here: the script is shell, and a space or quote would split or break it. */
    private static final String SAFE_PATH = "[A-Za-z0-9_./+-]+";

    /**
     * The job-array script.
     *
     * @param course      the course's launcher ({@code .../course}), as every compute node sees it
     * @param dataDir     the folder with {@code raw/}; tasks run there and write {@code logs/} and the output folder
     * @param tasks       array tasks = raw files (task i reduces {@code raw/raw-000i.csv})
     * @param concurrency the default {@code %N}: at most this many tasks at a time
     * @param work        bootstrap resamples per job
     * @throws IllegalArgumentException on a count below 1 or a path with characters the shell would split
     */
    public static String reduceArray(Path course, Path dataDir, int tasks, int concurrency, int work) {
        String array = Slurm.arrayRange(tasks, concurrency);
        String c = safe(course.toAbsolutePath().normalize(), "course launcher");
        String d = safe(dataDir.toAbsolutePath().normalize(), "data folder");
        if (work < 2 || work > 1_000_000) throw new IllegalArgumentException("work " + work + " is not allowed: give 2 to 1000000 bootstrap resamples");
        return """
                #!/bin/bash
                # The reduce job as a Slurm job array: task $SLURM_ARRAY_TASK_ID reduces raw file number $SLURM_ARRAY_TASK_ID.
                #   sbatch reduce-array.sh OUT                  all tasks, at most %%N at a time (the --array line below)
                #   sbatch --array=3,17 reduce-array.sh OUT     only tasks 3 and 17 (e.g. the ones that failed)
                # OUT is the folder for the reduced files, inside the data folder (default: reduced).
                # The logs folder must exist before the job starts: Slurm opens the output file, not the script.
                #SBATCH --job-name=optpar-reduce
                #SBATCH --array=%s
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=1
                #SBATCH --mem=1G
                #SBATCH --time=00:10:00
                #SBATCH --chdir=%s
                #SBATCH --output=logs/reduce-%%A_%%a.out
                set -euo pipefail
                course=%s
                out=${1:-reduced}
                i=$(printf '%%04d' "$SLURM_ARRAY_TASK_ID")
                "$course" jobs reduce "raw/raw-$i.csv" "$out/raw-$i.csv" --work %d
                """.formatted(array, d, c, work);
    }

    /** Writes {@link #reduceArray} to {@code file} (executable), creates the data folder's {@code logs/}, and returns the file. */
    public static Path write(Path file, Path course, Path dataDir, int tasks, int concurrency, int work) {
        String text = reduceArray(course, dataDir, tasks, concurrency, work);
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.writeString(file, text);
            file.toFile().setExecutable(true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String safe(Path p, String what) {
        String s = p.toString();
        if (!s.matches(SAFE_PATH)) {
            throw new IllegalArgumentException(what + " '" + s + "' is not allowed in a job script: use letters, digits and _ . / + - only");
        }
        return s;
    }
}
