package optpar;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseTest {

    @Test
    void parsesCountLists() {
        assertArrayEquals(new int[] {1, 2, 8}, Course.parseCounts("1, 2,8", "threads"));
    }

    @Test
    void rejectsBadCountsWithOneLineSayingWhatIsAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Course.parseCounts("1,x", "--threads"));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("1,2,4"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        e = assertThrows(IllegalArgumentException.class, () -> Course.parseCounts("0", "--threads"));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Course.threads(2, 0));
    }

    @Test
    void childJavaCommandUsesThisJavaAndTheCourseOptions() {
        List<String> cmd = Course.javaCommand(List.of("-Xint"), "optpar.Main", "a");
        assertEquals(Course.javaExecutable(), cmd.get(0));
        assertTrue(cmd.containsAll(Course.jvmOptions()));
        assertEquals(List.of("-Xint", "-cp", Course.classpath(), "optpar.Main", "a"), cmd.subList(cmd.size() - 5, cmd.size()));
    }

    @Test
    void machineLineNamesJavaAndCores() {
        String m = Course.machine();
        assertTrue(m.contains("Java " + Runtime.version()) && m.contains(Course.cores() + " cores"), m);
    }
}
