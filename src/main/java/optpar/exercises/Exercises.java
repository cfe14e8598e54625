package optpar.exercises;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every exercise of the course, found in the lesson classes {@code Ex01} .. {@code Ex13}. */
public final class Exercises {
    private Exercises() {}

    private static final Map<String, String> LESSONS = Map.ofEntries(
            Map.entry("01", "01 measure first"), Map.entry("02", "02 memoization"), Map.entry("03", "03 vectorization"),
            Map.entry("04", "04 JIT compilation"), Map.entry("05", "05 native code"), Map.entry("06", "06 heat equation"),
            Map.entry("07", "07 threads and processes"), Map.entry("08", "08 races, locks, deadlocks"),
            Map.entry("09", "09 fork-join"), Map.entry("10", "10 parallel loops"), Map.entry("11", "11 MPI heat"),
            Map.entry("12", "12 batch jobs"), Map.entry("13", "13 workflows"));

    private static final List<Class<?>> LESSON_CLASSES = List.of(Ex01.class, Ex02.class, Ex03.class, Ex04.class, Ex05.class,
            Ex06.class, Ex07.class, Ex08.class, Ex09.class, Ex10.class, Ex11.class, Ex12.class, Ex13.class);

    /** All exercises, by lesson and number. */
    public static List<Exercise> all() {
        List<Exercise> out = new ArrayList<>();
        for (Class<?> c : LESSON_CLASSES) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Exercise.class.isAssignableFrom(f.getType())) {
                    try {
                        out.add((Exercise) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + c.getSimpleName() + "." + f.getName(), e);
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Exercise::lesson).thenComparingInt(Exercise::number));
        return out;
    }

    /** "02 memoization" for "02". */
    public static String lessonName(String lesson) {
        return LESSONS.getOrDefault(lesson, lesson);
    }
}
