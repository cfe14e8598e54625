package optpar.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import optpar.bench.Jmh;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JMH runner rejects bad input before starting JMH (running JMH itself is too slow for a unit test). */
class JmhArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {"heat --n 2", "mandelbrot --impl nosuch", "stream --impl scale", "heat --plot x.png",
            "heat --threads 0", "nothing"})
    void badInputExitsTwo(String line) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Jmh.run(line.split(" "), new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(2, status, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("jmh: "), err.toString());
    }
}
