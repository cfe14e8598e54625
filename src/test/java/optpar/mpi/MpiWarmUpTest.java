package optpar.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import optpar.heat.HeatProblem;
import org.junit.jupiter.api.Test;

/** The automatic warm-up of the MPI heat ranks: the same steps on every rank, enough rows for the JIT. */
class MpiWarmUpTest {
    @Test
    void theStepsGiveEachRankAboutTheRowBudgetWithinTheBounds() {
        assertEquals(294, MpiHeatRank.autoWarmupSteps(1024, 1));      // 1022 rows: ceil(300000 / 1022)
        assertEquals(588, MpiHeatRank.autoWarmupSteps(1024, 2));      // 511 rows each
        assertEquals(30, MpiHeatRank.autoWarmupSteps(20_000, 1));     // huge rows: the minimum
        assertEquals(2_000, MpiHeatRank.autoWarmupSteps(40, 3));      // tiny rows: the maximum
        for (int n : new int[] {100, 1000, 4096}) {
            for (int p = 1; p <= 8; p++) {
                long rows = (n - 2L) / p;
                int steps = MpiHeatRank.autoWarmupSteps(n, p);
                assertTrue(steps == 30 || steps == 2_000 || steps * rows >= MpiHeatRank.WARMUP_ROW_UPDATES, n + ", " + p + ": " + steps);
            }
        }
    }

    @Test
    void theLauncherAsksForAutoAndTheRankReadsIt() {
        List<String> cmd = new MpiHeatLauncher().command(2, new HeatProblem(64, 5));
        int at = cmd.indexOf("--warmup");
        assertEquals("auto", cmd.get(at + 1), cmd.toString());
        assertEquals("7", new MpiHeatLauncher().warmup(7).command(2, new HeatProblem(64, 5)).get(at + 1));
        assertEquals(MpiHeatRank.AUTO_WARMUP, MpiHeatRank.Options.parse(new String[] {"64", "5", "--warmup", "auto"}).warmup());
        var e = assertThrows(IllegalArgumentException.class, () -> MpiHeatRank.Options.parse(new String[] {"64", "5", "--warmup", "-3"}));
        assertTrue(e.getMessage().contains("or auto"), e.getMessage());
    }
}
