package optpar.bench;

import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotVariants;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JMH benchmarks list every variant of the registries, in their order: a new variant cannot be left out. */
class JmhParamsTest {

    private static List<String> implParam(Class<?> bench) throws NoSuchFieldException {
        return List.of(bench.getField("impl").getAnnotation(Param.class).value());
    }

    @Test
    void mandelbrotBenchListsEveryMandelbrotVariant() throws Exception {
        assertEquals(MandelbrotVariants.all().stream().map(MandelbrotKernel::name).toList(), implParam(MandelbrotBench.class),
                "MandelbrotBench's @Param impl must list MandelbrotVariants.all()");
    }

    @Test
    void heatBenchListsEveryHeatVariant() throws Exception {
        assertEquals(HeatVariants.all().stream().map(HeatSolver::name).toList(), implParam(HeatBench.class),
                "HeatBench's @Param impl must list HeatVariants.all()");
    }
}
