/**
 * JMH benchmarks of every variant: {@link optpar.bench.MandelbrotBench}, {@link optpar.bench.HeatBench}
 * and the bandwidth probe {@link optpar.bench.StreamBench}, parameterised by variant name and threads.
 * {@link optpar.bench.Jmh} runs them with the bench CLI's options (serial variants on one thread only):
 * <pre>
 * java @src/main/resources/optpar/jvm-options.txt \
 *      -cp 'target/optpar.jar:target/lib/*' optpar.bench.Jmh heat --n 1024 --steps 200 --threads 1,2
 * </pre>
 * or JMH's own launcher: {@code java -cp 'target/optpar.jar:target/lib/*' org.openjdk.jmh.Main
 * optpar.bench.MandelbrotBench -p impl=scalar,vector -p threads=1 -f 1 -wi 3 -i 5}.
 * Add {@code --quick} to the runner for a smoke test (one 0.2 s warm-up and measurement).
 */
package optpar.bench;
