package optpar.batch;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import optpar.process.ChildProcess;

/**
 * A real Hazelcast cluster on this machine: each member is its own JVM (a child process) on
 * 127.0.0.1, and this JVM talks to them as a <em>client</em> (it holds no data and runs no jobs).
 * On real machines only the addresses change.
 *
 * <p>Every member has a time bound, and {@link #close()} (also run by a shutdown hook) kills
 * whatever is still running, so use it in try-with-resources:
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(2, 3, 1, 300)) {   // 2 members now, room for 3
 *     BatchReport r = new ClusterBatch(cluster.client(), 60).run(jobs, x -> {});
 *     cluster.addMember();                                            // grow to 3
 *     cluster.kill(0);                                                // a machine dies
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
    /** Module opens Hazelcast asks for on modern Java (it works without them, with warnings). */
    private static final List<String> MEMBER_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final String name;
    private final List<Integer> ports;
    private final int slots;
    private final int maxSeconds;
    private final List<ChildProcess.Running> members = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "local-cluster-cleanup");
    private HazelcastInstance client;

    private LocalCluster(int maxMembers, int slots, int maxSeconds) throws IOException {
        this.name = "optpar-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        this.ports = freePorts(maxMembers);
        this.slots = slots;
        this.maxSeconds = maxSeconds;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code members} member JVMs (in parallel) and connects a client to them.
     *
     * @param maxMembers how many members the cluster may grow to ({@link #addMember()})
     * @param slots      job threads per member
     * @param timeBound  time bound of every member process (at least 10 s)
     * @throws IllegalArgumentException on counts out of range
     * @throws IllegalStateException when a member does not come up within a minute (its log is quoted)
     */
    public static LocalCluster start(int members, int maxMembers, int slots, java.time.Duration timeBound) {
        return start(members, maxMembers, slots, (int) Math.min(Integer.MAX_VALUE, timeBound.toSeconds()));
    }

    /** As {@link #start(int, int, int, java.time.Duration)}, the members' time bound in seconds. */
    public static LocalCluster start(int members, int maxMembers, int slots, int maxSeconds) {
        if (members < 1 || maxMembers < members || maxMembers > 16) {
            throw new IllegalArgumentException("members " + members + " of at most " + maxMembers
                    + " is not allowed: start 1 to 16 members and no more than the maximum");
        }
        if (slots < 1 || maxSeconds < 10) {
            throw new IllegalArgumentException("slots must be at least 1 and the time bound at least 10 s");
        }
        LocalCluster c;
        try {
            c = new LocalCluster(maxMembers, slots, maxSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<ChildProcess.Running> started = IntStream.range(0, members).mapToObj(i -> c.launch()).toList();
            for (ChildProcess.Running p : started) c.awaitReady(p);
            c.connectClient();
            c.awaitMembers(members);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Starts one more member and waits until the client sees it join. Returns its index. */
    public int addMember() {
        if (members.size() >= ports.size()) {
            throw new IllegalStateException("the cluster was started with room for " + ports.size() + " members");
        }
        ChildProcess.Running p = launch();
        awaitReady(p);
        awaitMembers(aliveCount());
        return members.size() - 1;
    }

    /** Kills member {@code index} at once, as a machine that loses power (no goodbye). Returns its pid. */
    public long kill(int index) {
        ChildProcess.Running p = members.get(index);
        p.kill();
        return p.pid();
    }

    /** The client connected to the cluster (this JVM's handle on it). */
    public HazelcastInstance client() {
        return client;
    }

    /** The cluster's name (unique to this run). */
    public String name() {
        return name;
    }

    /** Members whose processes are still running. */
    public int aliveCount() {
        return (int) members.stream().filter(ChildProcess.Running::isAlive).count();
    }

    /** The last lines of member {@code index}'s log (to see what a member did or why it failed). */
    public String log(int index, int lines) {
        List<String> all = members.get(index).linesSoFar();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Shuts the client down and kills every member process still running. */
    @Override
    public void close() {
        try {
            if (client != null) client.shutdown();
        } catch (RuntimeException ignored) {
            // the members may be gone already: nothing to say goodbye to
        }
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs anyway
        }
    }

    private synchronized void killAll() {
        for (ChildProcess.Running p : members) p.close();   // kills each member's tree, deletes its log
    }

    private synchronized ChildProcess.Running launch() {
        int index = members.size();
        int port = ports.get(index);
        String memberList = String.join(",", ports.stream().map(String::valueOf).toList());
        List<String> cmd = ChildProcess.javaCommand(MEMBER_JVM_OPTIONS, ClusterMember.class.getName(),
                "--cluster", name, "--port", Integer.toString(port), "--members", memberList,
                "--slots", Integer.toString(slots), "--max-seconds", Integer.toString(maxSeconds));
        // A member lives until close() (or its own --max-seconds); its output goes to files.
        ChildProcess.Running p = ChildProcess.of(cmd).start();
        members.add(p);
        return p;
    }

    private void awaitReady(ChildProcess.Running p) {
        int index = members.indexOf(p);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (log(index, 1000).contains("READY " + ports.get(index))) return;
            if (!p.isAlive()) {
                throw new IllegalStateException("member " + index + " exited with " + p.exitCode() + " before joining:\n" + log(index, 15));
            }
            sleep(100);
        }
        p.kill();
        throw new IllegalStateException("member " + index + " did not start within 60 s:\n" + log(index, 15));
    }

    private void connectClient() {
        ClientConfig cc = new ClientConfig();
        cc.setClusterName(name);
        cc.setProperty("hazelcast.logging.type", "none");
        cc.setProperty("hazelcast.phone.home.enabled", "false");
        cc.setProperty("hazelcast.client.invocation.timeout.seconds", "30");
        for (int p : ports) cc.getNetworkConfig().addAddress("127.0.0.1:" + p);
        cc.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(30_000).setInitialBackoffMillis(200).setMaxBackoffMillis(1000);
        client = HazelcastClient.newHazelcastClient(cc);
    }

    private void awaitMembers(int n) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.getCluster().getMembers().size() != n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the client sees " + client.getCluster().getMembers().size()
                        + " members, expected " + n);
            }
            sleep(100);
        }
    }

    /** {@code n} consecutive free ports on loopback from a random base in 5901..7900. */
    private static List<Integer> freePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 5901 + ThreadLocalRandom.current().nextInt(2000 - n);
            List<Integer> ports = new ArrayList<>();
            for (int p = base; p < base + n && isFree(p); p++) ports.add(p);
            if (ports.size() == n) return ports;
        }
        throw new IOException("no " + n + " consecutive free ports found between 5901 and 7900");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster");
        }
    }
}
