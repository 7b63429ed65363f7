package vmalab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;

/** {@code vmalab lessons}: the built-in lessons, one {@code NAME<TAB>TITLE} line each, in catalogue order. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
    description = "List the built-in lessons (NAME<TAB>TITLE); run NAME and export NAME accept a NAME.")
public final class LessonsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        for (Lesson l : Lessons.all()) out.println(l.name() + "\t" + l.title());
        out.flush();
        return 0;
    }
}
