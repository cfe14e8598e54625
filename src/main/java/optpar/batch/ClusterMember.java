package optpar.batch;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.Arrays;
import java.util.List;

/**
 * One member of the Hazelcast cluster: a JVM that joins the others over TCP and runs the jobs
 * sent to the executor {@value #EXECUTOR}. {@link LocalCluster} starts several on 127.0.0.1; on
 * real machines you would start one per machine with their addresses in the member list.
 *
 * <p>How members find each other: multicast off (it would find strangers' clusters on a shared
 * network) and an explicit TCP-IP member list. A unique cluster name keeps two runs on one machine
 * apart even if their ports were to meet.
 * <pre>{@code
 * java -cp ... optpar.batch.ClusterMember --cluster optpar-1234 --port 5901 \
 *      --members 5901,5902,5903 --slots 1 --max-seconds 600
 * }</pre>
 * The member prints {@code READY <port>} once joined, and ends itself after {@code --max-seconds}
 * or as soon as the process that started it dies: a forgotten member never lingers.
 */
public final class ClusterMember {
    private ClusterMember() {}

    /** The name of the executor service the jobs are submitted to. */
    public static final String EXECUTOR = "jobs";

    /** The member's configuration: loopback, fixed port, TCP-IP join, {@code slots} job threads. */
    public static Config config(String cluster, int port, List<Integer> memberPorts, int slots) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // Notice a dead member within seconds, not the default minute.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "3600");
        NetworkConfig net = config.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int p : memberPorts) join.getTcpIpConfig().addMember("127.0.0.1:" + p);
        // One member = one "machine" with `slots` job slots, like a node of a batch system.
        config.getExecutorConfig(EXECUTOR).setPoolSize(slots);
        return config;
    }

    public static void main(String[] args) {
        String cluster = null;
        int port = -1, slots = 1, maxSeconds = 600;
        List<Integer> members = List.of();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cluster" -> cluster = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--members" -> members = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--slots" -> slots = Integer.parseInt(args[i + 1]);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("member: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (cluster == null || port < 1 || members.isEmpty()) {
            System.err.println("member: need --cluster NAME --port P --members P1,P2,...");
            System.exit(2);
        }
        endAfter(maxSeconds);
        // If the notebook or test that started us dies, so do we.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        System.setProperty("optpar.member", "member :" + port + " (pid " + ProcessHandle.current().pid() + ")");
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config(cluster, port, members, slots));
        System.out.println("READY " + port + " " + hz.getCluster().getLocalMember().getUuid());
        System.out.flush();
    }

    private static void endAfter(int seconds) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException ignored) {
                // fall through: end anyway
            }
            System.err.println("member: time bound of " + seconds + " s reached, exiting");
            Runtime.getRuntime().halt(3);
        }, "member-time-bound");
        t.setDaemon(true);
        t.start();
    }
}
