package vmalab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The running processes as File → Open process… lists them: pid, command name, state, how many VMAs (lines of
 * maps) and the resident set. A process that exits while the list is read is left out; one whose maps cannot be
 * read (another user's, without root) is listed with its VMAs unknown and the reason.
 */
public final class ProcessList {
    /**
     * One process.
     *
     * @param vmas     maps lines, -1 when maps could not be read
     * @param rssKiB   VmRSS from status, -1 when there is none (a kernel thread, a zombie)
     * @param cmdline  the arguments joined by spaces, {@code [comm]} when empty (a kernel thread)
     * @param note     why maps could not be read, or null
     */
    public record Entry(int pid, String comm, char state, int vmas, long rssKiB, String cmdline, String note) {
        /** Whether the lab can import it: its maps were read and it has an address space. */
        public boolean importable() {
            return vmas > 0 && state != 'Z';
        }
    }

    private ProcessList() {
    }

    /** Every process under {@code proc} (normally /proc), by pid. */
    public static List<Entry> read(Path proc) {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : ds) {
                Entry e = entry(dir);
                if (e != null) out.add(e);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparingInt(Entry::pid));
        return out;
    }

    /** Whether {@code name} is a pid as /proc names it: 1 to 10 ASCII digits. */
    public static boolean isPid(String name) {
        if (name.isEmpty() || name.length() > 10) return false;
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) < '0' || name.charAt(i) > '9') return false;
        return true;
    }

    /** One process, or null when it has gone (its stat cannot be read). */
    static Entry entry(Path dir) {
        int pid;
        try {
            pid = Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return null;
        }
        String stat = text(dir.resolve("stat"));
        if (stat == null) return null;
        // fs/proc/array.c: do_task_stat() prints "pid (comm) S …"; comm may hold spaces and parentheses
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.length()) return null;
        String comm = stat.substring(open + 1, close);
        char state = stat.charAt(close + 2);
        long rss = -1;
        String status = text(dir.resolve("status"));
        if (status != null) {
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) rss = kib(line.substring(6));
            }
        }
        String cmd = text(dir.resolve("cmdline"));
        String cmdline = cmd == null || cmd.isEmpty() ? "[" + comm + "]"
            : cmd.replace('\0', ' ').strip();
        int vmas;
        String note = null;
        try {
            vmas = lines(Files.readAllBytes(dir.resolve("maps")));
        } catch (IOException e) {
            vmas = -1;
            note = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "cannot read maps";
        }
        return new Entry(pid, comm, state, vmas, rss, cmdline, note);
    }

    private static long kib(String value) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        try {
            return Long.parseLong(sp < 0 ? v : v.substring(0, sp));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int lines(byte[] b) {
        int n = 0;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }

    private static String text(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            return new String(b, 0, Math.min(b.length, 1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
