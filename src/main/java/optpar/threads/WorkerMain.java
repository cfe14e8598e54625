package optpar.threads;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The program each {@link WorkerProcessPool} worker runs: read a request from stdin, compute, write the
 * answer to stdout, repeat until stdin closes. Every number crosses the process boundary as 8 bytes
 * through a pipe: the data-transfer cost that makes small jobs slower in processes than in threads.
 *
 * <p>Protocol (big-endian, {@link DataOutputStream}): request = task ordinal (int), n (int), n doubles;
 * answer = 0 (int), n (int), n doubles; or 1 (int) and an error message (UTF).
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) throws IOException {
        // stdout carries the protocol: anything printed by accident must go to stderr instead.
        var protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        var in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        var out = new DataOutputStream(new BufferedOutputStream(protocolOut, 1 << 16));
        WorkerTask[] tasks = WorkerTask.values();
        while (true) {
            int task;
            try {
                task = in.readInt();
            } catch (EOFException e) {
                return;   // the pool closed our stdin: time to go
            }
            double[] input = readDoubles(in);
            try {
                if (task < 0 || task >= tasks.length) throw new IllegalArgumentException("unknown task number " + task);
                double[] result = tasks[task].apply(input);
                out.writeInt(0);
                writeDoubles(out, result);
            } catch (RuntimeException e) {
                out.writeInt(1);
                out.writeUTF(String.valueOf(e.getMessage()));
            }
            out.flush();
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("corrupt message: negative length " + n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = in.readDouble();
        return x;
    }

    static void writeDoubles(DataOutputStream out, double[] x) throws IOException {
        out.writeInt(x.length);
        for (double v : x) out.writeDouble(v);
    }
}
