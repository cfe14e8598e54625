package optpar.batch;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.ArrayList;
import optpar.measure.Progress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the batch on a Hazelcast cluster: jobs go to the members' executor service, results come
 * back as futures. This is the lecture's
 * <pre>
 * for job in list_of_work:
 *     batch_queue.submit(work)
 * </pre>
 * with one thing a real batch system adds: <b>a lost machine loses no job</b>. Each member has as
 * many "lanes" here as it has job slots; a lane hands the member its next job when the previous
 * one is back, so fast members take more jobs. When a member dies, its unfinished job's future fails
 * ({@link MemberLeftException} or similar); the job goes back to the front of the queue and another
 * member runs it. That is safe only because a job is idempotent: it rewrites the same output file.
 * <pre>{@code
 * BatchReport r = new ClusterBatch(cluster.client(), 60).run(jobs, res -> {});
 * }</pre>
 */
public final class ClusterBatch {
    private final HazelcastInstance client;
    private final int jobTimeoutSeconds;
    private final int slotsPerMember;
    private int memberLimit = Integer.MAX_VALUE;

    /**
     * @param client            a client or member of the cluster
     * @param jobTimeoutSeconds how long one job may take before it counts as lost and runs again
     */
    public ClusterBatch(HazelcastInstance client, int jobTimeoutSeconds) {
        this(client, jobTimeoutSeconds, 1);
    }

    /** As above, with {@code slotsPerMember} jobs in flight per member (the members' executor pool size). */
    public ClusterBatch(HazelcastInstance client, int jobTimeoutSeconds, int slotsPerMember) {
        if (jobTimeoutSeconds < 1 || slotsPerMember < 1) {
            throw new IllegalArgumentException("job timeout and slots per member must be at least 1");
        }
        this.client = client;
        this.jobTimeoutSeconds = jobTimeoutSeconds;
        this.slotsPerMember = slotsPerMember;
    }

    /**
     * Uses only the first {@code n} members (oldest first) from now on: to compare cluster shapes
     * on one running cluster.
     */
    public ClusterBatch limitMembers(int n) {
        if (n < 1) throw new IllegalArgumentException("member limit " + n + " is not allowed: give at least 1");
        this.memberLimit = n;
        return this;
    }

    /**
     * Runs every job on the cluster's current members and waits for all results.
     *
     * @param onResult called with each result as it arrives (from a lane thread)
     * @return every job's result, in job order
     * @throws IllegalStateException when a job fails by itself (bad input: it would fail anywhere),
     *                               or when every member is gone
     */
    public BatchReport run(List<ReduceJob> jobs, Consumer<JobResult> onResult) {
        long t0 = System.nanoTime();
        IExecutorService executor = client.getExecutorService(ClusterMember.EXECUTOR);
        List<Member> members = client.getCluster().getMembers().stream().limit(memberLimit).toList();
        BlockingDeque<ReduceTask> queue = new LinkedBlockingDeque<>();
        for (ReduceJob job : jobs) queue.add(new ReduceTask(job, 1));
        Map<Integer, JobResult> results = new ConcurrentHashMap<>();
        AtomicInteger reruns = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

        Progress progress = Progress.start("hazelcast batch, " + members.size() + (members.size() == 1 ? " member" : " members"), jobs.size());
        List<Thread> lanes = new ArrayList<>();
        for (Member member : members) {
            for (int s = 0; s < slotsPerMember; s++) {
                lanes.add(Thread.ofPlatform().name("lane-" + member.getAddress().getPort() + "-" + s).start(() -> {
                    while (results.size() < jobs.size() && failure.get() == null) {
                        ReduceTask task;
                        try {
                            task = queue.poll(50, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (task == null) continue;
                        try {
                            Future<JobResult> f = executor.submitToMember(task, member);
                            JobResult r = f.get(jobTimeoutSeconds, TimeUnit.SECONDS);
                            results.put(r.job(), r);
                            progress.done();
                            onResult.accept(r);
                        } catch (ExecutionException | TimeoutException | RuntimeException e) {
                            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                            if (memberLost(cause) || e instanceof TimeoutException) {
                                // The member died (or hangs): give the job to someone else, retire this lane.
                                queue.addFirst(new ReduceTask(task.job(), task.attempt() + 1));
                                reruns.incrementAndGet();
                                events.add("member :" + member.getAddress().getPort() + " lost job " + task.job().id()
                                        + " (" + cause.getClass().getSimpleName() + "); the job goes back to the queue");
                                return;
                            }
                            failure.compareAndSet(null, new IllegalStateException("job " + task.job().id()
                                    + " (" + task.job().in() + ") failed: " + cause.getMessage(), cause));
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
        }
        for (Thread lane : lanes) {
            try {
                lane.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lanes.forEach(Thread::interrupt);
                throw new IllegalStateException("interrupted while waiting for the jobs");
            }
        }
        progress.close();
        if (failure.get() != null) throw failure.get();
        if (results.size() < jobs.size()) {
            throw new IllegalStateException((jobs.size() - results.size()) + " jobs have no result: every member was lost");
        }
        List<JobResult> ordered = new ArrayList<>();
        for (ReduceJob job : jobs) ordered.add(results.get(job.id()));
        return new BatchReport("hazelcast", members.size(), ordered, (System.nanoTime() - t0) / 1e9, reruns.get(), List.copyOf(events));
    }

    /** The exceptions that mean "the machine went away", not "the job is wrong". */
    static boolean memberLost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetNotMemberException
                    || c instanceof TargetDisconnectedException
                    || c instanceof com.hazelcast.core.HazelcastInstanceNotActiveException
                    || (c instanceof HazelcastException && c.getCause() instanceof java.io.IOException)) {
                return true;
            }
        }
        return false;
    }
}
