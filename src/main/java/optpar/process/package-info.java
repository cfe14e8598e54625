/**
 * Child processes, bounded: {@link optpar.process.ChildProcess} is the one runner every part of the
 * course uses to start another program (child JVMs, worker processes, mpirun, cwltool, Python, Slurm).
 */
package optpar.process;
