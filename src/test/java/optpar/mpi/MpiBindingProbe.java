package optpar.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * Run by {@link MpiBindingTest} under mpirun: exercises each call of the binding with values every rank
 * can predict, and prints one "PROBE name value" line per check on rank 0 (or "PROBE-FAIL ..." lines).
 */
public final class MpiBindingProbe {
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        try (Mpi mpi = Mpi.init(); Arena arena = Arena.ofConfined()) {
            int rank = mpi.rank(), size = mpi.size();
            // A value per rank that every rank can compute for every other rank.
            java.util.function.IntToDoubleFunction value = r -> new java.util.Random(seed + r).nextDouble();

            double sum = mpi.allreduceSum(value.applyAsDouble(rank));
            double max = mpi.allreduceMax(value.applyAsDouble(rank));

            // A ring: send 3 doubles to the right, receive the left neighbour's.
            MemorySegment send = arena.allocate(JAVA_DOUBLE, 3), recv = arena.allocate(JAVA_DOUBLE, 3);
            for (int i = 0; i < 3; i++) send.setAtIndex(JAVA_DOUBLE, i, rank * 10 + i);
            mpi.sendrecv(send, (rank + 1) % size, 7, recv, (rank + size - 1) % size, 7);
            int left = (rank + size - 1) % size;
            boolean ringOk = true;
            for (int i = 0; i < 3; i++) ringOk &= recv.getAtIndex(JAVA_DOUBLE, i) == left * 10 + i;

            // Gatherv: rank r sends r+1 copies of r, packed in rank order on rank 0.
            MemorySegment mine = arena.allocate(JAVA_DOUBLE, rank + 1);
            for (int i = 0; i <= rank; i++) mine.setAtIndex(JAVA_DOUBLE, i, rank);
            int[] counts = new int[size], displs = new int[size];
            int total = 0;
            for (int r = 0; r < size; r++) { counts[r] = r + 1; displs[r] = total; total += r + 1; }
            MemorySegment all = rank == 0 ? arena.allocate(JAVA_DOUBLE, total) : null;
            mpi.gatherv(mine, all, counts, displs, 0);

            // PROC_NULL on both sides: nothing moves, the receive buffer keeps its contents.
            recv.setAtIndex(JAVA_DOUBLE, 0, -1);
            mpi.sendrecv(send, Mpi.PROC_NULL, 1, recv, Mpi.PROC_NULL, 1);

            // An invalid destination: Open MPI returns an error code, which the binding turns into a message.
            String error;
            try {
                mpi.sendrecv(send, size + 5, 1, recv, Mpi.PROC_NULL, 1);
                error = "no error";
            } catch (MpiException e) {
                error = e.getMessage();
            }

            mpi.barrier();
            double t0 = mpi.wtime(), t1 = mpi.wtime();
            if (rank == 0) {
                double expectedSum = 0, expectedMax = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < size; r++) {
                    expectedSum += value.applyAsDouble(r);
                    expectedMax = Math.max(expectedMax, value.applyAsDouble(r));
                }
                StringBuilder gathered = new StringBuilder();
                for (int i = 0; i < total; i++) gathered.append((int) all.getAtIndex(JAVA_DOUBLE, i));
                System.out.println("PROBE size " + size);
                System.out.println("PROBE sum " + sum + " expected " + expectedSum);
                System.out.println("PROBE max " + max + " expected " + expectedMax);
                System.out.println("PROBE ring " + ringOk);
                System.out.println("PROBE gathered " + gathered);
                System.out.println("PROBE procnull " + recv.getAtIndex(JAVA_DOUBLE, 0));
                System.out.println("PROBE wtime " + (t1 >= t0));
                System.out.println("PROBE error " + error);
            }
        }
    }
}
