package vmalab.io.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.io.ProcNames;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Op;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.syscall.Errno;
import vmalab.model.syscall.Syscalls;

/**
 * Replays a scenario through the model and compares it, step by step and field by field, with what the kernel
 * recorded. The kernel chose other addresses for the mappings it placed itself, so each mapping's addresses are
 * compared relative to its start: every address an mmap or mremap returned (and the heap's start) pairs a
 * kernel base with the model's, and a recorded address is moved by the pair of the region holding it.
 */
final class StepReplay {
    /** One difference: the step, its line and operation, the field, and both values. */
    record Difference(int step, int line, String op, String field, String kernel, String model) {
        @Override
        public String toString() {
            return "step " + step + " (line " + line + ": " + op + "): " + field + ": kernel " + kernel + ", model "
                + model;
        }
    }

    /** A kernel region and where the model has it. */
    private record Region(long kernelStart, long modelStart, long len) {
        boolean holdsKernel(long a) {
            return Long.compareUnsigned(a, kernelStart) >= 0 && Long.compareUnsigned(a - kernelStart, len) < 0;
        }

        boolean meetsModel(long s, long e) {
            return Long.compareUnsigned(s, modelStart + len) < 0 && Long.compareUnsigned(e, modelStart) > 0;
        }
    }

    private static final long HEAP_SPAN = 1L << 30;

    private final Map<String, List<Region>> regions = new HashMap<>();
    private final Map<String, long[]> heaps = new HashMap<>();
    private final List<Difference> differences = new ArrayList<>();

    /** Every difference, in step order; empty when the model did what the kernel did. */
    static List<Difference> compare(String scenario, String fileName, KernelRecording rec) {
        return new StepReplay().run(scenario, fileName, rec);
    }

    private List<Difference> run(String scenario, String fileName, KernelRecording rec) {
        ScenarioParser.Result parsed = ScenarioParser.parse(scenario, fileName);
        if (parsed.error() != null) {
            differences.add(new Difference(0, 0, "", "scenario", "parsed by the probe", parsed.error()));
            return differences;
        }
        Kernel kernel = new Kernel();
        Map<Integer, KernelRecording.Step> byLine = new HashMap<>();
        for (KernelRecording.Step s : rec.steps()) byLine.put(s.line(), s);
        for (ScenarioParser.Step step : parsed.steps()) {
            OpResult r = Syscalls.apply(kernel, step.op(), EventDetail.FULL);
            KernelRecording.Step k = byLine.get(step.line());
            if (k == null) continue;
            if (r.failed()) {
                differences.add(new Difference(k.number(), k.line(), k.op(), "operation", "ran", r.error()));
                return differences;
            }
            compareStep(k, r, kernel, step.op());
        }
        return differences;
    }

    private void diff(KernelRecording.Step k, String field, Object kernel, Object model) {
        if (!String.valueOf(kernel).equals(String.valueOf(model))) {
            differences.add(new Difference(k.number(), k.line(), k.op(), field, String.valueOf(kernel),
                String.valueOf(model)));
        }
    }

    private void compareStep(KernelRecording.Step k, OpResult r, Kernel kernel, Op op) {
        Task task = kernel.task(r.pid());
        Mm mm = task.mm();
        Op inner = op instanceof Op.InTask in ? in.op() : op;
        List<Region> regs = regions.computeIfAbsent(k.process(), p -> new ArrayList<>());
        long[] heap = heaps.computeIfAbsent(k.process(), p -> new long[] {k.startBrk(), mm.startBrk(), 0});
        if (inner instanceof Op.Fork f) {
            regions.put(f.childName(), new ArrayList<>(regs));
            heaps.put(f.childName(), heap.clone());
        }
        compareReturn(k, r, inner, regs, heap);
        if (k.minflt() >= 0) diff(k, "minflt", k.minflt(), r.minorFaults());
        if (k.majflt() >= 0) diff(k, "majflt", k.majflt(), r.majorFaults());
        TaskEvent.SignalRaised sig = null;
        for (SimEvent e : r.events()) if (e instanceof TaskEvent.SignalRaised s) sig = s;
        diff(k, "signal", k.signal() == null ? "-" : k.signal() + " at " + hex(toModel(regs, heap, k.signalAddr())),
            sig == null ? "-" : sig.signal() + " at " + hex(sig.addr()));
        heap[2] = Math.max(heap[2], mm.brk() - mm.startBrk());
        diff(k, "brk", hex(k.brk() - k.startBrk()), hex(mm.brk() - mm.startBrk()));
        diff(k, "vmas", kernelVmas(k, regs, heap), modelVmas(kernel, mm, regs, heap));
    }

