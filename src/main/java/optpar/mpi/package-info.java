/**
 * Many processes, no shared memory: the course's heat problem on MPI ranks with real Open MPI
 * (notebook 11). Read in this order:
 * <ol>
 * <li>{@link optpar.mpi.Mpi}: the dozen MPI calls the course needs, bound to Open MPI's C library with
 *     the Foreign Function &amp; Memory API (Java's counterpart of {@code mpi4py});</li>
 * <li>{@link optpar.mpi.RowBlocks}: which rows each rank owns (blocks differ by at most one row);</li>
 * <li>{@link optpar.mpi.HeatBlock}: one rank's rows plus two halo rows in off-heap memory, the halo
 *     exchange ({@code MPI_Sendrecv}) and the step;</li>
 * <li>{@link optpar.mpi.MpiHeatRank}: the program every rank runs (exchange, step, all-reduce, gather);</li>
 * <li>{@link optpar.mpi.MpiHeatLauncher} and {@link optpar.mpi.MpiHeatResult}: {@code mpirun} with a time
 *     bound, the ranks' output streamed, rank 0's result read back.</li>
 * </ol>
 *
 * <pre>{@code
 * var problem = new HeatProblem(400, 200);
 * MpiHeatResult r = new MpiHeatLauncher().output(System.out::println).run(3, problem);
 * assert r.checksum() == HeatProblem.checksum(new NaiveHeat().solve(problem, 1));   // bit for bit
 * }</pre>
 */
package optpar.mpi;
