package optpar;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The JVM options are written once, in {@code src/main/resources/optpar/jvm-options.txt}: the course
 * script, the kernel template, surefire (as a java argument file) and {@link Course#jvmOptions()} read it.
 */
class JvmOptionsTest {
    private static final Path FILE = Path.of("src/main/resources/optpar/jvm-options.txt");

    @Test
    void courseReadsTheFile() throws Exception {
        List<String> fromFile = Course.parseJvmOptions(Files.readString(FILE));
        assertEquals(fromFile, Course.jvmOptions(), "Course.jvmOptions() is the file's list");
        assertTrue(fromFile.contains("--enable-native-access=ALL-UNNAMED"), fromFile.toString());
        int add = fromFile.indexOf("--add-modules");
        assertTrue(add >= 0 && fromFile.get(add + 1).equals("jdk.incubator.vector"), fromFile.toString());
    }

    @Test
    void commentsAndBlankLinesAreNotOptions() {
        assertEquals(List.of("-a", "b", "-c"), Course.parseJvmOptions("# a comment\n\n -a  b # why\n\t-c\n#-d\n"));
        assertEquals(List.of(), Course.parseJvmOptions("# nothing\n"));
    }

    @Test
    void surefireStartsTheUnitTestsJvmFromTheFile() throws Exception {
        Matcher m = Pattern.compile("<argLine>([^<]*)</argLine>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml gives surefire an argLine");
        assertEquals("@${project.basedir}/" + FILE, m.group(1).trim(), "surefire's argLine is the file, as a java argument file");
        // and the java launcher really read it
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String o : Course.jvmOptions()) {
            if (o.equals("--add-modules") || o.equals("jdk.incubator.vector")) continue;   // the JVM reports these as one
            assertTrue(args.contains(o), "this JVM runs with " + o + ": " + args);
        }
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "the Vector API module is loaded");
    }

    @Test
    void theCourseScriptAndTheKernelTemplateReadTheFile() throws Exception {
        String course = Files.readString(Path.of("course"));
        assertTrue(course.contains("src/main/resources/optpar/jvm-options.txt"), "./course reads the file");
        for (String o : Course.jvmOptions()) {
            if (o.startsWith("-")) {
                assertFalse(course.contains(" " + o + " ") || course.contains("(" + o + " "),
                        "./course must not write the option " + o + " itself");
            }
        }
    }
}
