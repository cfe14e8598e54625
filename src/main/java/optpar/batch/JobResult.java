package optpar.batch;

import java.io.Serializable;

/**
 * What the batch runner learns about one finished job: its result, where it ran, how long it took.
 *
 * @param job      the job's number (its position in the job list, like a job array's task id)
 * @param reduced  the reduced row the job wrote
 * @param worker   where it ran: "pid 1234" (a process of the local pool or a cluster member)
 * @param millis   the job's own run time in milliseconds
 * @param attempt  1 for a first run, 2 or more when the job had to run again after its worker died
 */
public record JobResult(int job, Reduced reduced, String worker, double millis, int attempt) implements Serializable {}
