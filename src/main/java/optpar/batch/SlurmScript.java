package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same batch for a real batch system: a Slurm <em>job array</em>. Slurm starts task
 * {@code $SLURM_ARRAY_TASK_ID} = 0, 1, ..., N-1 wherever a core is free on the cluster's compute
 * nodes; each task runs the very command the process pool ran, on its own raw file. No task talks
 * to another, so Slurm may run them in any order, all at once or a few at a time.
 * <pre>{@code
 * String script = SlurmScript.jobArray(100, "data", 200);
 * // sbatch reduce-array.sh           -> "Submitted batch job 4242"
 * // sbatch --dependency=afterok:4242 --wrap "./course jobs merge data/reduced --out data/summary.csv"
 * }</pre>
 */
public final class SlurmScript {
    private SlurmScript() {}

    /**
     * The job-array script for {@code files} raw files in {@code dataDir/raw}, writing
     * {@code dataDir/reduced}; run from the course's top folder (where {@code ./course} is).
     *
     * @throws IllegalArgumentException on a count below 1 or a folder with characters the shell would split
     */
    public static String jobArray(int files, String dataDir, int work) {
        if (files < 1 || files > 100_000) throw new IllegalArgumentException("files " + files + " is not allowed: give 1 to 100000");
        if (!dataDir.matches("[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("data folder '" + dataDir + "' is not allowed: use letters, digits and _ . / - only");
        }
        return """
                #!/bin/bash
                #SBATCH --job-name=optpar-reduce
                #SBATCH --array=0-%d
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=1
                #SBATCH --mem=1G
                #SBATCH --time=00:10:00
                #SBATCH --output=%s/logs/reduce-%%A_%%a.out
                # One array task = one job: reduce raw file number $SLURM_ARRAY_TASK_ID.
                # Submit from the course's top folder:  sbatch reduce-array.sh
                # Then merge once every task succeeded:
                #   sbatch --dependency=afterok:<array job id> --wrap "./course jobs merge %s/reduced --out %s/summary.csv"
                set -euo pipefail
                cd "${SLURM_SUBMIT_DIR:-.}"
                i=$(printf '%%04d' "$SLURM_ARRAY_TASK_ID")
                mkdir -p %s/reduced %s/logs
                ./course jobs reduce "%s/raw/raw-$i.csv" "%s/reduced/raw-$i.csv" --work %d
                """.formatted(files - 1, dataDir, dataDir, dataDir, dataDir, dataDir, dataDir, dataDir, work);
    }

    /** Writes the script to {@code file} (executable) and returns its path. */
    public static Path write(Path file, int files, String dataDir, int work) {
        try {
            Files.writeString(file, jobArray(files, dataDir, work));
            file.toFile().setExecutable(true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
