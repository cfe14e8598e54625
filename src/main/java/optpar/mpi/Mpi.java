package optpar.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The few MPI calls the course needs, bound to Open MPI's C library ({@code libmpi.so.40}) through
 * Java's Foreign Function &amp; Memory API. This is the Java counterpart of Python's {@code mpi4py}:
 * one object per process ("rank"), messages between processes, no shared memory.
 *
 * <pre>{@code
 * try (Mpi mpi = Mpi.init()) {
 *     double total = mpi.allreduceSum(mpi.rank() + 1.0);   // every rank gets 1 + 2 + ... + size
 *     if (mpi.rank() == 0) System.out.println(mpi.size() + " ranks, sum " + total);
 * }
 * }</pre>
 * Run it as {@code mpirun -np 3 java --enable-native-access=ALL-UNNAMED -cp ... Main}: mpirun starts
 * three JVMs and tells each which rank it is.
 *
 * <h2>How the C API maps to Java</h2>
 * <ul>
 * <li>Every MPI function returns an {@code int} error code; {@link #check} turns a non-zero code into an
 *     {@link MpiException} with MPI's own text for it. For that to happen at all the binding switches
 *     {@code MPI_COMM_WORLD} from the default "errors are fatal" to {@code MPI_ERRORS_RETURN}.</li>
 * <li>In Open MPI, handles such as {@code MPI_COMM_WORLD}, {@code MPI_DOUBLE} or {@code MPI_SUM} are
 *     pointers to global objects the library exports ({@code ompi_mpi_comm_world}, ...). We look them up
 *     like functions and pass their address. (Other MPI libraries, e.g. MPICH, use integers instead:
 *     this binding is Open MPI's.)</li>
 * <li>Buffers are {@link MemorySegment}s: off-heap memory the C library can read and write in place.
 *     Counts are in {@code double}s.</li>
 * </ul>
 * One thread calls MPI (the thread that called {@link #init}): MPI's default thread level.
 */
public final class Mpi implements AutoCloseable {

    /** The rank "nobody": a send to it or a receive from it does nothing (Open MPI's value, -2). */
    public static final int PROC_NULL = -2;

    /** "From whichever rank sends first", for {@link #recv} (Open MPI's {@code MPI_ANY_SOURCE}, -1). */
    public static final int ANY_SOURCE = -1;

    /** "With any tag", for {@link #recv} (Open MPI's {@code MPI_ANY_TAG}, -1). */
    public static final int ANY_TAG = -1;

    /** The library's file name; {@code OPTPAR_MPI_LIBRARY} may name another path. */
    public static final String LIBRARY = "libmpi.so.40";

    private static final int MPI_SUCCESS = 0;
    private static final int MPI_MAX_ERROR_STRING = 256;

    // The library stays loaded until the process ends: MPI cannot be started twice in one process, and
    // Open MPI's exit handlers must still find their code after MPI_Finalize.
    private final Arena arena = Arena.global();
    private final SymbolLookup lib;
    private final MemorySegment commWorld, mpiDouble, opSum, opMax;
    private final MethodHandle commRank, commSize, sendrecv, allreduce, barrier, gatherv, wtime,
            finalizeCall, abortCall, errorString, isend, irecv, waitall, send, recv;
    private final int rank, size;
    private String who = "?";   // "rank 2" once known: every error message names the failing rank
    private boolean finalized;

    private Mpi() {
        lib = loadLibrary();
        Linker linker = Linker.nativeLinker();
        // Handles: addresses of Open MPI's predefined objects.
        commWorld = symbol("ompi_mpi_comm_world");
        mpiDouble = symbol("ompi_mpi_double");
        opSum = symbol("ompi_mpi_op_sum");
        opMax = symbol("ompi_mpi_op_max");
        MemorySegment errorsReturn = symbol("ompi_mpi_errors_return");

        // int MPI_Init(int *argc, char ***argv): both may be NULL since MPI-2.
        MethodHandle init = function(linker, "MPI_Init", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        // int MPI_Comm_set_errhandler(MPI_Comm comm, MPI_Errhandler errhandler)
        MethodHandle setErrhandler = function(linker, "MPI_Comm_set_errhandler", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        // int MPI_Comm_rank(MPI_Comm comm, int *rank), MPI_Comm_size(MPI_Comm comm, int *size)
        commRank = function(linker, "MPI_Comm_rank", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        commSize = function(linker, "MPI_Comm_size", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        // int MPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
        //                  void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
        //                  MPI_Comm comm, MPI_Status *status)
        sendrecv = function(linker, "MPI_Sendrecv", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS));
        // int MPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
        allreduce = function(linker, "MPI_Allreduce", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        // int MPI_Barrier(MPI_Comm comm)
        barrier = function(linker, "MPI_Barrier", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        // int MPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
        //                 const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root, MPI_Comm comm)
        gatherv = function(linker, "MPI_Gatherv", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        // int MPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
        // int MPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
        // MPI_Request is a pointer in Open MPI (ompi_request_t *): the call writes it into *request.
        FunctionDescriptor nonBlocking = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        isend = function(linker, "MPI_Isend", nonBlocking);
        irecv = function(linker, "MPI_Irecv", nonBlocking);
        // int MPI_Waitall(int count, MPI_Request array_of_requests[], MPI_Status array_of_statuses[])
        waitall = function(linker, "MPI_Waitall", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        // int MPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
        send = function(linker, "MPI_Send", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        // int MPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Status *status)
        recv = function(linker, "MPI_Recv", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        // double MPI_Wtime(void)
        wtime = function(linker, "MPI_Wtime", FunctionDescriptor.of(JAVA_DOUBLE));
        // int MPI_Finalize(void), int MPI_Abort(MPI_Comm comm, int errorcode)
        finalizeCall = function(linker, "MPI_Finalize", FunctionDescriptor.of(JAVA_INT));
        abortCall = function(linker, "MPI_Abort", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        // int MPI_Error_string(int errorcode, char *string, int *resultlen)
        errorString = function(linker, "MPI_Error_string", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

        check(callInt(init, MemorySegment.NULL, MemorySegment.NULL), "MPI_Init");
        check(callInt(setErrhandler, commWorld, errorsReturn), "MPI_Comm_set_errhandler");
        rank = queryInt(commRank, "MPI_Comm_rank");
        size = queryInt(commSize, "MPI_Comm_size");
        who = Integer.toString(rank);
    }

    /**
     * Starts MPI in this process (once per process, before any other call).
     *
     * @throws MpiException when Open MPI's library is missing or {@code MPI_Init} fails
     */
    public static Mpi init() {
        return new Mpi();
    }

    /** The body of a rank's {@code main}, given the started MPI. */
    @FunctionalInterface
    public interface RankMain {
        void run(Mpi mpi) throws Exception;
    }

    /**
     * A rank's {@code main} around {@code body}: starts MPI (or prints one line and exits with 3), runs
     * the body, closes MPI. When the body fails it prints one line naming the rank and ends the whole
     * job ({@code MPI_Abort}, exit 2): the other ranks may be waiting for this one's message and would
     * otherwise wait for ever.
     * <pre>{@code
     * public static void main(String[] args) {
     *     Mpi.runRank(mpi -> System.out.println("rank " + mpi.rank() + " of " + mpi.size()));
     * }
     * }</pre>
     */
    public static void runRank(RankMain body) {
        Mpi mpi;
        try {
            mpi = init();
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        try {
            body.run(mpi);
            mpi.close();
        } catch (Exception e) {
            System.err.println("rank " + mpi.rank() + " error: " + e.getMessage());
            System.err.flush();
            mpi.abort(2);
            System.exit(2);
        }
    }

    /** This process's number in {@code MPI_COMM_WORLD}: 0 .. size-1. */
    public int rank() {
        return rank;
    }

    /** How many processes mpirun started. */
    public int size() {
        return size;
    }

    /**
     * Sends {@code send} to rank {@code dest} and, at the same time, receives {@code recv} from rank
     * {@code source} ({@code MPI_Sendrecv}). Doing both in one call is what makes a halo exchange safe:
     * if every rank first sent and then received, all could wait in their sends at once (deadlock).
     * Either rank may be {@link #PROC_NULL} (at the edge of the domain): that half does nothing.
     *
     * @param send a whole number of doubles to send
     * @param recv where the doubles arrive; its size is the most that may arrive
     */
    public void sendrecv(MemorySegment send, int dest, int sendTag, MemorySegment recv, int source, int recvTag) {
        try {
            int rc = (int) sendrecv.invokeExact(send, doubles(send), mpiDouble, dest, sendTag,
                    recv, doubles(recv), mpiDouble, source, recvTag,
                    commWorld, MemorySegment.NULL /* MPI_STATUS_IGNORE */);
            check(rc, "MPI_Sendrecv");
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException("MPI_Sendrecv could not be called: " + t, t);
        }
    }

    /**
     * Requests of non-blocking calls, to wait for together ({@link #waitAll}). An {@code MPI_Request} in
     * Open MPI is a pointer; this is an off-heap array of them, made once and reused every step.
     * <pre>{@code
     * var pending = mpi.requests(arena, 4);
     * mpi.irecv(haloAbove, up, 2, pending, 0);   mpi.irecv(haloBelow, down, 1, pending, 1);
     * mpi.isend(firstRow, up, 1, pending, 2);    mpi.isend(lastRow, down, 2, pending, 3);
     * updateInterior();                          // the messages travel meanwhile
     * mpi.waitAll(pending);                      // now the halos are here and the edge rows may change
     * }</pre>
     */
    public MemorySegment requests(Arena arena, int count) {
        return arena.allocate(ADDRESS, count);
    }

    /**
     * Starts sending {@code buf} to {@code dest} and returns at once ({@code MPI_Isend}); the request goes
     * into slot {@code slot} of {@code requests}. {@code buf} must not change until {@link #waitAll}.
     */
    public void isend(MemorySegment buf, int dest, int tag, MemorySegment requests, int slot) {
        nonBlocking(isend, "MPI_Isend", buf, dest, tag, requests, slot);
    }

    /**
     * Starts receiving into {@code buf} from {@code source} and returns at once ({@code MPI_Irecv}); the
     * request goes into slot {@code slot}. {@code buf} must not be read until {@link #waitAll}.
     */
    public void irecv(MemorySegment buf, int source, int tag, MemorySegment requests, int slot) {
        nonBlocking(irecv, "MPI_Irecv", buf, source, tag, requests, slot);
    }

    private void nonBlocking(MethodHandle h, String call, MemorySegment buf, int peer, int tag, MemorySegment requests, int slot) {
        try {
            int rc = (int) h.invokeExact(buf, doubles(buf), mpiDouble, peer, tag, commWorld,
                    requests.asSlice(slot * ADDRESS.byteSize(), ADDRESS.byteSize()));
            check(rc, call);
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException(call + " could not be called: " + t, t);
        }
    }

    /** Waits until every request in {@code requests} has completed ({@code MPI_Waitall}, statuses ignored). */
    public void waitAll(MemorySegment requests) {
        try {
            int rc = (int) waitall.invokeExact((int) (requests.byteSize() / ADDRESS.byteSize()), requests,
                    MemorySegment.NULL /* MPI_STATUSES_IGNORE */);
            check(rc, "MPI_Waitall");
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException("MPI_Waitall could not be called: " + t, t);
        }
    }

    /** Sends {@code buf} (doubles) to rank {@code dest} and returns when it may be reused ({@code MPI_Send}). */
    public void send(MemorySegment buf, int dest, int tag) {
        try {
            int rc = (int) send.invokeExact(buf, doubles(buf), mpiDouble, dest, tag, commWorld);
            check(rc, "MPI_Send");
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException("MPI_Send could not be called: " + t, t);
        }
    }

    /** Who sent a message and with which tag: the two public fields of an {@code MPI_Status}. */
    public record Received(int source, int tag) {}

    /**
     * Receives into {@code buf} (at most its size in doubles) from {@code source} with {@code tag}
     * ({@code MPI_Recv}); {@link #ANY_SOURCE} and {@link #ANY_TAG} take the first message that comes.
     */
    public Received recv(MemorySegment buf, int source, int tag) {
        try (Arena call = Arena.ofConfined()) {
            // Open MPI's MPI_Status starts with int MPI_SOURCE, int MPI_TAG, int MPI_ERROR (then private
            // fields); 64 bytes is more than its size.
            MemorySegment status = call.allocate(64, 8);
            int rc = (int) recv.invokeExact(buf, doubles(buf), mpiDouble, source, tag, commWorld, status);
            check(rc, "MPI_Recv");
            return new Received(status.get(JAVA_INT, 0), status.get(JAVA_INT, 4));
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException("MPI_Recv could not be called: " + t, t);
        }
    }

    /** The sum of {@code value} over all ranks, returned on every rank ({@code MPI_Allreduce} with {@code MPI_SUM}). */
    public double allreduceSum(double value) {
        return allreduce(value, opSum, "MPI_Allreduce(MPI_SUM)");
    }

    /** The largest {@code value} over all ranks, returned on every rank ({@code MPI_Allreduce} with {@code MPI_MAX}). */
    public double allreduceMax(double value) {
        return allreduce(value, opMax, "MPI_Allreduce(MPI_MAX)");
    }

    private double allreduce(double value, MemorySegment op, String what) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(JAVA_DOUBLE, value);
            MemorySegment out = call.allocate(JAVA_DOUBLE);
            int rc = (int) allreduce.invokeExact(in, out, 1, mpiDouble, op, commWorld);
            check(rc, what);
            return out.get(JAVA_DOUBLE, 0);
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException(what + " could not be called: " + t, t);
        }
    }

    /** Waits until every rank has reached this call ({@code MPI_Barrier}). */
    public void barrier() {
        check(callInt(barrier, commWorld), "MPI_Barrier");
    }

    /**
     * Gathers each rank's {@code send} into {@code recv} on rank {@code root} ({@code MPI_Gatherv}):
     * rank r's doubles land at {@code displs[r]} and there are {@code counts[r]} of them. Only the root's
     * {@code recv}, {@code counts} and {@code displs} are read; other ranks may pass {@code null} for recv.
     */
    public void gatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, int root) {
        if (counts.length != size || displs.length != size) {
            throw new IllegalArgumentException("gatherv needs one count and one displacement per rank (" + size
                    + "), got " + counts.length + " and " + displs.length);
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment c = call.allocateFrom(JAVA_INT, counts);
            MemorySegment d = call.allocateFrom(JAVA_INT, displs);
            MemorySegment into = recv == null ? MemorySegment.NULL : recv;
            int rc = (int) gatherv.invokeExact(send, doubles(send), mpiDouble, into, c, d, mpiDouble, root, commWorld);
            check(rc, "MPI_Gatherv");
        } catch (MpiException e) {
            throw e;
        } catch (Throwable t) {
            throw new MpiException("MPI_Gatherv could not be called: " + t, t);
        }
    }

    /** Wall-clock seconds since some moment in the past ({@code MPI_Wtime}): subtract two readings. */
    public double wtime() {
        try {
            return (double) wtime.invokeExact();
        } catch (Throwable t) {
            throw new MpiException("MPI_Wtime could not be called: " + t, t);
        }
    }

    /**
     * Ends every rank of the job with {@code errorCode} ({@code MPI_Abort}). A rank that fails must call
     * this: the others may be waiting for its message and would otherwise wait for ever.
     */
    public void abort(int errorCode) {
        try {
            int ignored = (int) abortCall.invokeExact(commWorld, errorCode);
        } catch (Throwable t) {
            // Nothing better to do: the caller exits the JVM next, and mpirun ends the other ranks.
        }
    }

    /** Ends MPI in this process ({@code MPI_Finalize}); every rank must call it. Idempotent. */
    @Override
    public void close() {
        if (finalized) return;
        finalized = true;
        check(callInt(finalizeCall), "MPI_Finalize");
    }

    /** Turns MPI's return code into an exception with MPI's own text for it. */
    private void check(int rc, String call) {
        if (rc == MPI_SUCCESS) return;
        throw new MpiException(call + " failed on rank " + who + " with error " + rc + ": " + errorText(rc));
    }

    private String errorText(int rc) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment text = call.allocate(MPI_MAX_ERROR_STRING);
            MemorySegment len = call.allocate(JAVA_INT);
            int r = (int) errorString.invokeExact(rc, text, len);
            if (r != MPI_SUCCESS) return "(no text for this code)";
            byte[] bytes = text.asSlice(0, len.get(JAVA_INT, 0)).toArray(ValueLayout.JAVA_BYTE);
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (Throwable t) {
            return "(no text for this code)";
        }
    }

    private int queryInt(MethodHandle h, String call) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check(callInt(h, commWorld, out), call);
            return out.get(JAVA_INT, 0);
        }
    }

    private static int callInt(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw new MpiException("calling into Open MPI failed: " + t, t);
        }
    }

    /** How many doubles a buffer holds; MPI counts are {@code int}s. */
    private static int doubles(MemorySegment s) {
        long bytes = s.byteSize();
        if (bytes % Double.BYTES != 0 || bytes / Double.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an MPI buffer must hold a whole number of doubles, at most "
                    + Integer.MAX_VALUE + "; this one has " + bytes + " bytes");
        }
        return (int) (bytes / Double.BYTES);
    }

    private SymbolLookup loadLibrary() {
        String name = System.getenv("OPTPAR_MPI_LIBRARY");
        if (name == null || name.isBlank()) name = LIBRARY;
        try {
            return SymbolLookup.libraryLookup(name, arena);
        } catch (IllegalArgumentException e) {
            throw new MpiException("Open MPI's C library " + name + " was not found: install Debian's openmpi-bin and "
                    + "libopenmpi-dev (or set OPTPAR_MPI_LIBRARY to the library's path)", e);
        }
    }

    private MemorySegment symbol(String name) {
        return lib.find(name).orElseThrow(() -> new MpiException("symbol " + name + " is missing from " + LIBRARY
                + ": this binding needs Open MPI 4.x or 5.x (not MPICH)"));
    }

    private MethodHandle function(Linker linker, String name, FunctionDescriptor fd) {
        return linker.downcallHandle(symbol(name), fd);
    }
}
