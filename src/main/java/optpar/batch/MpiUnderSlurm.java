package optpar.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import optpar.heat.HeatProblem;
import optpar.mpi.MpiHeatLauncher;
import optpar.mpi.MpiHeatRank;

/**
 * The bridge from notebook 11: the MPI heat run submitted to the queue ({@code sbatch -n RANKS}).
 * Slurm allocates the cores; {@code mpirun} inside the job reads the allocation from Slurm's
 * environment and starts one rank per allocated task. The command is the one
 * {@link MpiHeatLauncher#command} builds, with {@code -np $SLURM_NTASKS}.
 * <pre>{@code
 * Path sh = MpiUnderSlurm.write(data.resolve("mpi-heat.sh"), 2, new HeatProblem(256, 100));
 * MpiUnderSlurm.Job job = MpiUnderSlurm.run(slurm, sh, Duration.ofMinutes(3));
 * job.checksum();   // equals HeatProblem.checksum(new NaiveHeat().solve(problem, 1))
 * }</pre>
 */
public final class MpiUnderSlurm {
    private MpiUnderSlurm() {}

    /** The job script: {@code #SBATCH --ntasks=RANKS}, then mpirun of the heat ranks; output to {@code mpi-heat-<job>.out} beside it. */
    public static String script(int ranks, HeatProblem problem, Path folder) {
        if (ranks < 1) throw new IllegalArgumentException("ranks " + ranks + " is not allowed: give 1 or more");
        List<String> cmd = new ArrayList<>(new MpiHeatLauncher().warmup(0).command(ranks, problem));
        int np = cmd.indexOf("-np");
        cmd.set(np + 1, "$SLURM_NTASKS");
        int cp = cmd.indexOf("-cp");
        String classpath = cmd.get(cp + 1);
        cmd.set(cp + 1, "$cp");
        cmd.set(0, "mpirun");
        StringBuilder line = new StringBuilder();
        for (String s : cmd) line.append(line.isEmpty() ? "" : " ").append(s.startsWith("$") ? "\"" + s + "\"" : quote(s));
        String root = MpiHeatLauncher.runningAsRoot()
                ? "# Open MPI refuses root unless told; as a normal user on a cluster you need neither line.\nexport OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1\n"
                : "";
        return """
                #!/bin/bash
                # The heat equation on %d MPI ranks, as a batch job: Slurm gives it %d cores, mpirun starts a rank on each.
                #SBATCH --job-name=optpar-mpi-heat
                #SBATCH --ntasks=%d
                #SBATCH --time=00:10:00
                #SBATCH --chdir=%s
                #SBATCH --output=mpi-heat-%%j.out
                set -euo pipefail
                %scp=%s
                %s
                """.formatted(ranks, ranks, ranks, folder.toAbsolutePath(), root, quote(classpath), line);
    }

    /** Writes {@link #script} to {@code file} (executable) and returns it. */
    public static Path write(Path file, int ranks, HeatProblem problem) {
        try {
            Files.writeString(file, script(ranks, problem, file.toAbsolutePath().getParent()));
            file.toFile().setExecutable(true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the MPI job gave: its id, sacct's record, rank 0's checksum and everything the job printed.
     */
    public record Job(int jobId, ArrayTask task, double checksum, List<String> output) {}

    /**
     * Submits the script, waits at most {@code bound}, and returns the job with the checksum rank 0 printed.
     *
     * @throws IllegalStateException when the job does not complete or prints no result (with its last output lines)
     */
    public static Job run(Slurm slurm, Path script, Duration bound) {
        int job = slurm.submit(script, null, List.of());
        List<ArrayTask> tasks = slurm.waitFor(job, 1, bound, c -> {});
        Path out = script.toAbsolutePath().getParent().resolve("mpi-heat-" + job + ".out");
        List<String> lines;
        try {
            lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String state = tasks.isEmpty() ? "unknown" : tasks.getFirst().state();
        for (String l : lines) {
            if (l.startsWith(MpiHeatRank.RESULT_TAG + " ")) {
                for (String w : l.split("\\s+")) {
                    if (w.startsWith("checksum=")) return new Job(job, tasks.getFirst(), Double.parseDouble(w.substring(9)), lines);
                }
            }
        }
        throw new IllegalStateException("MPI job " + job + " ended " + state + " without a result line; its last output: "
                + String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size())));
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