    private void compareReturn(KernelRecording.Step k, OpResult r, Op op, List<Region> regs, long[] heap) {
        long m = r.result();
        // touch is no system call: its record's 0 says nothing
        if (k.ret().equals("child") || r.syscall() == null) return;
        boolean kErr = !k.retIsAddress() && k.retValue() < 0;
        String model = m < 0 && m > -4096 ? m + " " + Errno.of(m).name() : null;
        if (kErr || model != null) {
            diff(k, "return", k.ret(), model != null ? model : hex(m));
            return;
        }
        if (op instanceof Op.Brk) {
            diff(k, "return", "start_brk+" + hex(k.retValue() - k.startBrk()), "start_brk+" + hex(m - heap[1]));
        } else if (op instanceof Op.Mmap mmap) {
            regs.add(new Region(k.retValue(), m, pageAlign(mmap.len())));
            if (mmap.fixed() || mmap.noReplace()) diff(k, "return", k.ret(), hex(m));
        } else if (op instanceof Op.Mremap mr) {
            regs.add(new Region(k.retValue(), m, pageAlign(mr.newLen())));
        } else {
            diff(k, "return", k.ret(), Long.toString(m));
        }
    }

    private static long pageAlign(long len) {
        return (len + Vma.PAGE_SIZE - 1) & -Vma.PAGE_SIZE;
    }

    /** A kernel address where the model has it: through the latest region holding it, else the heap's pair. */
    private static long toModel(List<Region> regs, long[] heap, long a) {
        for (int i = regs.size() - 1; i >= 0; i--) {
            Region g = regs.get(i);
            if (g.holdsKernel(a)) return a - g.kernelStart() + g.modelStart();
        }
        if (Long.compareUnsigned(a, heap[0]) >= 0 && Long.compareUnsigned(a - heap[0], HEAP_SPAN) < 0) {
            return a - heap[0] + heap[1];
        }
        return a;
    }

    private static String kernelVmas(KernelRecording.Step k, List<Region> regs, long[] heap) {
        StringBuilder sb = new StringBuilder();
        for (KernelRecording.Vma v : k.vmas()) {
            long s = toModel(regs, heap, v.start());
            sb.append(line(s, s + (v.end() - v.start()), v.perms(), v.offset(), v.name(), v.flags(), v.pages()));
        }
        return sb.toString();
    }

    private static String modelVmas(Kernel kernel, Mm mm, List<Region> regs, long[] heap) {
        StringBuilder sb = new StringBuilder();
        for (Vma v : mm.vmas()) {
            boolean in = false;
            for (Region g : regs) in |= g.meetsModel(v.start(), v.end());
            long hs = heap[1];
            in |= Long.compareUnsigned(v.start(), hs + heap[2] + Vma.PAGE_SIZE) < 0
                && Long.compareUnsigned(v.end(), hs) > 0 && heap[2] > 0;
            if (!in) continue;
            char[] pages = new char[(int) Math.min(v.pages(), 4096)];
            java.util.Arrays.fill(pages, '.');
            if (kernel.pages() instanceof PhysicalMemory pm) {
                for (PageInfo p : pm.pages(mm, v)) {
                    long i = (p.addr() - v.start()) >>> Vma.PAGE_SHIFT;
                    if (i < pages.length && p.pte().mapped()) pages[(int) i] = p.pte().zero() ? 'Z' : 'P';
                }
            }
            long off = v.file() != null ? v.pgoff() << Vma.PAGE_SHIFT : 0;
            String name = ProcNames.name(mm, v);
            sb.append(line(v.start(), v.end(), v.perms(), off, name == null ? "" : name, VmFlags.mnemonics(v.flags()),
                new String(pages)));
        }
        return sb.toString();
    }

    private static String line(long s, long e, String perms, long off, String name, String flags, String pages) {
        return String.format("[%x-%x %s %x %s {%s} %s]", s, e, perms, off, name, flags, pages);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
