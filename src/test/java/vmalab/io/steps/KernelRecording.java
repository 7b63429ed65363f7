package vmalab.io.steps;

import java.util.ArrayList;
import java.util.List;

/**
 * What tools/kernel-probe/steps.c recorded on Linux for one scenario: per step, the return value, the faults the
 * operation alone took, the signal, the heap's bounds, and each VMA the scenario's mappings meet with the state
 * of its pages ({@code .} not present, {@code P} present, {@code Z} the zero page, {@code S} swapped).
 */
record KernelRecording(List<Step> steps) {
    record Vma(long start, long end, String perms, long offset, String name, String flags, String pages) { }

    /**
     * @param ret     the return value as printed: {@code 0x…}, a number, {@code -12 ENOMEM}, or {@code child}
     * @param minflt  -1 when the probe could not measure it alone (fork)
     */
    record Step(int number, int line, String process, String op, String ret, long minflt, long majflt,
                String signal, long signalAddr, long startBrk, long brk, List<Vma> vmas) {
        boolean retIsAddress() {
            return ret.startsWith("0x");
        }

        long retValue() {
            return retIsAddress() ? Long.parseUnsignedLong(ret.substring(2), 16) : Long.parseLong(ret.split(" ")[0]);
        }
    }

    static KernelRecording parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n");
        int i = 0;
        while (i < lines.length) {
            String l = lines[i++];
            if (!l.startsWith("step ")) continue;
            String[] h = l.split(" ", 8);
            int number = Integer.parseInt(h[1]);
            int line = Integer.parseInt(h[3]);
            String process = h[5];
            String op = h[7];
            String ret = null, signal = null;
            long min = -1, maj = -1, sigAddr = 0, startBrk = 0, brk = 0;
            List<Vma> vmas = new ArrayList<>();
            while (i < lines.length && !lines[i].equals("end")) {
                String s = lines[i++];
                String[] w = s.split(" ");
                switch (w[0]) {
                    case "ret" -> ret = s.substring(4);
                    case "faults" -> {
                        min = w[1].equals("-") ? -1 : Long.parseLong(w[1]);
                        maj = w[2].equals("-") ? -1 : Long.parseLong(w[2]);
                    }
                    case "signal" -> {
                        signal = w[1].equals("-") ? null : w[1];
                        if (signal != null) sigAddr = hex(w[2]);
                    }
                    case "brk" -> {
                        startBrk = hex(w[1]);
                        brk = hex(w[2]);
                    }
                    case "vma" -> {
                        // vma START END PERMS OFFSET NAME… FLAGS…, the name possibly holding spaces
                        String pages = lines[i++].split(" ")[2];
                        vmas.add(vma(s, pages));
                    }
                    default -> throw new IllegalArgumentException("unexpected recording line: " + s);
                }
            }
            i++;
            steps.add(new Step(number, line, process, op, ret, min, maj, signal, sigAddr, startBrk, brk, vmas));
        }
        return new KernelRecording(List.copyOf(steps));
    }

    /** The VmFlags mnemonics are two lower-case letters each; the name is what lies between offset and them. */
    private static Vma vma(String s, String pages) {
        String[] w = s.trim().split(" ");
        int firstFlag = w.length;
        while (firstFlag > 5 && w[firstFlag - 1].matches("[a-z0-9]{2}")) firstFlag--;
        String name = String.join(" ", java.util.Arrays.copyOfRange(w, 5, firstFlag));
        String flags = String.join(" ", java.util.Arrays.copyOfRange(w, firstFlag, w.length));
        return new Vma(hex(w[1]), hex(w[2]), w[3], Long.parseUnsignedLong(w[4], 16), name.equals("-") ? "" : name,
            flags, pages);
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }
}
